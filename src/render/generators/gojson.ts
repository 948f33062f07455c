import { isObject, type JsonValue } from '../../core/json.js';

/**
 * JSON text exactly as Go's `encoding/json.Marshal` writes it for values that
 * went through `map[string]interface{}`: object keys sorted by their UTF-8
 * bytes, no spaces, HTML-sensitive `<>&` and U+2028/U+2029 escaped, numbers
 * as float64. The content hash of generated objects depends on every byte.
 */
export function goJsonStringify(value: JsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return goFloat(value);
  if (typeof value === 'bigint') return goFloat(Number(value));
  if (typeof value === 'string') return goString(value);
  if (Array.isArray(value)) return `[${value.map(goJsonStringify).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value).sort(compareUtf8);
    return `{${keys.map((k) => `${goString(k)}:${goJsonStringify(value[k] as JsonValue)}`).join(',')}}`;
  }
  return 'null';
}

/** Go sorts map keys by bytes; for valid UTF-8 that is code point order (JS `<` compares UTF-16 units). */
export function compareUtf8(a: string, b: string): number {
  const ca = [...a];
  const cb = [...b];
  const n = Math.min(ca.length, cb.length);
  for (let i = 0; i < n; i++) {
    const x = ca[i]!.codePointAt(0)!;
    const y = cb[i]!.codePointAt(0)!;
    if (x !== y) return x - y;
  }
  return ca.length - cb.length;
}

/**
 * Go's float64 encoding: shortest round-trip digits, exponent form only below
 * 1e-6 or from 1e21 up. JavaScript's Number#toString already switches at the
 * same thresholds and prints exponents the way Go cleans them up (`1e-7`).
 */
function goFloat(n: number): string {
  if (Object.is(n, -0)) return '-0';
  return String(n);
}

const HEX = '0123456789abcdef';

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

function goString(s: string): string {
  let out = '"';
  for (const ch of s) out += SHORT_ESCAPES[ch] ?? escapeRune(ch);
  return out + '"';
}

/** Other control characters, `<>&` (Go's HTML-safe default) and U+2028/2029 as \uXXXX. */
function escapeRune(ch: string): string {
  const c = ch.codePointAt(0)!;
  if (c < 0x20 || ch === '<' || ch === '>' || ch === '&') return `\\u00${HEX[c >> 4]}${HEX[c & 0xf]}`;
  if (c === 0x2028 || c === 0x2029) return `\\u${c.toString(16)}`;
  // A lone surrogate is invalid UTF-8 to Go, which writes the replacement character.
  if (c >= 0xd800 && c <= 0xdfff) return '\\ufffd';
  return ch;
}
