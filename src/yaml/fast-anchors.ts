/**
 * Anchors and aliases for the quick reader (`&name` before a node, `*name`
 * as a whole node), as kustomize's reader expands them: every alias use is
 * an independent deep copy. Merge keys, and aliases anywhere else, are left
 * to the full parser.
 */
import type { JsonObject, JsonValue } from '../core/json.js';
import { giveUp } from './fast-scalars.js';

// The full parser refuses documents that copy more nodes than this (alias bombs); so does this reader.
const MAX_ALIAS_NODES = 1_000_000;
// Names as tools write them (`id001`, `labels`); anything fancier goes to the full parser.
const NAME = /^[A-Za-z0-9_.-]+$/;

export class Anchors {
  private readonly values = new Map<string, JsonValue>();
  private budget = MAX_ALIAS_NODES;

  set(name: string, value: JsonValue): void {
    this.values.set(name, value);
  }

  /** A copy of the value anchored as `name`; gives up on unknown names and past the budget. */
  copy(name: string): JsonValue {
    const value = this.values.get(name);
    return value === undefined ? giveUp() : this.deepCopy(value);
  }

  private deepCopy(value: JsonValue): JsonValue {
    if (--this.budget < 0) giveUp();
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((v) => this.deepCopy(v));
    const out: JsonObject = {};
    for (const key of Object.keys(value)) out[key] = this.deepCopy(value[key]!);
    return out;
  }
}

/** The name of the `&name` or `*name` at `col`, and where what follows it starts (spaces skipped). */
export function readName(line: string, col: number): { name: string; next: number } {
  let end = col + 1;
  while (end < line.length && line.charCodeAt(end) !== 32) end++;
  const name = line.slice(col + 1, end);
  if (!NAME.test(name)) giveUp();
  while (line.charCodeAt(end) === 32) end++;
  return { name, next: end };
}
