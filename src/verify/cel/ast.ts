/**
 * Adjustments to a parsed expression before it is checked, so the runtime
 * behaves like the apiserver's cel-go:
 * - calls to built-ins whose runtime version differs from cel-go's (regex
 *   flavour, UTF-16 instead of code-point indexes, Unicode case mapping)
 *   are pointed at our replacements (`k8s_<name>`), which the core library
 *   registers;
 * - `has()` accepts any select expression, e.g. `has(a.b[0].c)`, which the
 *   runtime's macro refuses;
 * - regex literals are compiled up front, as cel-go's ValidateRegexLiterals.
 */
import { Optional, type ASTNode } from '@marcbachmann/cel-js';
import { celError } from './errors.js';
import { re2SyntaxError } from './re2.js';

/** Built-ins replaced by our own implementation, whatever the receiver type. */
export const REPLACED_FUNCTIONS = ['matches', 'indexOf', 'lastIndexOf', 'lowerAscii', 'upperAscii', 'trim', 'substring', 'split'] as const;
const REPLACED = new Set<string>(REPLACED_FUNCTIONS);

export function replacementName(name: string): string {
  return `k8s_${name}`;
}

/** The functions whose second argument is a regular expression. */
const REGEX_FUNCTIONS = new Set([replacementName('matches'), 'find', 'findAll']);

interface Node {
  op: string;
  args: unknown;
  meta: Record<string, unknown>;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).op === 'string' && 'args' in value && 'meta' in value;
}

/** The direct children of a node: arguments, comprehension parts, macro expansion and macro arguments. */
function childrenOf(node: Node): unknown[] {
  const { args, meta } = node;
  const out: unknown[] = [];
  if (Array.isArray(args) || isNode(args)) out.push(args);
  else if (args && typeof args === 'object' && node.op === 'comprehension') out.push(...Object.values(args));
  if (meta.alternate) out.push(meta.alternate);
  const macro = meta.macro as Record<string, unknown> | undefined;
  if (macro) for (const v of Object.values(macro)) if (Array.isArray(v) || isNode(v)) out.push(v);
  return out;
}

/** Every node reachable from `root`, including macro expansions, once each. */
function walk(root: unknown, visit: (node: Node) => void): void {
  const seen = new Set<unknown>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === null || typeof item !== 'object' || seen.has(item)) continue;
    seen.add(item);
    if (Array.isArray(item)) {
      stack.push(...item);
    } else if (isNode(item)) {
      visit(item);
      stack.push(...childrenOf(item));
    }
  }
}

function isCall(node: Node): node is Node & { args: unknown[] } {
  return (node.op === 'call' || node.op === 'rcall') && Array.isArray(node.args) && typeof node.args[0] === 'string';
}

/** The pattern argument of a regex call, when it is a string literal. */
function literalPattern(node: Node & { args: unknown[] }): string | undefined {
  const callArgs = (node.op === 'rcall' ? node.args[2] : node.args[1]) as unknown[];
  const pattern = node.op === 'rcall' ? callArgs[0] : callArgs[1];
  return isNode(pattern) && pattern.op === 'value' && typeof pattern.args === 'string' ? pattern.args : undefined;
}

export interface PrepareOptions {
  /** Compile regex literals now and fail on syntax errors (Kubernetes ≥ 1.29). */
  validateRegexLiterals: boolean;
}

/** Applies the adjustments in place; returns the regex literal errors found. */
export function prepareAst(ast: ASTNode, options: PrepareOptions): string[] {
  const problems: string[] = [];
  walk(ast, (node) => {
    if (!isCall(node)) return;
    const name = node.args[0] as string;
    if (REPLACED.has(name)) node.args[0] = replacementName(name);
    if (name === 'has' && node.op === 'call' && node.meta.macro) patchHas(node.meta.macro as HasMacro);
    if (options.validateRegexLiterals && REGEX_FUNCTIONS.has(node.args[0] as string)) {
      const pattern = literalPattern(node);
      const error = pattern === undefined ? undefined : re2SyntaxError(pattern);
      if (error !== undefined) problems.push(`invalid regular expression ${JSON.stringify(pattern)}: ${error}`);
    }
  });
  return problems;
}

/** The fields selected directly on variable `name` (`name.x`, `name.?y`), e.g. the variables an expression reads. */
export function fieldsSelectedOn(ast: ASTNode, name: string): string[] {
  const fields = new Set<string>();
  walk(ast, (node) => {
    if ((node.op !== '.' && node.op !== '.?') || !Array.isArray(node.args)) return;
    const [target, field] = node.args as [unknown, unknown];
    if (isNode(target) && target.op === 'id' && target.args === name && typeof field === 'string') fields.add(field);
  });
  return [...fields];
}

interface Checker {
  check(node: unknown, ctx: unknown): unknown;
  getType(name: string): unknown;
  createError(code: string, message: string, node: unknown): Error;
}

interface Evaluator {
  run(node: unknown, ctx: unknown): unknown;
}

interface HasMacro {
  args: Node[];
  typeCheck(checker: Checker, macro: HasMacro, ctx: unknown): unknown;
  evaluate(ev: Evaluator, macro: HasMacro, ctx: unknown): unknown;
}

function patchHas(macro: HasMacro): void {
  macro.typeCheck = (checker, m, ctx) => {
    const arg = m.args[0] as Node;
    if (arg.op !== '.' && arg.op !== '.?') throw checker.createError('invalid_macro_argument', 'has() invalid argument', arg);
    checker.check((arg.args as unknown[])[0], ctx);
    return checker.getType('bool');
  };
  macro.evaluate = (ev, m, ctx) => {
    const arg = m.args[0] as Node;
    const [target, field] = arg.args as [unknown, string];
    return hasField(ev.run(target, ctx), field);
  };
}

/** cel-go's presence test: maps test the key, objects of our library types have no fields. */
function hasField(target: unknown, field: string): boolean {
  // Selecting through an optional (`a.?b.c`) tests the value inside, if any.
  if (target instanceof Optional) return target.hasValue() && hasField(target.value(), field);
  if (target instanceof Map) return target.has(field);
  if (target !== null && typeof target === 'object' && (target as object).constructor === Object) {
    return Object.prototype.hasOwnProperty.call(target, field) && (target as Record<string, unknown>)[field] !== undefined;
  }
  throw celError(`invalid type for field selection: ${field}`);
}
