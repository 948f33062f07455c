/**
 * Keys and plain scalars on one line for the quick reader: where a simple
 * key ends, what a key reads as, and plain text up to a comment.
 */
import type { JsonValue } from '../core/json.js';
import { resolvePlain, UnsupportedScalar } from './scalar.js';
import { closingQuote, giveUp, readDoubleQuoted, readSingleQuoted, trimSpaces } from './fast-scalars.js';

/** Index of the ':' ending a simple key that starts at `col`, or -1. */
export function keyEnd(line: string, col: number): number {
  const c = line.charCodeAt(col);
  if (c === 34 || c === 39) {
    const close = closingQuote(line, col + 1, c === 34);
    if (close < 0) return -1;
    let j = close + 1;
    while (line.charCodeAt(j) === 32) j++;
    return line.charCodeAt(j) === 58 && isSeparator(line, j + 1) ? j : -1;
  }
  if (startsSpecially(line, col)) return -1;
  // The first ':' followed by a space or the line end, unless a comment (` #`) starts before it.
  let colon = line.indexOf(':', col);
  while (colon >= 0 && !isSeparator(line, colon + 1)) colon = line.indexOf(':', colon + 1);
  if (colon < 0) return -1;
  const comment = line.indexOf(' #', col);
  return comment >= 0 && comment < colon ? -1 : colon;
}

export function isSeparator(line: string, j: number): boolean {
  return j >= line.length || line.charCodeAt(j) === 32;
}

/** Characters that begin something other than a plain scalar (or that we leave to the full parser). */
export function startsSpecially(line: string, col: number): boolean {
  const c = line[col]!;
  if ('[]{},#&*!|>\'"%@`'.includes(c)) return true;
  return (c === '-' || c === '?' || c === ':') && isSeparator(line, col + 1);
}

/**
 * How plain scalars and plain keys read: yaml.v3's rules for resources
 * (YAML_V3), or a caller's own (kustomization files follow go-yaml v2).
 */
export interface Dialect {
  /** A plain scalar's value; gives up on text it cannot represent. */
  plain(text: string): JsonValue;
  /** A plain key's text; gives up on keys that do not read as strings. `root`: at a document's top level. */
  key(text: string, root: boolean): string;
}

export const YAML_V3: Dialect = {
  plain: resolved,
  // yaml.v3 keeps a top-level key's text; nested keys must resolve to strings.
  key: (text, root) => (root ? text : stringKey(resolvePlain(text))),
};

function stringKey(value: unknown): string {
  return typeof value === 'string' ? value : giveUp();
}

export function readKey(raw: string, root: boolean, dialect: Dialect): string {
  const c = raw.charCodeAt(0);
  if (c === 34 || c === 39) {
    const text = c === 34 ? readDoubleQuoted(raw, 0, true) : readSingleQuoted(raw, 0, true);
    if (typeof text !== 'string' || text === '<<') giveUp();
    return text;
  }
  const key = trimSpaces(raw);
  // (Tabs never get here: the quick reader leaves texts with tabs to the full parser.)
  if (key === '<<') giveUp();
  return dialect.key(key, root);
}

/**
 * Whether a more indented line would not simply continue a block plain scalar.
 * Any character may start a continuation line (`> 5000` after a long PromQL
 * expression is how kustomize folds one); `- `, `? ` and `: ` are left to the
 * full parser.
 */
export function continuesSpecially(line: string, col: number): boolean {
  const c = line[col]!;
  return (c === '-' || c === '?' || c === ':') && isSeparator(line, col + 1);
}

/** The plain text on one line from `col`: up to a comment, trailing spaces dropped. `continuation`: a later line of the scalar. */
export function plainText(line: string, col: number, continuation = false): { text: string; comment: boolean } {
  if (continuation ? continuesSpecially(line, col) : startsSpecially(line, col)) giveUp();
  // A comment starts at ` #`; before it, `: ` (or a ':' ending the line) would make a key.
  const hash = line.indexOf(' #', col);
  const end = hash < 0 ? line.length : hash;
  const colon = line.indexOf(': ', col);
  if ((colon >= 0 && colon < end) || (hash < 0 && line.charCodeAt(end - 1) === 58 && end - 1 >= col)) giveUp();
  return { text: trimSpaces(line.slice(col, end)), comment: hash >= 0 };
}

export function resolved(text: string): JsonValue {
  const value = resolvePlain(text);
  if (value instanceof UnsupportedScalar) giveUp();
  return value;
}

