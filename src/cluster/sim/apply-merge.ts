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

/** Paths as a tree of segments; `leaf` marks a path that ends at that node. */
interface PathTree {
  leaf: boolean;
  children: Map<string, PathTree>;
}

function pathTree(paths: Iterable<string>): PathTree {
  const root: PathTree = { leaf: false, children: new Map() };
  for (const path of paths) {
    let node = root;
    for (const segment of path.split(SEP)) {
      let child = node.children.get(segment);
      if (!child) node.children.set(segment, (child = { leaf: false, children: new Map() }));
      node = child;
    }
    node.leaf = true;
  }
  return root;
}

/**
 * `object` without the released fields at `paths` (FieldsV1 paths). All
 * paths are removed in one walk over the object as it was, so a list item is
 * always found by its key even when its key fields are released too: removing
 * `k:{"name":"A"}/f:name` before `k:{"name":"A"}/.` would leave an
 * unfindable, empty item behind. A released item marker (`.`) drops the whole
 * item; a surviving item keeps its key fields. Maps and lists left empty are
 * removed unless `ownedAsLeaf` says a manager applied them empty on purpose.
 */
export function removeFields(object: JsonObject, paths: Iterable<string>, ownedAsLeaf: (path: string) => boolean): JsonObject {
  const result = removeIn(object, pathTree(paths), '', ownedAsLeaf);
  return isObject(result) ? result : object;
}

function removeIn(node: unknown, tree: PathTree, path: string, ownedAsLeaf: (path: string) => boolean): unknown {
  if (Array.isArray(node)) return removeItems(node, tree, path, ownedAsLeaf);
  if (!isObject(node)) return node;
  let out: JsonObject | undefined;
  for (const [segment, sub] of tree.children) {
    if (!segment.startsWith('f:')) continue; // a map's own `.` marker: the map goes once it is empty
    const field = segment.slice(2);
    if (!(field in node)) continue;
    const childPath = path ? `${path}${SEP}${segment}` : segment;
    const child = sub.leaf ? REMOVED : removeIn(node[field], sub, childPath, ownedAsLeaf);
    if (child === node[field]) continue;
    out ??= { ...node };
    if (child === REMOVED || (isEmptyContainer(child) && !ownedAsLeaf(childPath))) delete out[field];
    else out[field] = child;
  }
  return out ?? node;
}

const REMOVED = Symbol('removed');

function removeItems(list: unknown[], tree: PathTree, path: string, ownedAsLeaf: (path: string) => boolean): unknown[] {
  const replaced = new Map<number, unknown>();
  for (const [segment, sub] of tree.children) {
    const index = findItem(list, segment);
    if (index < 0) continue;
    if (sub.leaf || sub.children.get('.')?.leaf) {
      replaced.set(index, REMOVED);
      continue;
    }
    const item = removeIn(list[index], withoutKeyFields(sub, segment), `${path}${SEP}${segment}`, ownedAsLeaf);
    if (item !== list[index]) replaced.set(index, isEmptyContainer(item) ? REMOVED : item);
  }
  if (replaced.size === 0) return list;
  const out: unknown[] = [];
  list.forEach((item, index) => {
    const next = replaced.has(index) ? replaced.get(index) : item;
    if (next !== REMOVED) out.push(next);
  });
  return out;
}

/** The released fields of a surviving associative-list item, minus its key fields (an item without its key is no item). */
function withoutKeyFields(tree: PathTree, segment: string): PathTree {
  if (!segment.startsWith('k:')) return tree;
  let keys: string[];
  try {
    keys = Object.keys(JSON.parse(segment.slice(2)) as JsonObject);
  } catch {
    return tree;
  }
  const children = new Map([...tree.children].filter(([child]) => !keys.some((key) => child === `f:${key}`)));
  return { leaf: tree.leaf, children };
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
