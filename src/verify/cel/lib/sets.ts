/**
 * cel-go's sets extension (ext.Sets, from Kubernetes 1.29): list-as-set
 * predicates with CEL equality.
 *
 *   sets.contains([1, 2, 3], [3, 1])     // true
 *   sets.equivalent([1, 1, 2], [2, 1])   // true
 *   sets.intersects([1], [2, 1])         // true
 */
import type { Environment } from '@marcbachmann/cel-js';
import { celEquals } from '../equality.js';
import { v, type CelLibrary } from '../library.js';

export function setContains(list: unknown[], sub: unknown[]): boolean {
  return sub.every((x) => list.some((y) => celEquals(x, y)));
}

export function setEquivalent(a: unknown[], b: unknown[]): boolean {
  return setContains(a, b) && setContains(b, a);
}

export function setIntersects(a: unknown[], b: unknown[]): boolean {
  return a.some((x) => b.some((y) => celEquals(x, y)));
}

class SetsNamespace {}

function install(env: Environment): void {
  env
    .registerType('SetsNamespace', SetsNamespace)
    .registerConstant('sets', 'SetsNamespace', new SetsNamespace())
    .registerFunction('SetsNamespace.contains(list, list): bool', (_ns: unknown, a: unknown[], b: unknown[]) => setContains(a, b))
    .registerFunction('SetsNamespace.equivalent(list, list): bool', (_ns: unknown, a: unknown[], b: unknown[]) => setEquivalent(a, b))
    .registerFunction('SetsNamespace.intersects(list, list): bool', (_ns: unknown, a: unknown[], b: unknown[]) => setIntersects(a, b));
}

export const setsLibrary: CelLibrary = { name: 'ext.sets', since: v(1, 29), install };
