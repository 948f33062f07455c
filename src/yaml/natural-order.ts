/**
 * The key order of the YAML printer kustomize uses: digit runs compare as
 * numbers (a2 < a10, and a1 < a01 when equal), a non-letter sorts before a
 * letter, letters compare by code point.
 */

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

function isLetter(c: number): boolean {
  if (c < 128) return isAsciiLetter(c);
  return LETTER.test(String.fromCodePoint(c));
}

function isDigit(c: number): boolean {
  if (c < 128) return c >= 48 && c <= 57;
  return DIGIT.test(String.fromCodePoint(c));
}

/** Code points of s (Go compares runes, not UTF-16 units). */
function codePoints(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0) as number);
  return out;
}

/** Value of the digit run from i, wrapping like Go's int64 arithmetic. */
function runValue(r: number[], i: number, start: bigint): [bigint, number] {
  let n = start;
  let j = i;
  for (; j < r.length && isDigit(r[j] as number); j++) n = BigInt.asIntN(64, n * 10n + BigInt((r[j] as number) - 48));
  return [n, j];
}

/** keyList.Less at the first differing rune i. */
function lessAt(a: number[], b: number[], i: number): boolean {
  const ca = a[i] as number;
  const cb = b[i] as number;
  const al = isLetter(ca);
  const bl = isLetter(cb);
  if (al && bl) return ca < cb;
  if (al || bl) return bl;
  let start = 0n;
  if (ca === 48 || cb === 48) {
    // A zero inside a number (after a non-zero digit) is not a leading zero.
    for (let j = i - 1; j >= 0 && isDigit(a[j] as number); j--) {
      if (a[j] !== 48) {
        start = 1n;
        break;
      }
    }
  }
  const [an, ai] = runValue(a, i, start);
  const [bn, bi] = runValue(b, i, start);
  if (an !== bn) return an < bn;
  if (ai !== bi) return ai < bi;
  return ca < cb;
}

/**
 * The printer's Less for two keys. It is not a strict weak order (v10 <
 * v1beta1 < v2 < v10); for such key sets kustomize's own output varies from
 * run to run (Go map order feeds its sort), so any consistent order will do.
 */
export function keyLess(x: string, y: string): boolean {
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const ca = x.charCodeAt(i);
    const cb = y.charCodeAt(i);
    if (ca === cb) continue;
    // Fast path: two ASCII letters, the common case.
    if (isAsciiLetter(ca) && isAsciiLetter(cb)) return ca < cb;
    const a = codePoints(x);
    const b = codePoints(y);
    const at = codePoints(x.slice(0, i)).length;
    if (at >= a.length || at >= b.length) return a.length < b.length;
    return lessAt(a, b, at);
  }
  return x.length === y.length ? false : codePoints(x).length < codePoints(y).length;
}

/** Comparator for Array.prototype.sort. */
export function compareKeys(x: string, y: string): number {
  if (keyLess(x, y)) return -1;
  return keyLess(y, x) ? 1 : 0;
}
