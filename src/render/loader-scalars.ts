import type { JsonScalar } from '../core/json.js';

/**
 * kustomize decodes the kustomization file with sigs.k8s.io/yaml, whose
 * go-yaml v2 fork resolves plain scalars by YAML 1.1 rules: `yes`, `on`, `y`
 * are booleans, `0x1f` and `0o17` are integers, timestamps stay strings.
 * Resource files use yaml.v3 rules instead (src/yaml); this is only for
 * kustomization files, where it decides e.g. whether a label value is a string.
 */
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const TRUES = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const FALSES = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
const SPECIAL_FLOATS: Record<string, number> = {
  '.nan': NaN,
  '.NaN': NaN,
  '.NAN': NaN,
  '.inf': Infinity,
  '.Inf': Infinity,
  '.INF': Infinity,
  '+.inf': Infinity,
  '+.Inf': Infinity,
  '+.INF': Infinity,
  '-.inf': -Infinity,
  '-.Inf': -Infinity,
  '-.INF': -Infinity,
};
// First characters of the nulls, booleans, special floats and numbers above ('' is null).
const MAY_BE_SPECIAL = /^(?:$|[~nNtTfFyYoO0-9+.-])/;
const FLOAT_SYNTAX = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

export function resolvePlainScalarV2(text: string): JsonScalar {
  // Most values (names, paths, hosts) start with a character no special word or number starts with.
  if (!MAY_BE_SPECIAL.test(text)) return text;
  if (NULLS.has(text)) return null;
  if (TRUES.has(text)) return true;
  if (FALSES.has(text)) return false;
  if (text in SPECIAL_FLOATS) return SPECIAL_FLOATS[text]!;
  const first = text[0]!;
  if (!(first >= '0' && first <= '9') && first !== '-' && first !== '+' && first !== '.') return text;
  const plain = text.replaceAll('_', '');
  const int = parseGoInt(plain);
  if (int !== undefined) return int;
  if (FLOAT_SYNTAX.test(plain)) return Number(plain);
  return text;
}

/** Go's strconv.ParseInt(s, 0, 64) (plus ParseUint's range): sign, then 0x / 0o / 0b / leading-0 octal / decimal. */
function parseGoInt(s: string): number | bigint | undefined {
  let sign = 1n;
  let body = s;
  if (body.startsWith('+') || body.startsWith('-')) {
    if (body.startsWith('-')) sign = -1n;
    body = body.slice(1);
  }
  let digits: RegExp;
  let prefix = '';
  if (/^0[xX]/.test(body)) [digits, prefix, body] = [/^[0-9a-fA-F]+$/, '0x', body.slice(2)];
  else if (/^0[oO]/.test(body)) [digits, prefix, body] = [/^[0-7]+$/, '0o', body.slice(2)];
  else if (/^0[bB]/.test(body)) [digits, prefix, body] = [/^[01]+$/, '0b', body.slice(2)];
  else if (/^0[0-9]/.test(body)) [digits, prefix, body] = [/^[0-7]+$/, '0o', body.slice(1)];
  else digits = /^[0-9]+$/;
  if (!digits.test(body)) return undefined;
  const value = sign * BigInt(prefix + body);
  if (value < -(2n ** 63n) || value >= 2n ** 64n) return undefined;
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}
