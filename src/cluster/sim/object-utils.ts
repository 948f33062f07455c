/**
 * Small helpers over JSON values shared by the store and the REST layer.
 * Stored objects are deeply frozen so that reads can hand out the stored
 * value itself: a list of 400 pods costs no copying, and a caller that tries
 * to mutate one fails loudly instead of corrupting the store.
 */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Freezes `value` and everything under it. A frozen subtree is assumed frozen all the way down (it came from here). */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const child of Object.values(value as object)) deepFreeze(child);
  return value;
}

/** Structural equality of JSON values; shared (identical) subtrees compare in O(1). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && arraysEqual(a, b);
  return objectsEqual(a as JsonObject, b as JsonObject);
}

function arraysEqual(a: unknown[], b: unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
  return true;
}

/** Keys holding undefined count as absent (as in JSON). */
function objectsEqual(a: JsonObject, b: JsonObject): boolean {
  let countB = 0;
  for (const k in b) if (b[k] !== undefined) countB++;
  let countA = 0;
  for (const k in a) {
    const va = a[k];
    if (va === undefined) continue;
    countA++;
    if (!deepEqual(va, b[k])) return false;
  }
  return countA === countB;
}

/** A mutable deep copy (for code that edits a stored, frozen object). */
export function deepCopy<T>(value: T): T {
  return structuredClone(value);
}

let cachedSecond = -1;
let cachedTimestamp = '';

/** RFC 3339 with second precision, as the API server writes timestamps (formatted once per second: writes come in bursts). */
export function nowTimestamp(): string {
  const second = Math.floor(Date.now() / 1000);
  if (second !== cachedSecond) {
    cachedSecond = second;
    cachedTimestamp = new Date(second * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
  }
  return cachedTimestamp;
}
