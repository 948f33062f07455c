/**
 * Kubernetes quantity library (kubernetes.quantity, from 1.28).
 *
 *   quantity('1.5Gi').isGreaterThan(quantity('1G'))   // true
 *   quantity('50k').sub(20000) == quantity('30k')      // true
 *   quantity('500m').isInteger()                       // false
 *   quantity('1000m').isInteger()                      // false: only the int64 form counts
 *   isQuantity('200K')                                 // false (no 'K' suffix)
 */
import type { Environment } from '@marcbachmann/cel-js';
import type { LibraryValue } from '../equality.js';
import { celError } from '../errors.js';
import { v, type CelLibrary } from '../library.js';
import {
  addQuantities, compareQuantities, integerQuantity, negateQuantity, parseQuantity, quantityAsFloat, quantityAsInt64, quantitySign, type Quantity,
} from '../quantity-value.js';

export class CelQuantity implements LibraryValue {
  readonly celType = 'kubernetes.Quantity';
  constructor(readonly value: Quantity) {}

  equals(other: unknown): boolean {
    return other instanceof CelQuantity && compareQuantities(this.value, other.value) === 0;
  }
}

export function toQuantity(text: string): CelQuantity {
  try {
    return new CelQuantity(parseQuantity(text));
  } catch (error) {
    throw celError(error instanceof Error ? error.message : String(error));
  }
}

function asInteger(q: CelQuantity): bigint {
  const value = quantityAsInt64(q.value);
  if (value === undefined) throw celError('cannot convert value to integer');
  return value;
}

const sign = (q: CelQuantity) => BigInt(quantitySign(q.value));

function install(env: Environment): void {
  env
    .registerType('Quantity', CelQuantity)
    .registerOperator('Quantity == Quantity', (a: CelQuantity, b: CelQuantity) => a.equals(b))
    .registerFunction('quantity(string): Quantity', toQuantity)
    .registerFunction('isQuantity(string): bool', (s: string) => {
      try {
        parseQuantity(s);
        return true;
      } catch {
        return false;
      }
    })
    // Declared as a global function upstream; the documentation also shows the method form.
    .registerFunction('sign(Quantity): int', sign)
    .registerFunction('Quantity.sign(): int', sign)
    .registerFunction('Quantity.isGreaterThan(Quantity): bool', (a: CelQuantity, b: CelQuantity) => compareQuantities(a.value, b.value) > 0)
    .registerFunction('Quantity.isLessThan(Quantity): bool', (a: CelQuantity, b: CelQuantity) => compareQuantities(a.value, b.value) < 0)
    .registerFunction('Quantity.compareTo(Quantity): int', (a: CelQuantity, b: CelQuantity) => BigInt(compareQuantities(a.value, b.value)))
    .registerFunction('Quantity.asApproximateFloat(): double', (q: CelQuantity) => quantityAsFloat(q.value))
    .registerFunction('Quantity.asInteger(): int', asInteger)
    .registerFunction('Quantity.isInteger(): bool', (q: CelQuantity) => quantityAsInt64(q.value) !== undefined)
    .registerFunction('Quantity.add(Quantity): Quantity', (a: CelQuantity, b: CelQuantity) => new CelQuantity(addQuantities(a.value, b.value)))
    .registerFunction('Quantity.add(int): Quantity', (a: CelQuantity, b: bigint) => new CelQuantity(addQuantities(a.value, integerQuantity(b))))
    .registerFunction('Quantity.sub(Quantity): Quantity', (a: CelQuantity, b: CelQuantity) => new CelQuantity(addQuantities(a.value, negateQuantity(b.value))))
    .registerFunction('Quantity.sub(int): Quantity', (a: CelQuantity, b: bigint) => new CelQuantity(addQuantities(a.value, negateQuantity(integerQuantity(b)))));
}

export const quantityLibrary: CelLibrary = { name: 'kubernetes.quantity', since: v(1, 28), install };
