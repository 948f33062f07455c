/**
 * `string.format(list)` of cel-go's strings extension: `%s %d %f %e %b %o
 * %x %X %%`, an optional `.N` precision, Go's number formatting (round half
 * to even, two-digit exponents) and cel-go's `%s` rendering of lists, maps,
 * timestamps and durations.
 */
import { Duration, UnsignedInt } from '@marcbachmann/cel-js/evaluator';
import { celError } from './errors.js';
import { celTypeName } from './equality.js';

const textDecoder = new TextDecoder();
const textEncoder = new TextEncoder();

export function formatString(template: string, args: readonly unknown[]): string {
  let out = '';
  let argIndex = 0;
  for (let i = 0; i < template.length; i++) {
    const ch = template[i];
    if (ch !== '%') {
      out += ch;
      continue;
    }
    i++;
    if (template[i] === '%') {
      out += '%';
      continue;
    }
    let precision: number | undefined;
    if (template[i] === '.') {
      let digits = '';
      while (i + 1 < template.length && /[0-9]/.test(template[i + 1] as string)) digits += template[++i];
      i++;
      precision = digits === '' ? 0 : Number(digits);
    }
    const verb = template[i] ?? '';
    if (!'sdfeboxX'.includes(verb) || verb === '') throw celError(`could not parse formatting clause: unrecognized formatting clause ${JSON.stringify(verb)}`);
    if (argIndex >= args.length) throw celError(`index ${argIndex} out of range`);
    out += formatOne(verb, precision, args[argIndex++]);
  }
  return out;
}

function formatOne(verb: string, precision: number | undefined, value: unknown): string {
  switch (verb) {
    case 's':
      return stringClause(value);
    case 'd':
      return decimalClause(value);
    case 'f':
      return fixedClause(value, precision ?? 6);
    case 'e':
      return scientificClause(value, precision ?? 6);
    case 'b':
      return radixClause(value, 2, 'only integers and bools can be formatted as binary', true);
    case 'o':
      return radixClause(value, 8, 'octal clause can only be used on integers', false);
    default:
      return hexClause(value, verb === 'X');
  }
}

function formattingError(what: string, value: unknown): never {
  throw celError(`error during formatting: ${what}, was given ${celTypeName(value)}`);
}

function integerOf(value: unknown): bigint | undefined {
  if (typeof value === 'bigint') return value;
  if (value instanceof UnsignedInt) return value.value;
  return undefined;
}

function specialDouble(value: number): string | undefined {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  return undefined;
}

function decimalClause(value: unknown): string {
  const int = integerOf(value);
  if (int !== undefined) return int.toString();
  if (typeof value === 'number' && specialDouble(value)) return specialDouble(value) as string;
  return formattingError('decimal clause can only be used on integers', value);
}

function numberOf(value: unknown, what: string): number {
  if (typeof value === 'number') return value;
  const int = integerOf(value);
  if (int !== undefined) return Number(int);
  return formattingError(what, value);
}

/** Go's %.Nf: exact decimal expansion, ties to even. */
export function toFixedEven(x: number, precision: number): string {
  const special = specialDouble(x);
  if (special) return special;
  const plain = x.toFixed(precision);
  const wide = x.toFixed(Math.min(100, precision + 25));
  const tail = wide.slice(wide.length - (Math.min(100, precision + 25) - precision));
  if (!/^50*$/.test(tail)) return plain;
  // An exact tie: toFixed rounded away from zero; Go keeps the even neighbour.
  const truncated = wide.slice(0, wide.length - tail.length - (precision === 0 ? 1 : 0));
  const lastDigit = Number(truncated.replace(/[^0-9]/g, '').slice(-1));
  return lastDigit % 2 === 0 ? truncated : plain;
}

function fixedClause(value: unknown, precision: number): string {
  return toFixedEven(numberOf(value, 'fixed-point clause can only be used on doubles'), precision);
}

function scientificClause(value: unknown, precision: number): string {
  const x = numberOf(value, 'scientific clause can only be used on doubles');
  const special = specialDouble(x);
  if (special) return special;
  const [mantissa, exponent] = x.toExponential(precision).split('e') as [string, string];
  const sign = exponent.startsWith('-') ? '-' : '+';
  const digits = exponent.replace(/^[-+]/, '').padStart(2, '0');
  return `${mantissa}e${sign}${digits}`;
}

function radixClause(value: unknown, radix: number, what: string, allowBool: boolean): string {
  if (allowBool && typeof value === 'boolean') return value ? '1' : '0';
  const int = integerOf(value);
  if (int === undefined) return formattingError(what, value);
  return int.toString(radix);
}

function hexClause(value: unknown, upper: boolean): string {
  let hex: string;
  const int = integerOf(value);
  if (int !== undefined) hex = int.toString(16);
  else if (typeof value === 'string') hex = bytesToHex(textEncoder.encode(value));
  else if (value instanceof Uint8Array) hex = bytesToHex(value);
  else return formattingError('only integers, byte buffers, and strings can be formatted as hex', value);
  return upper ? hex.toUpperCase() : hex;
}

function bytesToHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A double as cel-go prints it in `%s`: shortest round-trip form, no exponent for ordinary magnitudes. */
export function formatDouble(x: number): string {
  return specialDouble(x) ?? String(x);
}

/** RFC 3339 with only as many fraction digits as needed, as Go's time.RFC3339Nano. */
export function formatTimestamp(d: Date): string {
  return d.toISOString().replace(/\.000Z$/, 'Z').replace(/(\.\d*?)0+Z$/, '$1Z');
}

export function formatDuration(d: Duration): string {
  const nanos = d.seconds * 1_000_000_000n + BigInt(d.nanos);
  const negative = nanos < 0n;
  const abs = negative ? -nanos : nanos;
  const whole = abs / 1_000_000_000n;
  const fraction = (abs % 1_000_000_000n).toString().padStart(9, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}s`;
}

const STRING_CLAUSE_TYPES = 'string clause can only be used on strings, bools, bytes, ints, doubles, maps, lists, types, durations, and timestamps';

function stringClause(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === null) return 'null';
  if (typeof value === 'number') return formatDouble(value);
  if (value instanceof UnsignedInt) return value.value.toString();
  if (value instanceof Uint8Array) return textDecoder.decode(value);
  if (value instanceof Date) return formatTimestamp(value);
  if (value instanceof Duration) return formatDuration(value);
  if (Array.isArray(value)) return `[${value.map(stringClause).join(', ')}]`;
  if (value instanceof Map) return mapClause([...value.entries()]);
  if (typeof value === 'object' && value.constructor === Object) return mapClause(Object.entries(value));
  if (typeof value === 'object' && value.constructor.name === 'Type') return String((value as { name: string }).name);
  return formattingError(STRING_CLAUSE_TYPES, value);
}

function mapClause(entries: [unknown, unknown][]): string {
  const parts = entries.map(([k, v]) => [stringClause(k), stringClause(v)] as const);
  parts.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return `{${parts.map(([k, v]) => `${k}: ${v}`).join(', ')}}`;
}

/** cel-go's strings.quote: a double-quoted string with C-style escapes. */
export function quote(s: string): string {
  const escapes: Record<string, string> = {
    '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '\\': '\\\\', '"': '\\"',
  };
  let out = '"';
  for (const ch of wellFormed(s)) out += escapes[ch] ?? ch;
  return `${out}"`;
}

/** Lone surrogates become U+FFFD, as Go does for invalid UTF-8. */
function wellFormed(s: string): string {
  return s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}
