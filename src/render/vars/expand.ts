import type { JsonScalar } from '../../core/json.js';

/**
 * `$(VAR)` expansion with Kubernetes' rules (kustomize api/filters/refvar/expand.go):
 * `$$` is an escaped `$`, an unterminated `$(` and a `$` before anything else stay as
 * they are, an unknown name stays `$(NAME)`. When the whole input is one reference the
 * value keeps its type (an int var gives an int); embedded values print like Go's `%v`.
 */
export type VarValue = string | number | bigint | boolean;

/** Returns the value for a name, or undefined to leave the reference untouched. */
export type VarLookup = (name: string) => VarValue | undefined;

export function expand(input: string, lookup: VarLookup): JsonScalar {
  let out = '';
  let checkpoint = 0;
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] !== '$' || cursor + 1 >= input.length) continue;
    out += input.slice(checkpoint, cursor);
    const { read, isVar, advance } = readVariableName(input.slice(cursor + 1));
    if (isVar) {
      const mapped = lookup(read);
      const value = mapped === undefined ? `$(${read})` : mapped;
      if (input === `$(${read})`) return value;
      out += goValueString(value);
    } else {
      out += read;
    }
    cursor += advance;
    checkpoint = cursor + 1;
  }
  return out + input.slice(checkpoint);
}

function readVariableName(rest: string): { read: string; isVar: boolean; advance: number } {
  const first = rest[0];
  if (first === '$') return { read: '$', isVar: false, advance: 1 };
  if (first === '(') {
    const close = rest.indexOf(')', 1);
    if (close >= 0) return { read: rest.slice(1, close), isVar: true, advance: close + 1 };
    return { read: '$(', isVar: false, advance: 1 };
  }
  return { read: `$${first ?? ''}`, isVar: false, advance: 1 };
}

function goValueString(value: VarValue): string {
  if (typeof value === 'number' && !Number.isInteger(value)) return goFloatString(value);
  return String(value);
}

/** Go's `%v` for a float64: shortest digits, exponent form below 1e-4 or from 1e+6 on (strconv %g, shortest). */
export function goFloatString(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mantissa, expText] = f.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  let text: string;
  if (exp < 0) text = `0.${'0'.repeat(-exp - 1)}${digits}`;
  else if (digits.length <= exp + 1) text = digits + '0'.repeat(exp + 1 - digits.length);
  else text = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  return negative ? `-${text}` : text;
}
