/**
 * Go encoding/json Marshal of a map[string]interface{} tree: keys sorted
 * by bytes, no spaces, HTML-safe escapes (<, >, & as \u003c…), U+2028 and
 * U+2029 escaped, other non-ASCII raw, floats in Go's shortest form.
 * Generator hashes are computed over this text, so it must match exactly.
 */
import type { JsonValue } from '../core/json.js';
import { goJsonNumber } from './go-number.js';

const HEX = '0123456789abcdef';

const NEEDS_ESCAPE = /[\u0000-\u001f"\\<>&\u2028\u2029\ud800-\udfff]/;

function escapeChar(s: string, i: number): [string, number] {
  const c = s.charCodeAt(i);
  switch (c) {
    case 0x22: return ['\\"', 1];
    case 0x5c: return ['\\\\', 1];
    case 0x0a: return ['\\n', 1];
    case 0x0d: return ['\\r', 1];
    case 0x09: return ['\\t', 1];
    case 0x08: return ['\\b', 1];
    case 0x0c: return ['\\f', 1];
  }
  if (c >= 0xd800 && c <= 0xdbff) {
    const next = s.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return [s.slice(i, i + 2), 2];
    return ['\\ufffd', 1];
  }
  if (c >= 0xdc00 && c <= 0xdfff) return ['\\ufffd', 1];
  const hex = HEX[(c >> 12) & 15]! + HEX[(c >> 8) & 15]! + HEX[(c >> 4) & 15]! + HEX[c & 15]!;
  return [`\\u${hex}`, 1];
}

export function goJsonString(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return `"${s}"`;
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    const special = c < 0x20 || c === 0x22 || c === 0x5c || c === 0x3c || c === 0x3e || c === 0x26 ||
      c === 0x2028 || c === 0x2029 || (c >= 0xd800 && c <= 0xdfff);
    if (!special) {
      i++;
      continue;
    }
    out += s.slice(start, i);
    const [text, width] = escapeChar(s, i);
    out += text;
    i += width;
    start = i;
  }
  return `${out}${s.slice(start)}"`;
}

/** Go sorts map keys by their UTF-8 bytes, which is code point order, not UTF-16 order. */
function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1; // a surrogate stands for a code point above U+FFFF
    return x - y;
  }
  return a.length - b.length;
}

/** The exact bytes (as a string) Go's json.Marshal produces for `value`. */
export function goJsonStringify(value: JsonValue): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return goJsonString(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return goJsonNumber(value);
    case 'bigint':
      return value.toString();
    default:
      if (Array.isArray(value)) return `[${value.map(goJsonStringify).join(',')}]`;
      return `{${Object.keys(value)
        .sort(compareCodePoints)
        .map((k) => `${goJsonString(k)}:${goJsonStringify(value[k] as JsonValue)}`)
        .join(',')}}`;
  }
}
