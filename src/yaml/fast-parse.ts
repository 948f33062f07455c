/**
 * A quick reader for the YAML that Kubernetes files are made of: block maps
 * and sequences (compact and indentless too), plain and quoted scalars
 * (folded over several lines), one-line flow collections, literal and folded
 * blocks, anchors and aliases. Anything else (tags, merge keys, complex keys,
 * tabs, CRs, errors of any kind) makes it give up, and the caller falls back
 * to the full parser. Both must agree on every input this one accepts; the
 * tests compare them. Positions of nodes are kept only when asked for.
 */
import type { JsonObject, JsonValue } from '../core/json.js';
import {
  closingQuote, foldQuoted, GiveUp, giveUp, indentOf, readDoubleQuoted, readSingleQuoted, restIsBlank,
} from './fast-scalars.js';
import { Anchors, readName } from './fast-anchors.js';
import { readLiteral } from './fast-block.js';
import { parseFlow } from './fast-flow.js';
import { continuesSpecially, keyEnd, plainText, readKey, YAML_V3, type Dialect } from './fast-plain.js';
import { NodePositions, pos, type Pos } from './fast-positions.js';

export interface FastDocument {
  value: JsonValue;
  /** 1-based line of the first content (of the `---` for an empty document). */
  line: number;
  /** Where each node starts, when asked for. */
  positions?: NodePositions;
}

export interface FastOptions {
  /** How plain scalars and keys read (yaml.v3's rules by default). */
  dialect?: Dialect;
  /** Record every node's position (FastDocument.positions). */
  positions?: boolean;
}

/**
 * Indentation of every line, and -1 for lines with nothing but spaces or a
 * comment: the reader asks for a line's indentation several times.
 */
function indentsOf(lines: string[], count: number): Int32Array {
  const out = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    const line = lines[k]!;
    const n = indentOf(line);
    out[k] = n === line.length || line.charCodeAt(n) === 35 ? -1 : n;
  }
  return out;
}

/** `-` followed by a space or the end of the line, at column `col`. */
function isSeqEntry(line: string, col: number): boolean {
  return line.charCodeAt(col) === 45 && (col + 1 === line.length || line.charCodeAt(col + 1) === 32);
}

class Reader {
  i: number;

  /** Where positions go; set only when they were asked for. */
  track: NodePositions | undefined;
  private readonly anchors = new Anchors();

  constructor(
    readonly lines: string[],
    /** indentsOf(lines): -1 for blank and comment lines. */
    readonly indents: Int32Array,
    start: number,
    readonly end: number,
    readonly unterminatedLast: boolean,
    readonly dialect: Dialect,
  ) {
    this.i = start;
  }

  /** Moves past blank and comment lines; returns false at the end of the document. */
  skipBlank(): boolean {
    while (this.i < this.end && this.indents[this.i]! < 0) this.i++;
    return this.i < this.end;
  }

  /** A node whose lines are indented more than `parent`, starting at the current line. */
  block(parent: number): JsonValue {
    const line = this.lines[this.i]!;
    const col = this.indents[this.i]!;
    if (isSeqEntry(line, col)) return this.sequence(col);
    if (keyEnd(line, col) > 0) return this.mapping(col, parent < 0);
    return this.inlineValue(line, col, parent);
  }

  mapping(indent: number, root: boolean): JsonObject {
    const out: JsonObject = {};
    while (this.skipBlank()) {
      const line = this.lines[this.i]!;
      const col = this.indents[this.i]!;
      if (col < indent) break;
      if (col > indent || isSeqEntry(line, col)) giveUp();
      const colon = keyEnd(line, col);
      if (colon < 0) giveUp();
      const key = readKey(line.slice(col, colon), root, this.dialect);
      if (Object.hasOwn(out, key) || key === '__proto__') giveUp();
      if (this.track) this.track.entry(out, key, { key: pos(this.i, col), value: this.valueStart(line, colon + 1, indent) });
      out[key] = this.valueAfter(line, colon + 1, indent);
    }
    return out;
  }

  sequence(indent: number): JsonValue[] {
    const out: JsonValue[] = [];
    while (this.skipBlank()) {
      const line = this.lines[this.i]!;
      const col = this.indents[this.i]!;
      if (col < indent) break;
      if (col > indent || !isSeqEntry(line, col)) {
        if (col > indent) giveUp();
        break;
      }
      let start = col + 1;
      while (line.charCodeAt(start) === 32) start++;
      if (this.track) this.track.item(out, out.length, this.itemStart(line, start, indent));
      if (start >= line.length || line.charCodeAt(start) === 35) {
        this.i++;
        out.push(this.nestedOrNull(indent, false));
        continue;
      }
      // Compact forms (`- key: v`, `- - x`, `- scalar`) read as if the dash were a space:
      // the line's indentation becomes the column after it (nothing reads left of a node's column).
      this.indents[this.i] = start;
      out.push(this.block(indent));
    }
    return out;
  }

  /** The value after `key:` (from column `from`) of a mapping at `indent`. */
  private valueAfter(line: string, from: number, indent: number): JsonValue {
    let start = from;
    while (line.charCodeAt(start) === 32) start++;
    if (start >= line.length || line.charCodeAt(start) === 35) {
      if (start === from && start < line.length) giveUp(); // `key:#x`
      this.i++;
      return this.nestedOrNull(indent, true);
    }
    if (start === from) giveUp();
    return this.inlineValue(line, start, indent);
  }

  /** What follows an empty `key:` or `-`: a more indented block, a same-column list (for keys), or null. */
  private nestedOrNull(indent: number, allowIndentless: boolean): JsonValue {
    if (!this.skipBlank()) return null;
    const line = this.lines[this.i]!;
    const col = this.indents[this.i]!;
    if (col > indent) return this.block(indent);
    if (allowIndentless && col === indent && isSeqEntry(line, col)) return this.sequence(col);
    return null;
  }

  /** A scalar or flow collection starting at `col`; the node's parent block sits at `parent`. */
  private inlineValue(line: string, col: number, parent: number): JsonValue {
    const c = line.charCodeAt(col);
    if (c === 38 || c === 42) return this.anchorOrAlias(line, col, parent, c === 38);
    if (c === 124 || c === 62) {
      // '|' or '>': a literal or folded block over the following lines.
      if (parent < 0) giveUp();
      const block = readLiteral(this.lines, this.i, this.end, this.unterminatedLast, col, parent);
      this.i = block.next;
      return block.value;
    }
    let value: JsonValue;
    if (c === 34 || c === 39) value = this.quoted(line, col, parent, c === 34);
    else if (c === 91 || c === 123) {
      value = parseFlow(this.lines, this.i, col, parent < 0, this.dialect, this.track);
      this.i++;
    } else value = this.plain(line, col, parent);
    // A more indented line after the value would continue it (or be an error).
    if (this.skipBlank() && this.indents[this.i]! > parent) giveUp();
    return value;
  }

  /** `&name node` (remembered for later aliases) or `*name` (a copy of what was remembered). */
  private anchorOrAlias(line: string, col: number, parent: number, isAnchor: boolean): JsonValue {
    // The full parser places anchored and aliased nodes its own way (a document starts at its content, not its anchor).
    if (this.track || parent < 0) giveUp();
    const { name, next } = readName(line, col);
    const restBlank = next >= line.length || line.charCodeAt(next) === 35;
    if (!isAnchor) {
      if (!restBlank) giveUp();
      this.i++;
      if (this.skipBlank() && this.indents[this.i]! > parent) giveUp();
      return this.anchors.copy(name);
    }
    let value: JsonValue;
    if (restBlank) {
      this.i++;
      value = this.nestedOrNull(parent, false);
    } else {
      // A node has at most one anchor, and an alias takes none.
      const c = line.charCodeAt(next);
      if (c === 38 || c === 42) giveUp();
      value = this.inlineValue(line, next, parent);
    }
    this.anchors.set(name, value);
    return value;
  }

  private quoted(line: string, col: number, parent: number, double: boolean): string {
    if (closingQuote(line, col + 1, double) >= 0) {
      this.i++;
      return (double ? readDoubleQuoted(line, col, true) : readSingleQuoted(line, col, true)) as string;
    }
    if (parent < 0) giveUp();
    let raw = line.slice(col + 1);
    for (let k = this.i + 1; k < this.end; k++) {
      const next = this.lines[k]!;
      const spaces = indentOf(next);
      if (spaces <= parent && spaces < next.length) giveUp();
      const close = closingQuote(next, 0, double);
      if (close < 0) {
        raw += `\n${next}`;
        continue;
      }
      if (!restIsBlank(next, close + 1)) giveUp();
      this.i = k + 1;
      return foldQuoted(`${raw}\n${next.slice(0, close)}`, double);
    }
    return giveUp();
  }

  /** A plain scalar, folded over more indented continuation lines. */
  private plain(line: string, col: number, parent: number): JsonValue {
    const first = plainText(line, col);
    this.i++;
    if (first.comment) return this.dialect.plain(first.text);
    let text = first.text;
    let blanks = 0;
    for (let k = this.i; k < this.end; k++) {
      const next = this.lines[k]!;
      const known = this.indents[k]!;
      const spaces = known >= 0 ? known : indentOf(next);
      if (spaces === next.length) {
        blanks++;
        continue;
      }
      if (spaces <= parent || next.charCodeAt(spaces) === 35) break;
      if (parent < 0 || continuesSpecially(next, spaces)) giveUp();
      const more = plainText(next, spaces, true);
      if (more.comment) giveUp();
      text += (blanks === 0 ? ' ' : '\n'.repeat(blanks)) + more.text;
      blanks = 0;
      this.i = k + 1;
    }
    return this.dialect.plain(text);
  }

  /** Where the value after `key:` starts: on this line, on a following more indented one, or (null) after the spaces past the colon. */
  private valueStart(line: string, from: number, indent: number): Pos {
    let start = from;
    while (line.charCodeAt(start) === 32) start++;
    if (start < line.length && line.charCodeAt(start) !== 35) return pos(this.i, start);
    const next = this.nextContent();
    if (next >= 0) {
      const text = this.lines[next]!;
      const col = this.indents[next]!;
      if (col > indent || (col === indent && isSeqEntry(text, col))) return pos(next, col);
    }
    return pos(this.i, start);
  }

  /** Where a list item starts; undefined for an empty item (its position is left to the full parser). */
  private itemStart(line: string, start: number, indent: number): Pos | undefined {
    if (start < line.length && line.charCodeAt(start) !== 35) return pos(this.i, start);
    const next = this.nextContent();
    if (next < 0) return undefined;
    const col = this.indents[next]!;
    return col > indent ? pos(next, col) : undefined;
  }

  /** The next line after the current one with content, or -1. */
  private nextContent(): number {
    let k = this.i + 1;
    while (k < this.end && this.indents[k]! < 0) k++;
    return k < this.end ? k : -1;
  }
}

function isMarker(line: string): boolean {
  return line.startsWith('---') && (line.length === 3 || line.charCodeAt(3) === 32);
}

/** Parses all documents, or returns undefined when the text needs the full parser. */
export function fastParse(source: string, options: FastOptions = {}): FastDocument[] | undefined {
  // CRLF breaks read exactly like LF ones; a lone CR or a tab is left to the full parser.
  const text = source.includes('\r') ? source.replace(/\r\n/g, '\n') : source;
  if (/[\r\t\ufeff]/.test(text)) return undefined;
  const lines = text.split('\n');
  const unterminatedLast = lines[lines.length - 1] !== '';
  const count = unterminatedLast ? lines.length : lines.length - 1;
  try {
    const markers = documentMarkers(lines, count);
    const indents = indentsOf(lines, count);
    const docs: FastDocument[] = [];
    const bounds = [-1, ...markers, count];
    for (let m = 0; m + 1 < bounds.length; m++) {
      const doc = readDocument(lines, indents, bounds[m]!, bounds[m + 1]!, unterminatedLast && bounds[m + 1] === count, options);
      if (doc) docs.push(doc);
    }
    return docs;
  } catch (e) {
    if (e instanceof GiveUp) return undefined;
    throw e;
  }
}

/** Lines of `---` markers; document ends (`...`) and directives (`%`) give up. */
function documentMarkers(lines: string[], count: number): number[] {
  const markers: number[] = [];
  for (let k = 0; k < count; k++) {
    const first = lines[k]!.charCodeAt(0);
    if (first !== 45 && first !== 46 && first !== 37) continue; // '-', '.', '%'
    const line = lines[k]!;
    if (isMarker(line)) {
      if (!restIsBlank(line, 3)) giveUp();
      markers.push(k);
    } else if (line.startsWith('...') || first === 37) giveUp();
  }
  return markers;
}

/** The document after the marker at `marker` (-1: the text before any marker) up to line `end`. */
function readDocument(
  lines: string[], indents: Int32Array, marker: number, end: number, unterminatedLast: boolean, options: FastOptions,
): FastDocument | undefined {
  const reader = new Reader(lines, indents, marker + 1, end, unterminatedLast, options.dialect ?? YAML_V3);
  if (!reader.skipBlank()) return marker < 0 ? undefined : { value: null, line: marker + 1 };
  const line = reader.i + 1;
  if (options.positions) reader.track = new NodePositions(pos(reader.i, indents[reader.i]!));
  const value = reader.block(-1);
  if (reader.skipBlank()) giveUp();
  return reader.track ? { value, line, positions: reader.track } : { value, line };
}
