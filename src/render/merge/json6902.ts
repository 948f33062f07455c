import { cloneJson, isObject, jsonEqual, type JsonObject, type JsonValue } from '../../core/json.js';

/**
 * RFC 6902 JSON Patch as kustomize 5.5 applies it (evanphx/json-patch v4),
 * including that library's leniencies, which kubectl shows:
 * - `replace` of a missing object key adds it;
 * - array indexes may be negative (counted from the end; `-1` on `add` appends);
 * - `add` without `value` adds `null`;
 * - a path without a leading `/` addresses from its last segment's parent as if
 *   the first segment were absent (`spec/x` sets top-level `x`).
 */
export interface JsonPatchOperation {
  op: string;
  path?: string;
  from?: string;
  value?: JsonValue;
  /** True when the operation object has a `value` member (even `null`). */
  hasValue: boolean;
}

/** A failed operation: `index` is 0-based in the patch, `op` its kind. */
export class JsonPatchError extends Error {
  constructor(readonly index: number, readonly op: string, readonly reason: string) {
    super(`operation ${index} (${op}): ${reason}`);
    this.name = 'JsonPatchError';
  }
}

/** Reads a decoded patch document (a list of operation objects); undefined when it is not one. */
export function toJsonPatch(value: JsonValue): JsonPatchOperation[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const ops: JsonPatchOperation[] = [];
  for (const item of value) {
    if (item === null) {
      ops.push({ op: 'unknown', hasValue: false });
      continue;
    }
    if (!isObject(item)) return undefined;
    const op: JsonPatchOperation = { op: typeof item.op === 'string' ? item.op : 'unknown', hasValue: 'value' in item };
    if (typeof item.path === 'string') op.path = item.path;
    if (typeof item.from === 'string') op.from = item.from;
    if ('value' in item) op.value = item.value as JsonValue;
    ops.push(op);
  }
  return ops;
}

/** Applies the operations in order to a copy of `doc`; throws JsonPatchError at the first failure. */
export function applyJsonPatch(doc: JsonObject, ops: readonly JsonPatchOperation[]): JsonObject {
  const root = cloneJson(doc);
  ops.forEach((op, index) => {
    const reason = applyOne(root, op);
    if (reason !== undefined) throw new JsonPatchError(index, op.op, reason);
  });
  return root;
}

type Container = JsonObject | JsonValue[];
interface Location {
  container: Container;
  key: string;
}

function applyOne(root: JsonObject, op: JsonPatchOperation): string | undefined {
  if (!['add', 'remove', 'replace', 'move', 'copy', 'test'].includes(op.op)) return `unexpected kind: ${op.op}`;
  if (op.path === undefined) return 'operation missing path field';
  const value = op.hasValue ? (op.value as JsonValue) : null;
  switch (op.op) {
    case 'add':
      return withLocation(root, op.path, 'path', (at) => add(at, value));
    case 'remove':
      return withLocation(root, op.path, 'path', (at) => remove(at));
    case 'replace':
      return withLocation(root, op.path, 'path', (at) => replace(at, value));
    case 'test':
      return withLocation(root, op.path, 'path', (at) => test(at, op));
    default:
      return moveOrCopy(root, op);
  }
}

function withLocation(root: JsonObject, path: string, what: string, act: (at: Location) => string | undefined): string | undefined {
  const at = locate(root, path);
  return at ? act(at) : `doc is missing ${what}: ${path}`;
}

function moveOrCopy(root: JsonObject, op: JsonPatchOperation): string | undefined {
  if (op.from === undefined) return 'operation missing from field';
  const source = locate(root, op.from);
  if (!source) return `doc is missing from path: ${op.from}`;
  const got = get(source);
  if (typeof got === 'string') return got;
  if (op.op === 'move') {
    const removed = remove(source);
    if (removed) return removed;
  }
  const target = locate(root, op.path as string);
  if (!target) return `doc is missing destination path: ${op.path}`;
  const value = got.value === undefined ? null : op.op === 'copy' ? cloneJson(got.value) : got.value;
  return add(target, value);
}

/** RFC 6901 token decoding, in json-patch's order. */
function decodeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Finds the parent container and final key of a pointer (json-patch's findObject). */
function locate(root: JsonObject, path: string): Location | undefined {
  const split = path.split('/');
  if (split.length < 2) return undefined;
  let doc: Container = root;
  for (const part of split.slice(1, -1)) {
    const next = get({ container: doc, key: decodeToken(part) });
    if (typeof next === 'string' || next.value === undefined) return undefined;
    if (!Array.isArray(next.value) && !isObject(next.value)) return undefined;
    doc = next.value;
  }
  return { container: doc, key: decodeToken(split[split.length - 1] as string) };
}

/** An array index as Go's strconv.Atoi reads it, resolved against `length` (negatives count back). */
function arrayIndex(key: string, length: number): number | string {
  if (!/^[+-]?\d+$/.test(key)) return `invalid array index: ${key}`;
  let index = Number(key);
  if (index < 0) {
    if (index < -length) return `unable to access invalid index: ${index}`;
    index += length;
  }
  return index;
}

function get(at: Location): { value: JsonValue | undefined } | string {
  const { container, key } = at;
  if (!Array.isArray(container)) {
    return { value: Object.prototype.hasOwnProperty.call(container, key) ? container[key] : undefined };
  }
  const index = arrayIndex(key, container.length);
  if (typeof index === 'string') return index;
  if (index >= container.length) return `unable to access invalid index: ${index}`;
  return { value: container[index] };
}

function add(at: Location, value: JsonValue): string | undefined {
  const { container, key } = at;
  if (!Array.isArray(container)) {
    container[key] = value;
    return undefined;
  }
  if (key === '-') {
    container.push(value);
    return undefined;
  }
  const index = arrayIndex(key, container.length + 1);
  if (typeof index === 'string') return index;
  if (index > container.length) return `unable to access invalid index: ${index}`;
  container.splice(index, 0, value);
  return undefined;
}

function remove(at: Location): string | undefined {
  const { container, key } = at;
  if (!Array.isArray(container)) {
    if (!Object.prototype.hasOwnProperty.call(container, key)) return `unable to remove nonexistent key: ${key}`;
    delete container[key];
    return undefined;
  }
  const index = arrayIndex(key, container.length);
  if (typeof index === 'string') return index;
  if (index >= container.length) return `unable to remove invalid index: ${index}`;
  container.splice(index, 1);
  return undefined;
}

function replace(at: Location, value: JsonValue): string | undefined {
  const { container, key } = at;
  if (!Array.isArray(container)) {
    container[key] = value;
    return undefined;
  }
  const got = get(at);
  if (typeof got === 'string') return `doc is missing key: ${key}`;
  container[arrayIndex(key, container.length) as number] = value;
  return undefined;
}

function test(at: Location, op: JsonPatchOperation): string | undefined {
  const got = get(at);
  if (typeof got === 'string') return got;
  if (got.value === undefined) return op.hasValue && op.value !== null ? 'testing value failed' : undefined;
  const expected = op.hasValue ? (op.value as JsonValue) : undefined;
  return expected !== undefined && sameValue(got.value, expected) ? undefined : 'testing value failed';
}

/** Deep equality where numbers compare by value whatever their representation. */
function sameValue(a: JsonValue, b: JsonValue): boolean {
  if ((typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint')) {
    return Number(a) === Number(b);
  }
  return jsonEqual(a, b);
}
