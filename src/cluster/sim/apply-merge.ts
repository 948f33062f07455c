/**
 * The object arithmetic of server-side apply: merging an applied
 * configuration into the live object (maps by key, associative lists by item
 * key, sets by value, atomic lists and scalars replaced) and removing the
 * fields a manager released. Pure functions; frozen inputs are never mutated —
 * only the paths that change are copied.
 */
import { SEP } from './field-paths.js';
import { itemKey, listTypeOf } from './list-types.js';
import { deepEqual, isObject, type JsonObject } from './object-utils.js';

/** `applied` merged into `live`. */
export function mergeApplied(live: unknown, applied: unknown, name: string, builtin: boolean): unknown {
  if (isObject(applied)) {
    if (!isObject(live)) return applied;
    const out: JsonObject = { ...live };
    for (const [key, value] of Object.entries(applied)) {
      if (value === undefined) continue;
      out[key] = key in live ? mergeApplied(live[key], value, key, builtin) : value;
    }
    return out;
  }
  if (Array.isArray(applied) && Array.isArray(live)) {
    const listType = listTypeOf(name, applied.length ? applied : live, builtin);
    if (listType.type === 'set') return [...live, ...applied.filter((item) => !live.some((l) => deepEqual(l, item)))];
    if (listType.type === 'map') return mergeAssociative(live, applied, listType.keys, name, builtin);
  }
  return applied;
}

function mergeAssociative(live: unknown[], applied: unknown[], keys: readonly string[], name: string, builtin: boolean): unknown[] {
  const out = [...live];
  for (const item of applied) {
    if (!isObject(item)) continue;
    const key = itemKey(item, keys);
    const index = out.findIndex((existing) => isObject(existing) && deepEqual(itemKey(existing, keys), key));
    if (index >= 0) out[index] = mergeApplied(out[index], item, name, builtin);
    else out.push(item);
  }
  return out;
}

/**
 * `object` without the field at `path` (a FieldsV1 path). Maps and lists left
 * empty by the removal are removed too, as nothing else can own them.
 */
export function removeField(object: JsonObject, path: string): JsonObject {
  const segments = path.split(SEP);
  const result = removeAt(object, segments);
  return isObject(result) ? result : object;
}

const REMOVED = Symbol('removed');

function removeAt(node: unknown, segments: string[]): unknown {
  const [segment, ...rest] = segments;
  if (segment === undefined || segment === '.') return REMOVED;
  if (segment.startsWith('f:')) {
    if (!isObject(node)) return node;
    const field = segment.slice(2);
    if (!(field in node)) return node;
    const child = removeAt(node[field], rest);
    if (child === node[field]) return node;
    const out: JsonObject = { ...node };
    if (child === REMOVED || isEmptyContainer(child)) delete out[field];
    else out[field] = child;
    return out;
  }
  if (!Array.isArray(node)) return node;
  const index = findItem(node, segment);
  if (index < 0) return node;
  const child = removeAt(node[index], rest);
  if (child === node[index]) return node;
  const out = [...node];
  if (child === REMOVED) out.splice(index, 1);
  else out[index] = child;
  return out;
}

function isEmptyContainer(value: unknown): boolean {
  return (Array.isArray(value) && value.length === 0) || (isObject(value) && Object.keys(value).length === 0);
}

function findItem(list: unknown[], segment: string): number {
  try {
    if (segment.startsWith('k:')) {
      const key = JSON.parse(segment.slice(2)) as JsonObject;
      const keys = Object.keys(key);
      return list.findIndex((item) => isObject(item) && deepEqual(itemKey(item, keys), key));
    }
    if (segment.startsWith('v:')) {
      const value = JSON.parse(segment.slice(2)) as unknown;
      return list.findIndex((item) => deepEqual(item, value));
    }
    if (segment.startsWith('i:')) return Number(segment.slice(2));
  } catch {
    return -1;
  }
  return -1;
}
