/**
 * Regular expressions with RE2 semantics, as the apiserver evaluates them
 * (Go's regexp). @bufbuild/re2 parses and compiles the pattern and answers
 * "does it match"; it does not report where. `find`/`findAll` need match
 * positions, so a small Pike VM walks the program @bufbuild/re2 compiled,
 * with Go's leftmost-first preference. Patterns are compiled once and cached.
 */
import { RE2JS } from '@bufbuild/re2';

/** The parts of a compiled instruction the VM reads. */
interface Inst {
  op: number;
  out: number;
  arg: number;
  matchRune(rune: number): boolean;
}

interface Program {
  start: number;
  inst: Inst[];
}

/** Instruction opcodes, read from the instruction class itself so they follow the dependency. */
interface Opcodes {
  ALT: number;
  ALT_MATCH: number;
  CAPTURE: number;
  EMPTY_WIDTH: number;
  FAIL: number;
  MATCH: number;
  NOP: number;
  RUNE: number;
  RUNE1: number;
  RUNE_ANY: number;
  RUNE_ANY_NOT_NL: number;
}

// Empty-width assertion flags; the values are RE2's (syntax.EmptyOp in Go).
const BEGIN_LINE = 0x01;
const END_LINE = 0x02;
const BEGIN_TEXT = 0x04;
const END_TEXT = 0x08;
const WORD_BOUNDARY = 0x10;
const NO_WORD_BOUNDARY = 0x20;

function isWordRune(r: number): boolean {
  return (r >= 0x30 && r <= 0x39) || (r >= 0x41 && r <= 0x5a) || (r >= 0x61 && r <= 0x7a) || r === 0x5f;
}

function emptyFlags(before: number, after: number): number {
  let flags = 0;
  if (before < 0) flags |= BEGIN_TEXT | BEGIN_LINE;
  if (before === 0x0a) flags |= BEGIN_LINE;
  if (after < 0) flags |= END_TEXT | END_LINE;
  if (after === 0x0a) flags |= END_LINE;
  flags |= isWordRune(before) !== isWordRune(after) ? WORD_BOUNDARY : NO_WORD_BOUNDARY;
  return flags;
}

/** A string split into code points, with the UTF-16 offset of each (plus the end). */
export interface RuneText {
  text: string;
  runes: number[];
  offsets: number[];
}

export function runeText(text: string): RuneText {
  const runes: number[] = [];
  const offsets: number[] = [];
  let i = 0;
  for (const ch of text) {
    runes.push(ch.codePointAt(0) as number);
    offsets.push(i);
    i += ch.length;
  }
  offsets.push(i);
  return { text, runes, offsets };
}

interface Thread {
  pc: number;
  start: number;
}

export class Re2Pattern {
  private readonly re: RE2JS;
  private readonly prog: Program;
  private readonly ops: Opcodes;

  constructor(readonly source: string) {
    this.re = RE2JS.compile(source);
    this.prog = (this.re as unknown as { re2Input: { prog: Program } }).re2Input.prog;
    this.ops = (this.prog.inst[0] as Inst).constructor as unknown as Opcodes;
  }

  /** Unanchored search, as CEL's `matches`. */
  test(text: string): boolean {
    return this.re.test(text);
  }

  /** The leftmost-first match starting at or after rune index `from`, as [start, end) rune indexes. */
  matchAt(input: RuneText, from: number): [number, number] | undefined {
    const { runes } = input;
    const n = runes.length;
    let current: Thread[] = [];
    let next: Thread[] = [];
    const seen = new Int32Array(this.prog.inst.length).fill(-1);
    let generation = 0;
    let found: [number, number] | undefined;
    for (let i = from; i <= n; i++) {
      const flags = emptyFlags(i > 0 ? (runes[i - 1] as number) : -1, i < n ? (runes[i] as number) : -1);
      if (!found) this.add(current, seen, generation, this.prog.start, i, flags);
      generation++;
      const rune = i < n ? (runes[i] as number) : -1;
      const nextFlags = i < n ? emptyFlags(rune, i + 1 < n ? (runes[i + 1] as number) : -1) : 0;
      for (const thread of current) {
        const inst = this.prog.inst[thread.pc] as Inst;
        if (inst.op === this.ops.MATCH) {
          found = [thread.start, i];
          break; // lower-priority threads lose to this match
        }
        if (i < n && this.consumes(inst, rune)) this.add(next, seen, generation, inst.out, thread.start, nextFlags);
      }
      [current, next] = [next, []];
      if (found && current.length === 0) break;
    }
    return found;
  }

  private consumes(inst: Inst, rune: number): boolean {
    const ops = this.ops;
    switch (inst.op) {
      case ops.RUNE:
      case ops.RUNE1:
        return inst.matchRune(rune);
      case ops.RUNE_ANY:
        return true;
      case ops.RUNE_ANY_NOT_NL:
        return rune !== 0x0a;
      default:
        return false;
    }
  }

  /** Follows empty transitions from `pc` in priority order, queueing the threads that consume input. */
  private add(list: Thread[], seen: Int32Array, generation: number, pc: number, start: number, flags: number): void {
    if (seen[pc] === generation) return;
    seen[pc] = generation;
    const inst = this.prog.inst[pc] as Inst;
    const ops = this.ops;
    switch (inst.op) {
      case ops.FAIL:
        return;
      case ops.ALT:
      case ops.ALT_MATCH:
        this.add(list, seen, generation, inst.out, start, flags);
        this.add(list, seen, generation, inst.arg, start, flags);
        return;
      case ops.NOP:
      case ops.CAPTURE:
        this.add(list, seen, generation, inst.out, start, flags);
        return;
      case ops.EMPTY_WIDTH:
        if ((inst.arg & ~flags) === 0) this.add(list, seen, generation, inst.out, start, flags);
        return;
      default:
        list.push({ pc, start });
    }
  }

  /** Go's FindString: the first match, or '' when there is none. */
  find(text: string): string {
    const input = runeText(text);
    const m = this.matchAt(input, 0);
    return m ? text.slice(input.offsets[m[0]], input.offsets[m[1]]) : '';
  }

  /** Go's FindAllString(text, limit): limit < 0 means all; empty matches right after a match are skipped. */
  findAll(text: string, limit: number): string[] {
    const input = runeText(text);
    const n = input.runes.length;
    const out: string[] = [];
    let pos = 0;
    let previousEnd = -1;
    while ((limit < 0 || out.length < limit) && pos <= n) {
      const m = this.matchAt(input, pos);
      if (!m) break;
      let accept = true;
      if (m[1] === pos) {
        // An empty match: never right after the previous match, and move on by one character.
        if (m[0] === previousEnd) accept = false;
        pos += 1;
      } else {
        pos = m[1];
      }
      previousEnd = m[1];
      if (accept) out.push(text.slice(input.offsets[m[0]], input.offsets[m[1]]));
    }
    return out;
  }
}

const cache = new Map<string, Re2Pattern>();

/** Compiles (once) or throws the RE2 syntax error. */
export function re2(pattern: string): Re2Pattern {
  let compiled = cache.get(pattern);
  if (!compiled) {
    compiled = new Re2Pattern(pattern);
    if (cache.size > 2000) cache.clear();
    cache.set(pattern, compiled);
  }
  return compiled;
}

/** The RE2 syntax error of `pattern`, or undefined when it compiles. */
export function re2SyntaxError(pattern: string): string | undefined {
  try {
    re2(pattern);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
