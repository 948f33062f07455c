import { fail, type SourceLocation } from '../../core/diagnostic.js';
import { isObject, jsonEqual, type JsonObject, type JsonValue } from '../../core/json.js';
import { idString, sameId, shortId, type ResourceId } from '../../core/resource-id.js';
import { idOfObject, type Change, type Resource } from '../../core/resource.js';
import { RenderCode } from '../errors.js';
import type { ResMap } from '../resmap.js';
import type { MergeSchema } from '../schema.js';
import { idsEqual } from '../select.js';
import { applyJsonPatch, JsonPatchError, type JsonPatchOperation } from './json6902.js';
import { strategicMerge, StrategicMergeError } from './strategic.js';

/**
 * Applying patches to resources with kustomize's bookkeeping around the
 * merge itself: which object an untargeted patch means, what a patch may
 * rename, and how ids are remembered so references can follow.
 */
export interface PatchOptions {
  allowNameChange?: boolean;
  allowKindChange?: boolean;
  /** Merge keys to use (a kustomization's `openapi` schema); the built-in schema when absent. */
  schema?: MergeSchema;
}

/** The provenance entry recorded on every object a patch changes. */
export type PatchChange = Omit<Change, 'detail'>;

/** The one object whose current or any previous id equals the patch's own id (kustomize's GetById). */
export function findPatchTarget(resources: ResMap, patch: JsonObject, where: Partial<SourceLocation>): Resource {
  const id = idOfObject(patch);
  const matches = resources.all().filter((r) => r.allIds.some((x) => idsEqual(x, id)));
  if (matches.length === 1) return matches[0] as Resource;
  const what = matches.length === 0 ? 'no matches' : 'multiple matches';
  return fail(
    RenderCode.PatchNoMatch,
    `no resource matches strategic merge patch "${idString(id)}": ${what} for Id ${idString(id)}; failed to find unique target for patch ${idString(id)}`,
    where,
    matches.length === 0 ? 'check the patch\'s apiVersion, kind, metadata.name and metadata.namespace' : `candidates: ${matches.map((r) => shortId(r.id)).join(', ')}`,
  );
}

/**
 * kustomize's Resource.ApplySmPatch: merge, then restore kind and name unless
 * the options allow a change, and always restore the namespace. A patch that
 * deletes the object removes it from the map.
 */
export function applySmpToResource(
  resources: ResMap, resource: Resource, patch: JsonObject, options: PatchOptions, change: PatchChange, where: Partial<SourceLocation>,
): void {
  const { name, namespace, kind } = resource;
  let merged: JsonObject | undefined;
  try {
    merged = strategicMerge(resource.obj, patch, options.schema);
  } catch (error) {
    if (!(error instanceof StrategicMergeError)) throw error;
    return fail(RenderCode.PatchInvalid, `cannot apply strategic merge patch to ${shortId(resource.id)}: ${error.message}`, where);
  }
  if (merged === undefined) {
    resources.remove(resource);
    return;
  }
  if (!options.allowKindChange) merged.kind = kind;
  if (!options.allowNameChange) metadataOf(merged).name = name;
  if (namespace === '') {
    if (isObject(merged.metadata)) delete merged.metadata.namespace;
  } else {
    metadataOf(merged).namespace = namespace;
  }
  commit(resource, merged, options.allowNameChange || options.allowKindChange, change, 'strategic merge patch');
}

/**
 * kustomize's ResMap.ApplySmPatch, used by patchesStrategicMerge and by
 * targeted `patches`: each target gets its own copy of the patch, with the
 * target's apiVersion and string-valued labels and annotations (so `null`
 * there becomes the text "null"), then duplicate ids are refused.
 */
export function applySmpToSelected(
  resources: ResMap, selected: Resource[], patch: JsonObject, options: PatchOptions, change: PatchChange, where: Partial<SourceLocation>,
): void {
  for (const resource of selected) {
    applySmpToResource(resources, resource, patchForTarget(patch, resource), options, change, where);
  }
  refuseDuplicateIds(resources, where);
}

function patchForTarget(patch: JsonObject, target: Resource): JsonObject {
  // Only the top level and metadata change here; the merge copies the rest itself.
  const copy: JsonObject = { ...patch };
  copy.metadata = isObject(patch.metadata) ? { ...patch.metadata } : {};
  const metadata = copy.metadata;
  for (const field of ['labels', 'annotations'] as const) {
    const strings = stringMap(metadata[field]);
    if (strings) metadata[field] = strings;
    else delete metadata[field];
  }
  if (typeof target.obj.apiVersion === 'string') copy.apiVersion = target.obj.apiVersion;
  else delete copy.apiVersion;
  return copy;
}

/** Labels/annotations as kyaml reads them into a Go map of strings; undefined when empty. */
function stringMap(value: JsonValue | undefined): JsonObject | undefined {
  if (!isObject(value) || Object.keys(value).length === 0) return undefined;
  const out: JsonObject = {};
  for (const key of Object.keys(value).sort()) {
    const v = value[key];
    out[key] = v === null ? 'null' : typeof v === 'object' ? '' : String(v);
  }
  return out;
}

function refuseDuplicateIds(resources: ResMap, where: Partial<SourceLocation>): void {
  const seen = new Set<string>();
  for (const r of resources) {
    const id = r.id;
    const key = exactIdKey(id);
    if (seen.has(key)) fail(RenderCode.DuplicateId, `may not add resource with an already registered id: ${idString(id)}`, where);
    seen.add(key);
  }
}

/** sameId as a hash key (ids as written: no effective namespace). */
function exactIdKey(id: ResourceId): string {
  return `${id.group}\u0000${id.version}\u0000${id.kind}\u0000${id.name}\u0000${id.namespace}`;
}

/**
 * Applies JSON 6902 operations to one object. Like kustomize, the object
 * makes a round trip through JSON numbers, so integers beyond 2^53 lose
 * precision. `rememberIds`: the `patches` field records the old id so
 * references follow a rename; `patchesJson6902` does not.
 */
export function applyJsonPatchToResource(
  resource: Resource, ops: readonly JsonPatchOperation[], rememberIds: boolean, change: PatchChange, where: Partial<SourceLocation>,
): void {
  let patched: JsonObject;
  try {
    patched = applyJsonPatch(resource.obj, ops);
  } catch (error) {
    if (!(error instanceof JsonPatchError)) throw error;
    return fail(RenderCode.JsonPatchFailed, `JSON patch failed on ${shortId(resource.id)}: ${error.message}`, {
      ...where,
      yamlPath: `[${error.index}]`,
    });
  }
  commit(resource, asJsonNumbers(patched) as JsonObject, rememberIds, change, `JSON patch (${ops.length} operation${ops.length === 1 ? '' : 's'})`);
}

function commit(resource: Resource, next: JsonObject, rememberIds: boolean | undefined, change: PatchChange, detail: string): void {
  if (jsonEqual(resource.obj, next)) return;
  if (rememberIds && !sameId(resource.id, idOfObject(next))) resource.rememberId();
  resource.obj = next;
  resource.record({ ...change, detail });
}

function metadataOf(obj: JsonObject): JsonObject {
  if (!isObject(obj.metadata)) obj.metadata = {};
  return obj.metadata as JsonObject;
}

/** bigint → number, as Go's float64 JSON decoding does. */
function asJsonNumbers(value: JsonValue): JsonValue {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(asJsonNumbers);
  if (isObject(value)) {
    const out: JsonObject = {};
    for (const key of Object.keys(value)) out[key] = asJsonNumbers(value[key] as JsonValue);
    return out;
  }
  return value;
}
