/**
 * The printer's output state and its scalar writers, ported from libyaml's
 * emitter as go-yaml v2 has it: two-space indent, width 80 (a plain or
 * quoted scalar breaks at a space once past column 80), literal blocks with
 * indentation and chomping hints.
 */
import { isBreak, isPrintable } from './scalar-style.js';

const BEST_WIDTH = 80;
const BEST_INDENT = 2;

const ESCAPES: Record<number, string> = {
  0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r',
  0x1b: 'e', 0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P',
};

export class Writer {
  /**
   * Pieces of the document being written, joined when it ends, and the
   * documents so far. Appending to one string would allocate a rope node per
   * piece and flatten a very deep rope at the end; one array of all pieces
   * would keep growing (and copying) its backing store.
   */
  private parts: string[] = [];
  private readonly documents: string[] = [];
  column = 0;
  whitespace = true;
  indention = true;
  indent = -1;

  /** Everything written so far. */
  get out(): string {
    return this.documents.join('') + this.parts.join('');
  }

  /** Starts a new document: the state of a fresh writer, the text written so far kept. */
  startDocument(separator: string): void {
    if (this.parts.length > 0) {
      this.parts.push(separator);
      this.documents.push(this.parts.join(''));
      this.parts = [];
    }
    this.column = 0;
    this.whitespace = true;
    this.indention = true;
    this.indent = -1;
  }

  /** A scalar without spaces or breaks (numbers, simple words): no folding can apply. */
  writeWord(s: string): void {
    if (!this.whitespace) {
      this.parts.push(' ');
      this.column++;
    }
    this.parts.push(s);
    this.column += s.length;
    this.whitespace = false;
    this.indention = false;
  }

  /** Text already laid out on the current line (a cached key with its ':'). */
  writeRaw(s: string): void {
    this.parts.push(s);
    this.column += s.length;
    this.whitespace = false;
    this.indention = false;
  }

  putBreak(): void {
    this.parts.push('\n');
    this.column = 0;
    this.indention = true;
  }

  /** Newline unless already at the indent on a fresh line, then pad to the indent. */
  writeIndent(): void {
    const indent = this.indent < 0 ? 0 : this.indent;
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    if (this.column < indent) {
      this.parts.push(spaces(indent - this.column));
      this.column = indent;
    }
    this.whitespace = true;
    this.indention = true;
  }

  writeIndicator(text: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) {
      this.parts.push(' ');
      this.column++;
    }
    this.parts.push(text);
    this.column += text.length;
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  private raw(text: string): void {
    this.parts.push(text);
    this.column += text.length;
  }

  /** A line break that is part of the value ('\n' is written as the output newline). */
  private writeBreakChar(c: number): void {
    if (c === 0x0a) this.putBreak();
    else {
      this.parts.push(String.fromCharCode(c));
      this.column = 0;
      this.indention = true;
    }
  }

  writePlain(s: string, allowBreaks: boolean): void {
    if (!this.whitespace) this.raw(' ');
    let spaces = false;
    let breaks = false;
    const n = s.length;
    for (let i = 0; i < n; ) {
      const c = s.charCodeAt(i);
      if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && s.charCodeAt(i + 1) !== 0x20) this.writeIndent();
        else this.raw(' ');
        i++;
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreakChar(c);
        i++;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        let j = i + 1;
        while (j < n && s.charCodeAt(j) !== 0x20 && !isBreak(s.charCodeAt(j))) j++;
        this.raw(s.slice(i, j));
        i = j;
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  writeSingleQuoted(s: string, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    const n = s.length;
    for (let i = 0; i < n; ) {
      const c = s.charCodeAt(i);
      if (c === 0x20) {
        const fold = allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < n - 1 && s.charCodeAt(i + 1) !== 0x20;
        if (fold) this.writeIndent();
        else this.raw(' ');
        i++;
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreakChar(c);
        i++;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.raw(c === 0x27 ? "''" : s[i]!);
        i++;
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  writeDoubleQuoted(s: string, allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    // libyaml's BOM test looks at the start of the value, not at the current
    // character: a value starting with U+FEFF has every character escaped.
    const escapeAll = s.charCodeAt(0) === 0xfeff;
    let spaces = false;
    const n = s.length;
    for (let i = 0; i < n; ) {
      const c = s.charCodeAt(i);
      if (escapeAll || needsEscape(c)) {
        const cp = s.codePointAt(i) as number;
        i += cp > 0xffff ? 2 : 1;
        this.raw(`\\${escapeOf(cp)}`);
        spaces = false;
      } else if (c === 0x20) {
        this.doubleQuotedSpace(s, i, allowBreaks && !spaces);
        i++;
        spaces = true;
      } else {
        let j = i + 1;
        while (j < n && isPlainDoubleChar(s.charCodeAt(j))) j++;
        this.raw(s.slice(i, j));
        i = j;
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  /** A space inside double quotes: a fold point past the width (a following space is then escaped). */
  private doubleQuotedSpace(s: string, i: number, mayBreak: boolean): void {
    if (mayBreak && this.column > BEST_WIDTH && i > 0 && i < s.length - 1) {
      this.writeIndent();
      if (s.charCodeAt(i + 1) === 0x20) this.raw('\\');
    } else this.raw(' ');
  }

  writeLiteral(s: string): void {
    this.writeIndicator('|', true, false, false);
    this.writeBlockHints(s);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    const n = s.length;
    for (let i = 0; i < n; ) {
      const c = s.charCodeAt(i);
      if (isBreak(c)) {
        this.writeBreakChar(c);
        i++;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        let j = i + 1;
        while (j < n && !isBreak(s.charCodeAt(j))) j++;
        this.raw(s.slice(i, j));
        i = j;
        this.indention = false;
        breaks = false;
      }
    }
  }

  /** `|2` when the text starts with a space or break; `-` without a final break, `+` with several. */
  private writeBlockHints(s: string): void {
    const first = s.charCodeAt(0);
    if (first === 0x20 || isBreak(first)) this.writeIndicator(String(BEST_INDENT), false, false, false);
    let chomp = '';
    const last = s.length - 1;
    if (s.length === 0 || !isBreak(s.charCodeAt(last))) chomp = '-';
    else if (last === 0 || isBreak(s.charCodeAt(last - 1))) chomp = '+';
    if (chomp) this.writeIndicator(chomp, false, false, false);
  }

  /** Pushes the indent for a nested node; `flow` is used for scalars (libyaml's convention). */
  increaseIndent(flow: boolean, indentless: boolean): number {
    const saved = this.indent;
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
    return saved;
  }
}

const SPACES: string[] = [];
function spaces(n: number): string {
  return (SPACES[n] ??= ' '.repeat(n));
}

function needsEscape(c: number): boolean {
  return !isPrintable(c) || c === 0xfeff || isBreak(c) || c === 0x22 || c === 0x5c;
}

function isPlainDoubleChar(c: number): boolean {
  return c !== 0x20 && c !== 0x22 && c !== 0x5c && c !== 0xfeff && isPrintable(c) && !isBreak(c);
}

function escapeOf(cp: number): string {
  const named = ESCAPES[cp];
  if (named !== undefined) return named;
  const hex = cp.toString(16).toUpperCase();
  if (cp <= 0xff) return `x${hex.padStart(2, '0')}`;
  if (cp <= 0xffff) return `u${hex.padStart(4, '0')}`;
  return `U${hex.padStart(8, '0')}`;
}
