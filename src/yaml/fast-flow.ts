/**
 * Flow collections written on one line (`[a, b]`, `{k: v}`) for the quick
 * reader. Multi-line flow, empty entries, implicit pairs and the like are
 * left to the full parser.
 */
import type { JsonObject, JsonValue } from '../core/json.js';
import type { Dialect } from './fast-plain.js';
import { pos, type NodePositions, type Pos } from './fast-positions.js';
import { giveUp, readDoubleQuoted, readSingleQuoted, restIsBlank, trimSpaces } from './fast-scalars.js';

const FLOW_STOP = new Set([44, 91, 93, 123, 125]); // , [ ] { }

/** A flow plain scalar may not start with an indicator, nor with `?`, `-`, `:` before a space or flow indicator. */
function canStartPlain(line: string, start: number): boolean {
  const first = line[start];
  if (first === undefined || '#&*!|>\'"%@`'.includes(first)) return false;
  if (!'?-:'.includes(first)) return true;
  const next = line.charCodeAt(start + 1);
  return !(next === 32 || Number.isNaN(next) || FLOW_STOP.has(next));
}

class FlowReader {
  j: number;

  constructor(
    private readonly line: string,
    col: number,
    private readonly root: boolean,
    private readonly dialect: Dialect,
    /** Where to record positions (none when not asked for), and the line's index. */
    private readonly track: NodePositions | undefined,
    private readonly lineIndex: number,
  ) {
    this.j = col;
  }

  /** Position of the next node (after spaces), only when positions are kept. */
  private here(): Pos | undefined {
    if (!this.track) return undefined;
    this.skipSpaces();
    return pos(this.lineIndex, this.j);
  }

  private skipSpaces(): number {
    while (this.line.charCodeAt(this.j) === 32) this.j++;
    return this.line.charCodeAt(this.j);
  }

  node(): JsonValue {
    const c = this.skipSpaces();
    if (c === 91) return this.seq();
    if (c === 123) return this.map();
    if (c === 34 || c === 39) return this.quoted(c);
    return this.dialect.plain(this.plain());
  }

  private quoted(c: number): string {
    const end = (c === 34 ? readDoubleQuoted(this.line, this.j, false) : readSingleQuoted(this.line, this.j, false)) as number;
    const text = this.line.slice(this.j, end);
    const value = (c === 34 ? readDoubleQuoted(text, 0, true) : readSingleQuoted(text, 0, true)) as string;
    this.j = end;
    return value;
  }

  /** Plain text up to a flow indicator, `: ` or ` #`; never empty. */
  private plain(): string {
    const line = this.line;
    const start = this.j;
    if (!canStartPlain(line, start)) giveUp();
    let j = start;
    for (; j < line.length; j++) {
      const ch = line.charCodeAt(j);
      if (FLOW_STOP.has(ch)) break;
      if (ch === 58) {
        const next = line.charCodeAt(j + 1);
        if (next === 32 || FLOW_STOP.has(next) || j + 1 >= line.length) break;
      }
      if (ch === 35 && line.charCodeAt(j - 1) === 32) giveUp();
    }
    this.j = j;
    const text = trimSpaces(line.slice(start, j));
    if (text === '') giveUp();
    return text;
  }

  private seq(): JsonValue[] {
    this.j++;
    const out: JsonValue[] = [];
    if (this.skipSpaces() === 93) {
      this.j++;
      return out;
    }
    for (;;) {
      const at = this.here();
      out.push(this.node());
      if (this.track) this.track.item(out, out.length - 1, at);
      const c = this.skipSpaces();
      this.j++;
      if (c === 93) return out;
      if (c !== 44 || this.skipSpaces() === 93) giveUp();
    }
  }

  private map(): JsonObject {
    this.j++;
    const out: JsonObject = {};
    if (this.skipSpaces() === 125) {
      this.j++;
      return out;
    }
    for (;;) {
      const keyAt = this.here();
      const key = this.key();
      if (this.skipSpaces() !== 58 || this.line.charCodeAt(this.j + 1) !== 32) giveUp();
      this.j++;
      const c = this.skipSpaces();
      if (c === 44 || c === 125 || Number.isNaN(c)) giveUp();
      if (Object.hasOwn(out, key) || key === '__proto__') giveUp();
      if (this.track) this.track.entry(out, key, { key: keyAt!, value: this.here()! });
      out[key] = this.node();
      const end = this.skipSpaces();
      this.j++;
      if (end === 125) return out;
      if (end !== 44 || this.skipSpaces() === 125) giveUp();
    }
  }

  private key(): string {
    const c = this.skipSpaces();
    const key = c === 34 || c === 39 ? this.quoted(c) : this.plainKey();
    return key;
  }

  private plainKey(): string {
    const raw = this.plain();
    if (raw === '<<') giveUp();
    return this.dialect.key(raw, this.root);
  }

  finish(): void {
    if (!restIsBlank(this.line, this.j)) giveUp();
  }
}

/** A flow collection written on one line (`lines[at]`) from `col` to the end of the line (bar a comment). */
export function parseFlow(lines: readonly string[], at: number, col: number, root: boolean, dialect: Dialect, track?: NodePositions): JsonValue {
  const reader = new FlowReader(lines[at]!, col, root, dialect, track, at);
  const value = reader.node();
  reader.finish();
  return value;
}

