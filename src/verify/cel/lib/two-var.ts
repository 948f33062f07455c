/**
 * cel-go's two-variable comprehensions (ext.TwoVarComprehensions, from
 * Kubernetes 1.32): `all`, `exists`, `existsOne` with (index, value) over
 * lists and (key, value) over maps, plus `transformList`, `transformMap`
 * and `transformMapEntry`, each with an optional filter.
 *
 *   {'a': 1, 'b': 2}.all(k, v, v > 0)                    // true
 *   [1, 2, 3].transformList(i, v, i > 0, v * 2)          // [4, 6]
 *   {'a': 1}.transformMapEntry(k, v, {v: k})             // {1: 'a'}
 */
import type { Environment } from '@marcbachmann/cel-js';
import { celEquals } from '../equality.js';
import { celError } from '../errors.js';
import { v, type CelLibrary } from '../library.js';
import {
  bindScope, identifier, mapFromEntries, pairsOf, requireBool,
  type Checker, type Evaluator, type MacroCall, type MacroDefinition, type MacroNode, type Scope,
} from '../macros.js';

type Kind = 'all' | 'exists' | 'existsOne' | 'transformList' | 'transformMap' | 'transformMapEntry';

interface TwoVarMacro extends MacroDefinition {
  kind: Kind;
  receiver: MacroNode;
  names: [string, string];
  filter: MacroNode | undefined;
  body: MacroNode;
  dyn?: unknown;
}

const RESULT_TYPE: Record<Kind, string> = {
  all: 'bool', exists: 'bool', existsOne: 'bool', transformList: 'list<dyn>', transformMap: 'map<dyn, dyn>', transformMapEntry: 'map<dyn, dyn>',
};

function typeCheck(checker: Checker, macro: MacroDefinition, scope: Scope): unknown {
  const m = macro as TwoVarMacro;
  checker.check(m.receiver, scope);
  m.dyn = checker.getType('dyn');
  const inner = bindScope(scope, m.names, m.dyn)[1] as Scope;
  if (m.filter) checker.check(m.filter, inner);
  checker.check(m.body, inner);
  return checker.getType(RESULT_TYPE[m.kind]);
}

/** Runs the body for each pair; `step` returns true to stop early. Errors are kept or thrown as the kind requires. */
function evaluate(ev: Evaluator, macro: MacroDefinition, scope: Scope): unknown {
  const m = macro as TwoVarMacro;
  const pairs = pairsOf(ev.run(m.receiver, scope));
  const [first, second] = bindScope(scope, m.names, m.dyn) as [Scope, Scope];
  const run = (node: MacroNode, key: unknown, value: unknown): unknown => {
    first.iterValue = key;
    second.iterValue = value;
    return ev.run(node, second);
  };
  switch (m.kind) {
    case 'all':
    case 'exists':
      return quantify(m, pairs, run);
    case 'existsOne': {
      let count = 0;
      for (const [k, val] of pairs) if (requireBool(run(m.body, k, val), 'existsOne predicate')) count++;
      return count === 1;
    }
    default:
      return transform(m, pairs, run);
  }
}

function quantify(m: TwoVarMacro, pairs: [unknown, unknown][], run: (n: MacroNode, k: unknown, v: unknown) => unknown): boolean {
  const decisive = m.kind === 'exists';
  let error: unknown;
  for (const [k, val] of pairs) {
    try {
      if (requireBool(run(m.body, k, val), `${m.kind} predicate`) === decisive) return decisive;
    } catch (e) {
      error ??= e;
    }
  }
  if (error !== undefined) throw error;
  return !decisive;
}

function transform(m: TwoVarMacro, pairs: [unknown, unknown][], run: (n: MacroNode, k: unknown, v: unknown) => unknown): unknown {
  const list: unknown[] = [];
  const entries: [unknown, unknown][] = [];
  for (const [k, val] of pairs) {
    if (m.filter && !requireBool(run(m.filter, k, val), `${m.kind} filter`)) continue;
    const result = run(m.body, k, val);
    if (m.kind === 'transformList') list.push(result);
    else if (m.kind === 'transformMap') entries.push([k, result]);
    else for (const entry of pairsOf(result)) addEntry(entries, entry);
  }
  return m.kind === 'transformList' ? list : mapFromEntries(entries);
}

function addEntry(entries: [unknown, unknown][], entry: [unknown, unknown]): void {
  if (entries.some(([k]) => celEquals(k, entry[0]))) throw celError(`insert failed: key ${String(entry[0])} already exists`);
  entries.push(entry);
}

function expander(kind: Kind, withFilter: boolean) {
  return ({ args, receiver }: MacroCall): TwoVarMacro => {
    const names: [string, string] = [identifier(args[0], kind), identifier(args[1], kind)];
    if (names[0] === names[1]) throw celError(`${kind}: the two variables must have different names`);
    return {
      kind,
      receiver: receiver as MacroNode,
      names,
      filter: withFilter ? args[2] : undefined,
      body: (withFilter ? args[3] : args[2]) as MacroNode,
      typeCheck,
      evaluate,
      async: false,
    };
  };
}

function install(env: Environment): void {
  const register = (signature: string, kind: Kind, withFilter: boolean) =>
    env.registerFunction(signature, expander(kind, withFilter) as unknown as (...args: unknown[]) => unknown);
  register('dyn.all(ast, ast, ast): bool', 'all', false);
  register('dyn.exists(ast, ast, ast): bool', 'exists', false);
  register('dyn.existsOne(ast, ast, ast): bool', 'existsOne', false);
  register('dyn.transformList(ast, ast, ast): list<dyn>', 'transformList', false);
  register('dyn.transformList(ast, ast, ast, ast): list<dyn>', 'transformList', true);
  register('dyn.transformMap(ast, ast, ast): map<dyn, dyn>', 'transformMap', false);
  register('dyn.transformMap(ast, ast, ast, ast): map<dyn, dyn>', 'transformMap', true);
  register('dyn.transformMapEntry(ast, ast, ast): map<dyn, dyn>', 'transformMapEntry', false);
  register('dyn.transformMapEntry(ast, ast, ast, ast): map<dyn, dyn>', 'transformMapEntry', true);
}

export const twoVarComprehensionsLibrary: CelLibrary = { name: 'ext.two-var-comprehensions', since: v(1, 32), install };
