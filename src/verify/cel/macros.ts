/**
 * Support for macros written against the runtime's macro hooks: a macro is
 * expanded at parse time into an object with `typeCheck` and `evaluate`.
 * These functions bind iteration variables and evaluate sub-expressions the
 * way the runtime's own comprehensions do.
 */
import { celError } from './errors.js';

/** The parts of the runtime's AST node a macro reads. */
export interface MacroNode {
  op: string;
  args: unknown;
}

/** Type-checking and evaluation scopes: both can bind a new variable on top of themselves. */
export interface Scope {
  forkWithVariable(name: string, type: unknown): Scope;
  iterValue?: unknown;
}

export interface Checker {
  check(node: MacroNode, scope: Scope): { kind?: string; name?: string };
  getType(name: string): unknown;
  createError(code: string, message: string, node: MacroNode): Error;
}

export interface Evaluator {
  run(node: MacroNode, scope: Scope): unknown;
}

export interface MacroCall {
  ast: MacroNode;
  args: MacroNode[];
  receiver: MacroNode | null;
}

export interface MacroDefinition {
  typeCheck(checker: Checker, macro: MacroDefinition, scope: Scope): unknown;
  evaluate(ev: Evaluator, macro: MacroDefinition, scope: Scope): unknown;
  async?: boolean;
  [key: string]: unknown;
}

/** The name of an iteration variable argument; anything else is a parse error. */
export function identifier(node: MacroNode | undefined, what: string): string {
  if (node && node.op === 'id' && typeof node.args === 'string') return node.args;
  throw celError(`${what}: argument must be a simple name`);
}

/** A scope with `names` bound (to dyn-typed variables), ready to receive values. */
export function bindScope(scope: Scope, names: readonly string[], type: unknown): Scope[] {
  const scopes: Scope[] = [];
  let current = scope;
  for (const name of names) {
    current = current.forkWithVariable(name, type);
    scopes.push(current);
  }
  return scopes;
}

/** The (key, value) pairs a two-variable comprehension iterates: index/element for lists, key/value for maps. */
export function pairsOf(collection: unknown): [unknown, unknown][] {
  if (Array.isArray(collection)) return collection.map((item, i) => [BigInt(i), item]);
  if (collection instanceof Map) return [...collection.entries()];
  if (collection !== null && typeof collection === 'object' && (collection.constructor === Object || collection.constructor === undefined)) {
    return Object.entries(collection as Record<string, unknown>);
  }
  throw celError('expression cannot be range of a comprehension (must be list or map)');
}

/** A map result: plain object when every key is a string (as the runtime's map literals), else a Map. */
export function mapFromEntries(entries: [unknown, unknown][]): unknown {
  if (entries.every(([k]) => typeof k === 'string')) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of entries) out[k as string] = v;
    return out;
  }
  return new Map(entries);
}

export function requireBool(value: unknown, what: string): boolean {
  if (typeof value !== 'boolean') throw celError(`${what} must return bool`);
  return value;
}
