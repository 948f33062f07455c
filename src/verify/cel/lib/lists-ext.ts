/**
 * cel-go's lists extension, version 3 (ext.Lists, from Kubernetes 1.34):
 * `slice`, `flatten`, `distinct`, `reverse`, `sort`, `sortBy`, `first`,
 * `last` and `lists.range`.
 *
 *   [[1, 2], [3]].flatten()                        // [1, 2, 3]
 *   ['b', 'a', 'b'].distinct().sort()              // ['a', 'b']
 *   containers.sortBy(c, c.name).map(c, c.name)
 *   lists.range(3)                                 // [0, 1, 2]
 */
import { Optional, type Environment } from '@marcbachmann/cel-js';
import { celCompare, celEquals } from '../equality.js';
import { celError } from '../errors.js';
import { v, type CelLibrary } from '../library.js';
import { bindScope, identifier, type Checker, type Evaluator, type MacroCall, type MacroDefinition, type MacroNode, type Scope } from '../macros.js';

export function slice(list: unknown[], start: bigint, end: bigint): unknown[] {
  if (start < 0n || end < 0n) throw celError(`cannot slice(${start}, ${end}), negative indexes not supported`);
  if (start > end) throw celError(`cannot slice(${start}, ${end}), start index must be less than or equal to end index`);
  if (end > BigInt(list.length)) throw celError(`cannot slice(${start}, ${end}), list is length ${list.length}`);
  return list.slice(Number(start), Number(end));
}

export function flatten(list: unknown[], depth = 1n): unknown[] {
  if (depth < 0n) throw celError('level must be non-negative');
  const out: unknown[] = [];
  for (const item of list) {
    if (Array.isArray(item) && depth > 0n) out.push(...flatten(item, depth - 1n));
    else out.push(item);
  }
  return out;
}

export function distinct(list: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const item of list) if (!out.some((x) => celEquals(x, item))) out.push(item);
  return out;
}

/** A stable sort with CEL ordering; elements of different types are an error. */
export function sortList(list: unknown[]): unknown[] {
  return [...list].sort(celCompare);
}

interface SortByMacro extends MacroDefinition {
  receiver: MacroNode;
  name: string;
  key: MacroNode;
  dyn?: unknown;
}

function sortByTypeCheck(checker: Checker, macro: MacroDefinition, scope: Scope): unknown {
  const m = macro as SortByMacro;
  checker.check(m.receiver, scope);
  m.dyn = checker.getType('dyn');
  checker.check(m.key, bindScope(scope, [m.name], m.dyn)[0] as Scope);
  return checker.getType('list<dyn>');
}

function sortByEvaluate(ev: Evaluator, macro: MacroDefinition, scope: Scope): unknown {
  const m = macro as SortByMacro;
  const list = ev.run(m.receiver, scope);
  if (!Array.isArray(list)) throw celError('sortBy receiver must be a list');
  const inner = bindScope(scope, [m.name], m.dyn)[0] as Scope;
  const keyed = list.map((item) => {
    inner.iterValue = item;
    return { item, key: ev.run(m.key, inner) };
  });
  return keyed.sort((a, b) => celCompare(a.key, b.key)).map((k) => k.item);
}

function sortBy({ args, receiver }: MacroCall): SortByMacro {
  return {
    receiver: receiver as MacroNode,
    name: identifier(args[0], 'sortBy'),
    key: args[1] as MacroNode,
    typeCheck: sortByTypeCheck,
    evaluate: sortByEvaluate,
    async: false,
  };
}

class ListsNamespace {}

function install(env: Environment): void {
  env
    .registerType('ListsNamespace', ListsNamespace)
    .registerConstant('lists', 'ListsNamespace', new ListsNamespace())
    .registerFunction('ListsNamespace.range(int): list<int>', (_ns: unknown, n: bigint) => Array.from({ length: Math.max(0, Number(n)) }, (_, i) => BigInt(i)))
    .registerFunction('list.slice(int, int): list<dyn>', slice)
    .registerFunction('list.flatten(): list<dyn>', (l: unknown[]) => flatten(l))
    .registerFunction('list.flatten(int): list<dyn>', flatten)
    .registerFunction('list.distinct(): list<dyn>', distinct)
    .registerFunction('list.reverse(): list<dyn>', (l: unknown[]) => [...l].reverse())
    .registerFunction('list.sort(): list<dyn>', sortList)
    .registerFunction('list.first(): optional<dyn>', (l: unknown[]) => (l.length > 0 ? Optional.of(l[0]) : Optional.none()))
    .registerFunction('list.last(): optional<dyn>', (l: unknown[]) => (l.length > 0 ? Optional.of(l[l.length - 1]) : Optional.none()))
    .registerFunction('list.sortBy(ast, ast): list<dyn>', sortBy as unknown as (...args: unknown[]) => unknown);
}

export const listsExtLibrary: CelLibrary = { name: 'ext.lists.v3', since: v(1, 34), install };
