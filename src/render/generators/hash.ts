import { isObject, type JsonObject, type JsonValue } from '../../core/json.js';
import type { Resource } from '../../core/resource.js';
import type { ResMap } from '../resmap.js';
import { goJsonStringify } from './gojson.js';
import { sha256Hex } from './sha256.js';

/**
 * Top level only, after every transformer: appends `-<hash>` to generated
 * ConfigMaps/Secrets that want it. The old id is remembered first so that
 * name references can follow the rename.
 */
export function applyHashSuffixes(resources: ResMap): void {
  for (const resource of resources) {
    if (!resource.generator?.hashSuffix) continue;
    const hash = contentHash(resource.obj);
    resource.rememberId();
    setName(resource, `${resource.name}-${hash}`);
  }
}

/** kustomize's content hash: 10 characters of SHA-256 over a small JSON projection of the object. */
export function contentHash(obj: JsonObject): string {
  return encodeHash(sha256Hex(hashInput(obj)));
}

/**
 * The JSON text that is hashed. `name` is always "": kustomize looks up a
 * top-level key literally called "metadata/name", which never exists.
 * Labels, annotations, namespace and `immutable` do not count.
 */
export function hashInput(obj: JsonObject): string {
  const kind = obj.kind;
  if (kind === 'ConfigMap') {
    const projection: JsonObject = { kind: 'ConfigMap', name: '', data: fieldValue(obj, 'data') };
    if (isObject(obj.binaryData)) projection.binaryData = obj.binaryData;
    return goJsonStringify(projection);
  }
  if (kind === 'Secret') {
    const projection: JsonObject = {
      kind: 'Secret',
      type: fieldValue(obj, 'type'),
      name: '',
      data: fieldValue(obj, 'data'),
    };
    if (isObject(obj.stringData)) projection.stringData = obj.stringData;
    return goJsonStringify(projection);
  }
  return goJsonStringify(obj);
}

/**
 * A field as kustomize reads it for hashing: missing becomes "", a scalar
 * its text, a map itself (numbers in it are float64 to Go, as goJsonStringify
 * prints them); a list fails to decode as a map and is null.
 */
function fieldValue(obj: JsonObject, key: string): JsonValue {
  const value = obj[key];
  if (value === undefined || value === null) return '';
  if (isObject(value)) return value;
  if (Array.isArray(value)) return null;
  return String(value);
}

/** First 10 hex digits with the characters that could spell words swapped out (kubectl's hash encoding). */
export function encodeHash(hex: string): string {
  const swap: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };
  return [...hex.slice(0, 10)].map((c) => swap[c] ?? c).join('');
}

function setName(resource: Resource, name: string): void {
  const metadata = isObject(resource.obj.metadata) ? resource.obj.metadata : {};
  metadata.name = name;
  resource.obj.metadata = metadata;
}
