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
function runValue(r: Runes, i: number, start: bigint): [bigint, number] {
  let n = start;
  let j = i;
  for (; j < r.length && isDigit(r.at(j)); j++) n = BigInt.asIntN(64, n * 10n + BigInt(r.at(j) - 48));
  return [n, j];
}

/** Runes of a key: its code points, or (without surrogates, the usual case) its UTF-16 units as they are. */
interface Runes {
  length: number;
  at(i: number): number;
}

function runesOf(s: string): Runes {
  if (!/[\ud800-\udfff]/.test(s)) return { length: s.length, at: (i) => s.charCodeAt(i) };
  const points = codePoints(s);
  return { length: points.length, at: (i) => points[i] as number };
}

/** keyList.Less at the first differing rune i. */
function lessAt(a: Runes, b: Runes, i: number): boolean {
  const ca = a.at(i);
  const cb = b.at(i);
  const al = isLetter(ca);
  const bl = isLetter(cb);
  if (al && bl) return ca < cb;
  if (al || bl) return bl;
  let start = 0n;
  if (ca === 48 || cb === 48) {
    // A zero inside a number (after a non-zero digit) is not a leading zero.
    for (let j = i - 1; j >= 0 && isDigit(a.at(j)); j--) {
      if (a.at(j) !== 48) {
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
    const a = runesOf(x);
    const b = runesOf(y);
    const at = a.length === x.length ? i : codePoints(x.slice(0, i)).length;
    if (at >= a.length || at >= b.length) return a.length < b.length;
    return lessAt(a, b, at);
  }
  return x.length === y.length ? false : runeCount(x) < runeCount(y);
}

function runeCount(s: string): number {
  return /[\ud800-\udfff]/.test(s) ? codePoints(s).length : s.length;
}

/** Comparator for Array.prototype.sort. */
export function compareKeys(x: string, y: string): number {
  if (keyLess(x, y)) return -1;
  return keyLess(y, x) ? 1 : 0;
}

/**
 * Sorts keys in place into exactly the order `keys.sort(compareKeys)` gives.
 * That order is V8's: for fewer than 64 elements, TimSort takes the leading
 * run (reversing a strictly descending one) and binary-inserts the rest; this
 * does the same steps, without the work array V8 allocates on every sort (a
 * printer sorts the keys of every map it prints). The steps matter: the key
 * order is not a strict weak order (see keyLess), so another algorithm could
 * order some key sets differently.
 */
export function sortKeys(keys: string[]): void {
  const n = keys.length;
  if (n < 2) return;
  if (n >= 64) {
    keys.sort(compareKeys);
    return;
  }
  const run = leadingRun(keys, n);
  for (let start = run; start < n; start++) {
    const pivot = keys[start]!;
    let left = 0;
    let right = start;
    while (left < right) {
      const mid = left + ((right - left) >> 1);
      if (compareKeys(pivot, keys[mid]!) < 0) right = mid;
      else left = mid + 1;
    }
    for (let p = start; p > left; p--) keys[p] = keys[p - 1]!;
    keys[left] = pivot;
  }
}

/** Length of the ascending (or strictly descending, then reversed) run at the start, as V8's CountAndMakeRun. */
function leadingRun(keys: string[], n: number): number {
  let length = 2;
  const descending = compareKeys(keys[1]!, keys[0]!) < 0;
  let previous = keys[1]!;
  for (let i = 2; i < n; i++) {
    const current = keys[i]!;
    const order = compareKeys(current, previous);
    if (descending ? order >= 0 : order < 0) break;
    previous = current;
    length++;
  }
  if (descending) {
    for (let lo = 0, hi = length - 1; lo < hi; lo++, hi--) [keys[lo], keys[hi]] = [keys[hi]!, keys[lo]!];
  }
  return length;
}
