/**
 * Optional types (from Kubernetes 1.28). The runtime provides `.?field`,
 * `[?key]`, `optional.of/none`, `hasValue`, `value`, `or` and `orValue`
 * once enabled; this adds what cel-go also has: `optional.ofNonZeroValue`,
 * and the `optMap` / `optFlatMap` macros.
 *
 *   object.?spec.?replicas.orValue(1)
 *   optional.of(2).optMap(x, x * 2).value()   // 4
 */
import { Optional, type Environment } from '@marcbachmann/cel-js';
import { Duration, UnsignedInt } from '@marcbachmann/cel-js/evaluator';
import { celEquals } from '../equality.js';
import { celError } from '../errors.js';
import { v, type CelLibrary } from '../library.js';
import { bindScope, identifier, type Checker, type Evaluator, type MacroCall, type MacroDefinition, type MacroNode, type Scope } from '../macros.js';

/** cel-go's zero values: the value a field has when unset. */
export function isZeroValue(value: unknown): boolean {
  if (value === null || value === false || value === '' || value === 0n || value === 0) return true;
  if (value instanceof UnsignedInt) return value.value === 0n;
  if (value instanceof Uint8Array || Array.isArray(value)) return value.length === 0;
  if (value instanceof Map) return value.size === 0;
  if (value instanceof Duration) return value.seconds === 0n && value.nanos === 0;
  if (value instanceof Date) return value.getTime() === 0;
  if (typeof value === 'object' && value.constructor === Object) return Object.keys(value).length === 0;
  return false;
}

interface OptMacro extends MacroDefinition {
  flat: boolean;
  receiver: MacroNode;
  name: string;
  body: MacroNode;
  dyn?: unknown;
}

function typeCheck(checker: Checker, macro: MacroDefinition, scope: Scope): unknown {
  const m = macro as OptMacro;
  checker.check(m.receiver, scope);
  m.dyn = checker.getType('dyn');
  checker.check(m.body, bindScope(scope, [m.name], m.dyn)[0] as Scope);
  return checker.getType('optional<dyn>');
}

function evaluate(ev: Evaluator, macro: MacroDefinition, scope: Scope): unknown {
  const m = macro as OptMacro;
  const receiver = ev.run(m.receiver, scope);
  if (!(receiver instanceof Optional)) throw celError(`${m.flat ? 'optFlatMap' : 'optMap'} receiver must be optional`);
  if (!receiver.hasValue()) return Optional.none();
  const inner = bindScope(scope, [m.name], m.dyn)[0] as Scope;
  inner.iterValue = receiver.value();
  const result = ev.run(m.body, inner);
  if (!m.flat) return Optional.of(result);
  if (!(result instanceof Optional)) throw celError('optFlatMap expression must return an optional');
  return result;
}

function expander(flat: boolean) {
  return ({ args, receiver }: MacroCall): OptMacro => ({
    flat,
    receiver: receiver as MacroNode,
    name: identifier(args[0], flat ? 'optFlatMap' : 'optMap'),
    body: args[1] as MacroNode,
    typeCheck,
    evaluate,
    async: false,
  });
}

/** Optionals are equal when both are empty, or both hold equal values. */
export function optionalsEqual(a: Optional, b: Optional): boolean {
  if (!a.hasValue() || !b.hasValue()) return a.hasValue() === b.hasValue();
  return celEquals(a.value(), b.value());
}

function install(env: Environment): void {
  env
    .registerOperator('optional == optional', optionalsEqual)
    .registerFunction('OptionalNamespace.ofNonZeroValue(dyn): optional<dyn>', (_ns: unknown, value: unknown) =>
      isZeroValue(value) ? Optional.none() : Optional.of(value))
    .registerFunction('optional.optMap(ast, ast): optional<dyn>', expander(false) as unknown as (...args: unknown[]) => unknown)
    .registerFunction('optional.optFlatMap(ast, ast): optional<dyn>', expander(true) as unknown as (...args: unknown[]) => unknown);
}

/** Enabling optional syntax itself is an environment option (see environment.ts); this adds the rest. */
export const optionalsLibrary: CelLibrary = { name: 'cel.optional-types', since: v(1, 28), install };
