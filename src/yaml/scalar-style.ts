/**
 * How the YAML printer kustomize uses (go-yaml v2's libyaml port) picks a
 * scalar style for a string: it asks for plain (double quotes if the text
 * would read back as another type, a literal block if it has a newline),
 * then downgrades according to what the characters allow.
 */
import { resolvesToNonString } from './yaml11.js';

export const enum Style {
  Plain,
  Single,
  Double,
  Literal,
}

/** libyaml's is_printable on a UTF-16 unit; surrogates (non-BMP) are not printable. */
export function isPrintable(c: number): boolean {
  return c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);
}

export function isBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

interface Allowed {
  multiline: boolean;
  plain: boolean;
  single: boolean;
  block: boolean;
}

const FIRST_INDICATORS = new Set('#,[]{}&*!|>\'"%@`'.split('').map((ch) => ch.charCodeAt(0)));

/** Block indicators: what would make a plain scalar read as something else. */
function hasBlockIndicator(s: string): boolean {
  if (s.startsWith('---') || s.startsWith('...')) return true;
  const n = s.length;
  const followedByBlank = (i: number): boolean => i + 1 >= n || isBlank(s.charCodeAt(i + 1));
  const c0 = s.charCodeAt(0);
  if (FIRST_INDICATORS.has(c0)) return true;
  if ((c0 === 0x3f || c0 === 0x3a || c0 === 0x2d) && followedByBlank(0)) return true; // '? ', ': ', '- '
  for (let i = 1; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3a && followedByBlank(i)) return true; // ': '
    if (c === 0x23) {
      const p = s.charCodeAt(i - 1);
      if (isBlank(p) || isBreak(p) || p === 0) return true; // ' #'
    }
  }
  return false;
}

/** Where spaces and line breaks sit: the rest of yaml_emitter_analyze_scalar. */
interface Layout {
  lineBreaks: boolean;
  special: boolean;
  edgeSpaceOrBreak: boolean;
  trailingSpace: boolean;
  breakSpace: boolean;
  spaceBreak: boolean;
}

function layoutOf(s: string): Layout {
  const n = s.length;
  const out: Layout = { lineBreaks: false, special: false, edgeSpaceOrBreak: false, trailingSpace: false, breakSpace: false, spaceBreak: false };
  let previous = 0; // 1: space, 2: break
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (!isPrintable(c)) out.special = true;
    const kind = c === 0x20 ? 1 : isBreak(c) ? 2 : 0;
    if (kind === 0) {
      previous = 0;
      continue;
    }
    if (i === 0 || i === n - 1) out.edgeSpaceOrBreak = true;
    if (kind === 1) {
      if (i === n - 1) out.trailingSpace = true;
      if (previous === 2) out.breakSpace = true;
    } else {
      out.lineBreaks = true;
      if (previous === 1) out.spaceBreak = true;
    }
    previous = kind;
  }
  return out;
}

/** yaml_emitter_analyze_scalar for block context (the printer never uses flow for non-empty collections). */
function analyze(s: string): Allowed {
  if (s.length === 0) return { multiline: false, plain: true, single: true, block: false };
  const l = layoutOf(s);
  const allowed: Allowed = { multiline: l.lineBreaks, plain: true, single: true, block: true };
  if (l.edgeSpaceOrBreak) allowed.plain = false;
  if (l.trailingSpace) allowed.block = false;
  if (l.breakSpace) allowed.plain = allowed.single = false;
  if (l.spaceBreak || l.special) allowed.plain = allowed.single = allowed.block = false;
  if (l.lineBreaks || hasBlockIndicator(s)) allowed.plain = false;
  return allowed;
}

/** ASCII letters, digits and `-./_=+`: characters that never need quoting inside a word. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 47 || c === 95 || c === 61 || c === 43;
}

/**
 * True for the common case that needs no analysis: starts with a letter,
 * `/` or `_`, holds only word characters, and is not a YAML 1.1 keyword.
 */
export function isPlainWord(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  const c0 = s.charCodeAt(0);
  if (!((c0 >= 97 && c0 <= 122) || (c0 >= 65 && c0 <= 90) || c0 === 47 || c0 === 95)) return false;
  for (let i = 1; i < n; i++) if (!isWordChar(s.charCodeAt(i))) return false;
  return !resolvesToNonString(s);
}

export interface ScalarChoice {
  style: Style;
  multiline: boolean;
}

const PLAIN_SINGLE_LINE: ScalarChoice = { style: Style.Plain, multiline: false };

/** The style the printer ends up with for string `s` as a value (or as a simple key). */
export function chooseStyle(s: string, simpleKey: boolean): ScalarChoice {
  if (isPlainWord(s)) return PLAIN_SINGLE_LINE;
  const a = analyze(s);
  let style = resolvesToNonString(s) ? Style.Double : s.includes('\n') ? Style.Literal : Style.Plain;
  if (simpleKey && a.multiline) style = Style.Double;
  if (style === Style.Plain && !a.plain) style = Style.Single;
  if (style === Style.Single && !a.single) style = Style.Double;
  if (style === Style.Literal && (!a.block || simpleKey)) style = Style.Double;
  return { style, multiline: a.multiline };
}
