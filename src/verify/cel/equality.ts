/**
 * CEL equality and ordering over runtime values, for library functions that
 * compare elements (lists, sets): heterogeneous numeric equality (1 == 1u ==
 * 1.0), deep equality of lists and maps, and the ordering cel-go defines for
 * comparable types. Our library value types bring their own `equals`.
 */
import { Duration, UnsignedInt } from '@marcbachmann/cel-js/evaluator';
import { celError } from './errors.js';

/** A library value type (Quantity, IP, …) that knows its own equality and name. */
export interface LibraryValue {
  readonly celType: string;
  equals(other: unknown): boolean;
}

function isLibraryValue(value: unknown): value is LibraryValue {
  return typeof value === 'object' && value !== null && typeof (value as LibraryValue).equals === 'function' && typeof (value as LibraryValue).celType === 'string';
}

function numeric(value: unknown): bigint | number | undefined {
  if (typeof value === 'bigint' || typeof value === 'number') return value;
  if (value instanceof UnsignedInt) return value.value;
  return undefined;
}

function compareNumbers(a: bigint | number, b: bigint | number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
  if (typeof a === typeof b) return a < b ? -1 : a > b ? 1 : 0;
  return typeof a === 'bigint' ? compareIntDouble(a, b as number) : -compareIntDouble(b as bigint, a);
}

/** An int against a double, exactly (not through a lossy double). */
function compareIntDouble(x: bigint, y: number): number {
  if (y === Infinity) return -1;
  if (y === -Infinity) return 1;
  const floor = BigInt(Math.floor(y));
  if (x !== floor) return x < floor ? -1 : 1;
  return y === Math.floor(y) ? 0 : -1;
}

function isPlainMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && value.constructor === Object;
}

function mapEntries(value: unknown): [unknown, unknown][] | undefined {
  if (value instanceof Map) return [...value.entries()];
  if (isPlainMap(value)) return Object.entries(value);
  return undefined;
}

export function celEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const na = numeric(a);
  const nb = numeric(b);
  if (na !== undefined || nb !== undefined) return na !== undefined && nb !== undefined && compareNumbers(na, nb) === 0;
  if (isLibraryValue(a)) return a.equals(b);
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => celEquals(x, b[i]));
  if (a instanceof Uint8Array) return b instanceof Uint8Array && a.length === b.length && a.every((x, i) => x === b[i]);
  if (a instanceof Date) return b instanceof Date && a.getTime() === b.getTime();
  if (a instanceof Duration) return b instanceof Duration && a.seconds === b.seconds && a.nanos === b.nanos;
  return mapsEqual(a, b);
}

function mapsEqual(a: unknown, b: unknown): boolean {
  const ea = mapEntries(a);
  const eb = mapEntries(b);
  if (!ea || !eb || ea.length !== eb.length) return false;
  return ea.every(([k, v]) => {
    const other = eb.find(([k2]) => celEquals(k, k2));
    return other !== undefined && celEquals(v, other[1]);
  });
}

/** Code-point order, as Go compares UTF-8 strings. */
function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const ra = Array.from(a, (c) => c.codePointAt(0) as number);
  const rb = Array.from(b, (c) => c.codePointAt(0) as number);
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
    if (ra[i] !== rb[i]) return (ra[i] as number) - (rb[i] as number) < 0 ? -1 : 1;
  }
  return ra.length - rb.length < 0 ? -1 : ra.length > rb.length ? 1 : 0;
}

function durationNanos(d: Duration): bigint {
  return d.seconds * 1_000_000_000n + BigInt(d.nanos);
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number) ? -1 : 1;
  return Math.sign(a.length - b.length);
}

const sign = (x: bigint | number) => (x < 0 ? -1 : x > 0 ? 1 : 0);

/** -1, 0, 1 for comparable values of compatible types; a CEL error otherwise. */
export function celCompare(a: unknown, b: unknown): number {
  const na = numeric(a);
  const nb = numeric(b);
  if (na !== undefined && nb !== undefined) return compareNumbers(na, nb);
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (a instanceof Date && b instanceof Date) return sign(a.getTime() - b.getTime());
  if (a instanceof Duration && b instanceof Duration) return sign(durationNanos(a) - durationNanos(b));
  if (a instanceof Uint8Array && b instanceof Uint8Array) return compareBytes(a, b);
  throw celError(`no such overload: cannot compare ${celTypeName(a)} and ${celTypeName(b)}`);
}

/** The CEL type name of a runtime value, for messages. */
export function celTypeName(value: unknown): string {
  if (value === null) return 'null_type';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'bigint') return 'int';
  if (typeof value === 'number') return 'double';
  if (value instanceof UnsignedInt) return 'uint';
  if (value instanceof Uint8Array) return 'bytes';
  if (value instanceof Date) return 'google.protobuf.Timestamp';
  if (value instanceof Duration) return 'google.protobuf.Duration';
  if (Array.isArray(value)) return 'list';
  if (value instanceof Map || isPlainMap(value)) return 'map';
  if (isLibraryValue(value)) return value.celType;
  if (typeof value === 'object') return value.constructor.name;
  return typeof value;
}
