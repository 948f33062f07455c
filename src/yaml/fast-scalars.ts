/**
 * Shared pieces of the quick reader: giving up, line helpers, and quoted
 * scalars (one-line, and the folding of multi-line ones) with their escapes.
 * Any doubt gives up, leaving the text to the full parser.
 */

/** Thrown to abandon the quick reader. */
export class GiveUp extends Error {}

export function giveUp(): never {
  throw new GiveUp();
}

export function indentOf(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  return n;
}

/** Trims trailing spaces only (YAML whitespace; NBSP and friends are content). */
export function trimSpaces(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 32) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** Only spaces from `from`, optionally followed by a comment. */
export function restIsBlank(s: string, from: number): boolean {
  let j = from;
  while (s.charCodeAt(j) === 32) j++;
  return j >= s.length || (s.charCodeAt(j) === 35 && j > from);
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/**
 * Double-quoted scalar at `col`. With `decode`, returns the string (and the
 * rest of the line must be blank); without, returns the index after the
 * closing quote. Gives up if the string does not close on this line.
 */
export function readDoubleQuoted(line: string, col: number, decode: boolean): string | number {
  let out = '';
  let start = col + 1;
  for (let j = col + 1; j < line.length; j++) {
    const c = line[j]!;
    if (c === '"') {
      if (!decode) return j + 1;
      if (!restIsBlank(line, j + 1)) giveUp();
      return out + line.slice(start, j);
    }
    if (c !== '\\') continue;
    out += line.slice(start, j);
    const [text, width] = decodeEscape(line, j);
    out += text;
    j += width - 1;
    start = j + 1;
  }
  return giveUp();
}

/** Single-quoted scalar at `col`; same contract as readDoubleQuoted. */
export function readSingleQuoted(line: string, col: number, decode: boolean): string | number {
  let out = '';
  let start = col + 1;
  for (let j = col + 1; j < line.length; j++) {
    if (line.charCodeAt(j) !== 39) continue;
    if (line.charCodeAt(j + 1) === 39) {
      out += line.slice(start, j + 1);
      start = j + 2;
      j++;
      continue;
    }
    if (!decode) return j + 1;
    if (!restIsBlank(line, j + 1)) giveUp();
    return out + line.slice(start, j);
  }
  return giveUp();
}

/**
 * Folds the raw text of a multi-line quoted scalar (between its quotes) the
 * way YAML flow scalars fold: a single line break becomes a space, each
 * further blank line a newline, spaces around breaks vanish, and in double
 * quotes `\` before a break joins the lines without a space.
 */
export function foldQuoted(raw: string, double: boolean): string {
  let out = '';
  const n = raw.length;
  let i = 0;
  while (i < n) {
    let leadingBlanks = false;
    let escapedBreak = false;
    // Non-blank run.
    while (i < n && raw[i] !== ' ' && raw[i] !== '\n') {
      const c = raw[i]!;
      if (double && c === '\\') {
        const e = raw[i + 1];
        if (e === '\n') {
          i += 2;
          leadingBlanks = true;
          escapedBreak = true;
          break;
        }
        const [text, width] = decodeEscape(raw, i);
        out += text;
        i += width;
      } else if (!double && c === "'" && raw[i + 1] === "'") {
        out += "'";
        i += 2;
      } else {
        out += c;
        i++;
      }
    }
    // Blank and break run.
    let whitespace = '';
    let trailingBreaks = '';
    let leadingBreak = false;
    while (i < n && (raw[i] === ' ' || raw[i] === '\n')) {
      if (raw[i] === ' ') {
        if (!leadingBlanks) whitespace += ' ';
      } else if (!leadingBlanks) {
        whitespace = '';
        leadingBlanks = true;
        leadingBreak = true;
      } else trailingBreaks += '\n';
      i++;
    }
    if (leadingBlanks) out += leadingBreak && !escapedBreak && trailingBreaks === '' ? ' ' : trailingBreaks;
    else out += whitespace;
  }
  return out;
}

/** One escape sequence at raw[i] (a backslash): its text and its length. */
function decodeEscape(raw: string, i: number): [string, number] {
  const e = raw[i + 1];
  if (e === undefined) return giveUp();
  const simple = SIMPLE_ESCAPES[e];
  if (simple !== undefined) return [simple, 2];
  const width = HEX_LENGTH[e];
  const hex = width ? raw.slice(i + 2, i + 2 + width) : '';
  if (!width || hex.length !== width || !/^[0-9a-fA-F]+$/.test(hex)) giveUp();
  const cp = parseInt(hex, 16);
  if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) giveUp();
  return [String.fromCodePoint(cp), 2 + width];
}

/** Index of the quote closing a scalar whose text starts at `from`, or -1 if not on this line. */
export function closingQuote(s: string, from: number, double: boolean): number {
  for (let j = from; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (double) {
      if (c === 92) j++;
      else if (c === 34) return j;
    } else if (c === 39) {
      if (s.charCodeAt(j + 1) !== 39) return j;
      j++;
    }
  }
  return -1;
}
