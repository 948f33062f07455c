/**
 * kustomize prints via JSON: Go's encoder leaves most characters raw and the
 * YAML reader then parses that JSON text. Two consequences for strings:
 * a raw NEL (U+0085) is a line break inside a double-quoted scalar and gets
 * folded, and characters that YAML forbids in a stream make printing fail.
 */
import { fail } from '../core/diagnostic.js';
import { YamlCode } from './codes.js';

const UNPRINTABLE_IN_STREAM = /[\u007f-\u0084\u0086-\u009f\ufffe\uffff]/;

/** Double-quoted line folding applied to NEL breaks (spaces around a break go; one break reads as a space). */
function foldNel(s: string): string {
  let out = '';
  const n = s.length;
  for (let i = 0; i < n; ) {
    const c = s[i]!;
    if (c !== ' ' && c !== '\u0085') {
      out += c;
      i++;
      continue;
    }
    let spaces = '';
    let broke = false;
    let extraBreaks = 0;
    for (; i < n && (s[i] === ' ' || s[i] === '\u0085'); i++) {
      if (s[i] === ' ') {
        if (!broke) spaces += ' ';
      } else if (!broke) broke = true;
      else extraBreaks++;
    }
    out += broke ? (extraBreaks === 0 ? ' ' : '\n'.repeat(extraBreaks)) : spaces;
  }
  return out;
}

const NON_ASCII = /[^\u0000-\u007e]/; // DEL (U+007F) is not printable either
function isAscii(s: string): boolean {
  return !NON_ASCII.test(s);
}

/** The string as the printer receives it; throws for text kustomize cannot print. */
export function rereadString(s: string): string {
  if (isAscii(s)) return s;
  if (UNPRINTABLE_IN_STREAM.test(s)) {
    fail(YamlCode.UnsupportedValue, `string ${JSON.stringify(s)} holds a character that cannot be printed`);
  }
  return s.includes('\u0085') ? foldNel(s) : s;
}
