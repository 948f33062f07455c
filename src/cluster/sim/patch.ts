/**
 * The non-apply PATCH types: JSON merge patch (RFC 7386), strategic merge
 * patch (approximated as a merge patch that merges associative lists such as
 * containers by their key and honours `$patch: delete` on list items), and
 * JSON patch (RFC 6902). Each takes the current object and returns a new one.
 */
import { badRequest, ApiError } from './status-errors.js';
import { itemKey, listTypeOf } from './list-types.js';
import { deepCopy, deepEqual, isObject, type JsonObject } from './object-utils.js';

export type PatchType = 'merge' | 'strategic' | 'json';

export function patchTypeOf(contentType: string | undefined): PatchType | 'apply' | undefined {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/merge-patch+json') return 'merge';
  if (type === 'application/strategic-merge-patch+json') return 'strategic';
  if (type === 'application/json-patch+json') return 'json';
  if (type === 'application/apply-patch+yaml' || type === 'application/apply-patch+json') return 'apply';
  return undefined;
}

export function applyPatch(current: JsonObject, patch: unknown, type: PatchType, builtin: boolean): JsonObject {
  if (type === 'json') return jsonPatch(current, patch);
  if (!isObject(patch)) throw badRequest('the patch must be a JSON object');
  return mergeInto(current, patch, type === 'strategic', builtin, '') as JsonObject;
}

function mergeInto(target: unknown, patch: JsonObject, strategic: boolean, builtin: boolean, _name: string): unknown {
  const out: JsonObject = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (strategic && key.startsWith('$')) continue;
    if (value === null) delete out[key];
    else if (isObject(value)) out[key] = mergeInto(out[key], value, strategic, builtin, key);
    else if (strategic && Array.isArray(value) && Array.isArray(out[key])) out[key] = mergeList(out[key] as unknown[], value, key, builtin);
    else out[key] = value;
  }
  return out;
}

/** Strategic merge of a list: associative lists merge item by item on their keys; others are replaced. */
function mergeList(current: unknown[], patch: unknown[], name: string, builtin: boolean): unknown[] {
  const listType = listTypeOf(name, patch.length ? patch : current, builtin);
  if (listType.type !== 'map') return patch;
  const result = [...current];
  for (const item of patch) {
    if (!isObject(item)) continue;
    const key = itemKey(item, listType.keys);
    const index = result.findIndex((existing) => isObject(existing) && deepEqual(itemKey(existing, listType.keys), key));
    if (item.$patch === 'delete') {
      if (index >= 0) result.splice(index, 1);
    } else if (index >= 0) result[index] = mergeInto(result[index], item, true, builtin, name);
    else result.push(mergeInto({}, item, true, builtin, name));
  }
  return result;
}

interface JsonPatchOperation {
  op: string;
  path: string;
  from?: string;
  value?: unknown;
}

function pointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw badRequest(`invalid JSON pointer "${path}"`);
  return path
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(root: JsonObject, parts: string[]): { parent: JsonObject | unknown[]; last: string } {
  let node: unknown = root;
  for (const part of parts.slice(0, -1)) {
    node = Array.isArray(node) ? node[Number(part)] : isObject(node) ? node[part] : undefined;
    if (typeof node !== 'object' || node === null) throw new ApiError('Invalid', `jsonpatch: path /${parts.join('/')} does not exist`);
  }
  return { parent: node as JsonObject | unknown[], last: parts[parts.length - 1]! };
}

function read(root: JsonObject, path: string): unknown {
  const parts = pointer(path);
  if (!parts.length) return root;
  const { parent, last } = parentOf(root, parts);
  const value = Array.isArray(parent) ? parent[Number(last)] : parent[last];
  if (value === undefined) throw new ApiError('Invalid', `jsonpatch: path ${path} does not exist`);
  return value;
}

function remove(root: JsonObject, path: string): void {
  read(root, path);
  const { parent, last } = parentOf(root, pointer(path));
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else delete parent[last];
}

function add(root: JsonObject, path: string, value: unknown, replace: boolean): void {
  if (replace) read(root, path);
  const { parent, last } = parentOf(root, pointer(path));
  if (!Array.isArray(parent)) parent[last] = value;
  else if (replace) parent[Number(last)] = value;
  else parent.splice(last === '-' ? parent.length : Number(last), 0, value);
}

function jsonPatch(current: JsonObject, patch: unknown): JsonObject {
  if (!Array.isArray(patch)) throw badRequest('a JSON patch must be a list of operations');
  const root = deepCopy(current);
  for (const operation of patch as JsonPatchOperation[]) {
    switch (operation.op) {
      case 'add':
        add(root, operation.path, deepCopy(operation.value), false);
        break;
      case 'replace':
        add(root, operation.path, deepCopy(operation.value), true);
        break;
      case 'remove':
        remove(root, operation.path);
        break;
      case 'move': {
        const value = read(root, operation.from ?? '');
        remove(root, operation.from ?? '');
        add(root, operation.path, value, false);
        break;
      }
      case 'copy':
        add(root, operation.path, deepCopy(read(root, operation.from ?? '')), false);
        break;
      case 'test':
        if (!deepEqual(read(root, operation.path), operation.value)) throw new ApiError('Invalid', `jsonpatch: test failed at ${operation.path}`);
        break;
      default:
        throw badRequest(`jsonpatch: unknown operation "${operation.op}"`);
    }
  }
  return root;
}
