/**
 * Field paths in the FieldsV1 vocabulary of server-side apply: `f:<field>`,
 * `k:<key json>` for an associative-list item, `v:<value json>` for a set
 * member, and `.` for "this node itself". A path is its segments joined by
 * NUL; a field set is a Set of leaf paths. Objects are walked into
 * path → value maps so that ownership and conflicts are plain map lookups.
 */
import { itemKey, listTypeOf } from './list-types.js';
import { isObject, type JsonObject } from './object-utils.js';

export const SEP = '\u0000';

/** Which part of an object a write manages: the main resource or the status subresource. */
export type FieldScope = 'main' | 'status';

/** Metadata fields that managers can own; identity and bookkeeping fields are never managed. */
const MANAGED_METADATA = ['labels', 'annotations', 'ownerReferences', 'finalizers'];

/** Leaf paths of an object in one scope, with the value found there. */
export function leafFields(object: JsonObject, scope: FieldScope, builtin: boolean): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (scope === 'status') {
    if (object.status !== undefined) walk(object.status, 'f:status', 'status', builtin, out);
    return out;
  }
  for (const [field, value] of Object.entries(object)) {
    if (field === 'apiVersion' || field === 'kind' || field === 'status' || value === undefined) continue;
    if (field !== 'metadata') {
      walk(value, `f:${field}`, field, builtin, out);
      continue;
    }
    if (!isObject(value)) continue;
    for (const name of MANAGED_METADATA) {
      if (value[name] !== undefined) walk(value[name], `f:metadata${SEP}f:${name}`, name, builtin, out);
    }
  }
  return out;
}

function walk(value: unknown, path: string, name: string, builtin: boolean, out: Map<string, unknown>): void {
  if (isObject(value)) {
    let empty = true;
    for (const [field, child] of Object.entries(value)) {
      if (child === undefined) continue;
      empty = false;
      walk(child, `${path}${SEP}f:${field}`, field, builtin, out);
    }
    if (empty) out.set(path, value);
    return;
  }
  if (!Array.isArray(value) || value.length === 0) {
    out.set(path, value);
    return;
  }
  const listType = listTypeOf(name, value, builtin);
  if (listType.type === 'atomic') {
    out.set(path, value);
  } else if (listType.type === 'set') {
    for (const item of value) out.set(`${path}${SEP}v:${JSON.stringify(item)}`, item);
  } else {
    for (const item of value) {
      if (!isObject(item)) continue;
      const itemPath = `${path}${SEP}k:${keyJson(itemKey(item, listType.keys))}`;
      out.set(`${itemPath}${SEP}.`, item);
      for (const [field, child] of Object.entries(item)) if (child !== undefined) walk(child, `${itemPath}${SEP}f:${field}`, field, builtin, out);
    }
  }
}

/** JSON of a list-map key with sorted fields, as FieldsV1 spells it. */
export function keyJson(key: JsonObject): string {
  const sorted: JsonObject = {};
  for (const k of Object.keys(key).sort()) sorted[k] = key[k];
  return JSON.stringify(sorted);
}

/** A field set as a FieldsV1 tree. */
export function toFieldsV1(paths: Iterable<string>): JsonObject {
  const root: JsonObject = {};
  for (const path of paths) {
    let node = root;
    for (const segment of path.split(SEP)) {
      let child = node[segment] as JsonObject | undefined;
      if (!child) node[segment] = child = {};
      node = child;
    }
  }
  return root;
}

/** The leaf paths of a FieldsV1 tree. */
export function fromFieldsV1(tree: unknown, prefix = '', out = new Set<string>()): Set<string> {
  if (!isObject(tree)) return out;
  for (const [segment, child] of Object.entries(tree)) {
    const path = prefix ? `${prefix}${SEP}${segment}` : segment;
    if (isObject(child) && Object.keys(child).length > 0) fromFieldsV1(child, path, out);
    else out.add(path);
  }
  return out;
}

/** `.spec.template.spec.containers[name="app"].image`, the way the API server names a field in conflicts. */
export function displayPath(path: string): string {
  let out = '';
  for (const segment of path.split(SEP)) {
    if (segment.startsWith('f:')) out += `.${segment.slice(2)}`;
    else if (segment.startsWith('k:')) out += `[${keySelector(segment.slice(2))}]`;
    else if (segment.startsWith('v:')) out += `[=${segment.slice(2)}]`;
    else if (segment.startsWith('i:')) out += `[${segment.slice(2)}]`;
  }
  return out;
}

function keySelector(json: string): string {
  try {
    const key = JSON.parse(json) as JsonObject;
    return Object.entries(key)
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join(',');
  } catch {
    return json;
  }
}

/** True when `path` is `ancestor` or lies under it. */
export function isWithin(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(ancestor + SEP);
}
