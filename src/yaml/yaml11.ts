/**
 * Would the YAML printer's reader (YAML 1.1 rules) take this unquoted string
 * for something other than a string? If so the printer double-quotes it.
 * Covers 1.1 booleans (y/yes/on/…), nulls, Go integers in every base, floats,
 * timestamps and base-60 numbers.
 */
import { resolveTimestamp } from './timestamp.js';

const NON_STRINGS = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO',
  'true', 'True', 'TRUE', 'false', 'False', 'FALSE',
  'on', 'On', 'ON', 'off', 'Off', 'OFF',
  '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF',
  '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
]);

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** Go ParseFloat syntax for text starting with '.', underscores only between digits. */
export const DOT_FLOAT = /^\.[0-9]+(_[0-9]+)*([eE][-+]?[0-9]+(_[0-9]+)*)?$/;
const BASE60 = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const INT_BODY: Record<number, RegExp> = { 2: /^[01]+$/, 8: /^[0-7]*$/, 10: /^[0-9]+$/, 16: /^[0-9a-fA-F]+$/ };

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Go ParseUint/ParseInt with base 0: is the syntax valid, and does the signed value fit int64? */
function goIntSyntax(text: string): { unsigned: boolean; fitsInt64: boolean } | undefined {
  let s = text;
  let sign = '';
  if (s[0] === '+' || s[0] === '-') {
    sign = s[0];
    s = s.slice(1);
  }
  if (s === '') return undefined;
  let base = 10;
  let body = s;
  if (s[0] === '0') {
    const m = s.length >= 3 ? s[1]!.toLowerCase() : '';
    base = m === 'b' ? 2 : m === 'o' ? 8 : m === 'x' ? 16 : 8;
    body = s.slice(m === 'b' || m === 'o' || m === 'x' ? 2 : 1);
  }
  if (!INT_BODY[base]!.test(body)) return undefined;
  const prefix = base === 2 ? '0b' : base === 8 ? '0o' : base === 16 ? '0x' : '';
  const magnitude = BigInt(prefix + body);
  const value = sign === '-' ? -magnitude : magnitude;
  return { unsigned: sign === '', fitsInt64: value >= INT64_MIN && value <= INT64_MAX };
}

function looksNumeric(s: string): boolean {
  if (resolveTimestamp(s) !== undefined) return true;
  const plain = s.includes('_') ? s.replace(/_/g, '') : s;
  const int = goIntSyntax(plain);
  // Unsigned integers of any size count (the reader falls back to big ints);
  // signed ones only within int64, unless they also read as a float below.
  if (int && (int.unsigned || int.fitsInt64)) return true;
  if (YAML_STYLE_FLOAT.test(plain) && Number.isFinite(Number(plain))) return true;
  return false;
}

/** True when the printer must double-quote `s` so it reads back as a string. */
export function resolvesToNonString(s: string): boolean {
  if (s === '') return true;
  const c = s.charCodeAt(0);
  const isDigitOrSign = (c >= 48 && c <= 57) || c === 43 || c === 45;
  if (isDigitOrSign) {
    if (NON_STRINGS.has(s)) return true;
    if (looksNumeric(s)) return true;
    return s.includes(':') && BASE60.test(s);
  }
  if (c === 46) return NON_STRINGS.has(s) || (DOT_FLOAT.test(s) && Number.isFinite(Number(s.replace(/_/g, ''))));
  return NON_STRINGS.has(s);
}
