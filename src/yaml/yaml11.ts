/**
 * Would the YAML printer's reader (YAML 1.1 rules) take this unquoted string
 * for something other than a string? If so the printer double-quotes it.
 * Covers 1.1 booleans (y/yes/on/…), nulls, Go integers in every base, floats,
 * timestamps and base-60 numbers.
 */
import { resolveTimestamp } from './timestamp.js';
import { fitsGoInt, parseGoInt } from './go-int.js';

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

function looksNumeric(s: string): boolean {
  if (resolveTimestamp(s) !== undefined) return true;
  const plain = s.includes('_') ? s.replace(/_/g, '') : s;
  const int = parseGoInt(plain);
  // Within int64, or uint64 when unsigned; larger ones only count if they
  // also read as a float below (decimal digits do, 0x/0o/0b ones do not).
  if (int && fitsGoInt(int)) return true;
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
