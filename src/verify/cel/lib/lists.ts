/**
 * Kubernetes lists library (kubernetes.lists, every version): `isSorted`,
 * `sum`, `min`, `max`, `indexOf`, `lastIndexOf` on lists.
 *
 *   [1, 2, 3].isSorted()   // true
 *   [1, 3].sum()           // 4
 *   [].min()               // error: min called on empty list
 */
import type { Environment } from '@marcbachmann/cel-js';
import { Duration, UnsignedInt } from '@marcbachmann/cel-js/evaluator';
import { celCompare, celEquals } from '../equality.js';
import { celError } from '../errors.js';
import { v, type CelLibrary } from '../library.js';

export function isSorted(list: unknown[]): boolean {
  for (let i = 1; i < list.length; i++) if (celCompare(list[i - 1], list[i]) > 0) return false;
  return true;
}

function add(a: unknown, b: unknown): unknown {
  if (typeof a === 'bigint' && typeof b === 'bigint') {
    const sum = a + b;
    if (sum > 9223372036854775807n || sum < -9223372036854775808n) throw celError('integer overflow');
    return sum;
  }
  if (typeof a === 'number' && typeof b === 'number') return a + b;
  if (a instanceof UnsignedInt && b instanceof UnsignedInt) return new UnsignedInt(a.value + b.value);
  if (a instanceof Duration && b instanceof Duration) return a.addDuration(b);
  throw celError('no such overload: sum of mixed element types');
}

/** Sum of the elements; an empty list sums to int 0 (the element type is unknown at run time). */
export function sum(list: unknown[]): unknown {
  if (list.length === 0) return 0n;
  return list.reduce((acc, item) => add(acc, item));
}

function extreme(name: string, preferred: number): (list: unknown[]) => unknown {
  return (list) => {
    if (list.length === 0) throw celError(`${name} called on empty list`);
    let result = list[0];
    for (const item of list.slice(1)) if (celCompare(result, item) === preferred) result = item;
    return result;
  };
}

export const min = extreme('min', 1);
export const max = extreme('max', -1);

export function listIndexOf(list: unknown[], item: unknown): bigint {
  return BigInt(list.findIndex((x) => celEquals(x, item)));
}

export function listLastIndexOf(list: unknown[], item: unknown): bigint {
  for (let i = list.length - 1; i >= 0; i--) if (celEquals(list[i], item)) return BigInt(i);
  return -1n;
}

function install(env: Environment): void {
  env
    .registerFunction('list.isSorted(): bool', isSorted)
    .registerFunction('list.sum(): dyn', sum)
    .registerFunction('list.min(): dyn', min)
    .registerFunction('list.max(): dyn', max)
    // `indexOf` calls are routed to the k8s_ names (see ast.ts), shared with the string versions.
    .registerFunction('list.k8s_indexOf(dyn): int', listIndexOf)
    .registerFunction('list.k8s_lastIndexOf(dyn): int', listLastIndexOf);
}

export const listsLibrary: CelLibrary = { name: 'kubernetes.lists', since: v(1, 0), install };
