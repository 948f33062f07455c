/**
 * Number text as kustomize's output path produces it. A value goes through
 * Go's encoding/json (ES6-style shortest digits) and is read back by the
 * YAML printer, which keeps anything that parses as an int64/uint64 as an
 * integer and prints every other float with Go's `%g` shortest form.
 */

import { fail } from '../core/diagnostic.js';
import { YamlCode } from './codes.js';
import { INT64_MIN, UINT64_MAX } from './go-int.js';

/** kustomize (Go's JSON encoder) cannot print NaN or infinities. */
function refuse(x: number): never {
  return fail(YamlCode.UnsupportedValue, `the number ${x} cannot be printed`);
}

/** Go strconv.FormatFloat(x, 'g', -1, 64) for a finite x. */
export function formatGoG(x: number): string {
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const exp = x.toExponential(); // shortest round-trip digits: "d.ddde±n"
  const e = exp.indexOf('e');
  const mantissa = exp.slice(0, e);
  const exponent = Number(exp.slice(e + 1));
  if (exponent < -4 || exponent >= 6) {
    const sign = exponent < 0 ? '-' : '+';
    const abs = Math.abs(exponent);
    return `${mantissa}e${sign}${abs < 10 ? '0' : ''}${abs}`;
  }
  // Fixed notation with the same shortest digits.
  return String(x);
}

/** Go encoding/json text for a float64 (also used for integral JS numbers). */
export function goJsonNumber(x: number): string {
  if (!Number.isFinite(x)) refuse(x);
  if (Object.is(x, -0)) return '-0';
  // JS and Go agree: shortest digits, fixed notation for 1e-6 <= |x| < 1e21,
  // exponent otherwise with no zero padding (Go trims "e-07" to "e-7").
  return String(x);
}

/** How the YAML printer shows a number after the JSON round trip. */
export function formatYamlNumber(x: number | bigint): string {
  if (typeof x === 'bigint') {
    if (x >= INT64_MIN && x <= UINT64_MAX) return x.toString();
    return formatGoG(Number(x));
  }
  if (!Number.isFinite(x)) refuse(x);
  if (Number.isInteger(x) && Math.abs(x) < 1e21) {
    if (Number.isSafeInteger(x)) return Object.is(x, -0) ? '0' : String(x);
    // The JSON text holds the shortest digits padded with zeros; it stays an
    // integer only if that text fits int64/uint64.
    const text = BigInt(String(x));
    if (text >= INT64_MIN && text <= UINT64_MAX) return text.toString();
  }
  return formatGoG(x);
}
