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
  for (let i = 0; i < raw.length; ) {
    const run = readRun(raw, i, double);
    out += run.text;
    const blanks = readBlanks(raw, run.next, run.escapedBreak);
    out += blanks.text;
    i = blanks.next;
  }
  return out;
}

/** Text up to the next space or break; stops after an escaped line break (`\` at the end of a line). */
function readRun(raw: string, from: number, double: boolean): { text: string; next: number; escapedBreak: boolean } {
  let text = '';
  let i = from;
  while (i < raw.length && raw[i] !== ' ' && raw[i] !== '\n') {
    const c = raw[i]!;
    if (double && c === '\\') {
      if (raw[i + 1] === '\n') return { text, next: i + 2, escapedBreak: true };
      const [decoded, width] = decodeEscape(raw, i);
      text += decoded;
      i += width;
    } else if (!double && c === "'" && raw[i + 1] === "'") {
      text += "'";
      i += 2;
    } else {
      text += c;
      i++;
    }
  }
  return { text, next: i, escapedBreak: false };
}

/**
 * Spaces and breaks from `from`: kept as they are on one line; around a
 * break they vanish, and the breaks fold (one break: a space; each further
 * one: a newline; after an escaped break: only the further ones).
 */
function readBlanks(raw: string, from: number, afterEscapedBreak: boolean): { text: string; next: number } {
  let spaces = '';
  let breaks = 0;
  let i = from;
  for (; i < raw.length && (raw[i] === ' ' || raw[i] === '\n'); i++) {
    if (raw[i] === '\n') breaks++;
    else if (breaks === 0 && !afterEscapedBreak) spaces += ' ';
  }
  if (afterEscapedBreak) return { text: '\n'.repeat(breaks), next: i };
  if (breaks === 0) return { text: spaces, next: i };
  return { text: breaks === 1 ? ' ' : '\n'.repeat(breaks - 1), next: i };
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
