/**
 * Manifest values as CEL sees them. The runtime represents CEL `int` as
 * BigInt and `double` as number, so whole numbers from YAML become BigInt
 * (the apiserver decodes JSON integers as int64). Nulls inside objects are
 * dropped, as the apiserver's decoder drops them before admission.
 */
import { isObject, type JsonObject, type JsonValue } from '../../core/json.js';

const converted = new WeakMap<JsonObject, Record<string, unknown>>();

export function toCel(value: JsonValue): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : value;
  if (Array.isArray(value)) return value.map(toCel);
  if (isObject(value)) return convertObject(value);
  return value;
}

function convertObject(obj: JsonObject): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(obj)) {
    const v = obj[key] as JsonValue;
    if (v !== null) out[key] = toCel(v);
  }
  return out;
}

/** Converts a whole object once and remembers it: the same resource is evaluated by many policies. */
export function objectToCel(obj: JsonObject): Record<string, unknown> {
  let cached = converted.get(obj);
  if (!cached) converted.set(obj, (cached = convertObject(obj)));
  return cached;
}

/** A CEL result back as JSON, for messages and tests; non-JSON values become their string form. */
export function fromCel(value: unknown): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value;
  if (Array.isArray(value)) return value.map(fromCel);
  if (value instanceof Map) {
    const out: JsonObject = {};
    for (const [k, v] of value) out[String(k)] = fromCel(v);
    return out;
  }
  if (typeof value === 'object' && value.constructor === Object) {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) out[k] = fromCel(v);
    return out;
  }
  return String(value);
}
