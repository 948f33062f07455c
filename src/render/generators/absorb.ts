import { fail } from '../../core/diagnostic.js';
import { isObject, type JsonObject } from '../../core/json.js';
import { idString } from '../../core/resource-id.js';
import { Resource, type SourceRef } from '../../core/resource.js';
import { RenderCode } from '../errors.js';
import { sameIdLoosely } from '../nameref/ids.js';
import type { ResMap } from '../resmap.js';

/** What the generator stanza wants done with its freshly built object. */
export interface Generated {
  resource: Resource;
  /** The kustomization field, for provenance: `configMapGenerator` or `secretGenerator`. */
  field: string;
  where: SourceRef;
}

/**
 * kustomize's appendReplaceOrMerge. The new object is matched against the
 * current and previous ids of everything accumulated so far (generated or
 * not), namespaces compared with unset meaning `default`.
 *  - create: must match nothing; appended.
 *  - merge: labels, annotations, data and binaryData overlaid on the match.
 *  - replace: labels and annotations overlaid, everything else from the new object.
 * Either way the result takes the match's name, namespace, slot, previous ids
 * and rename history. It gets a hash suffix only if both wanted one.
 */
export function absorbGenerated(resources: ResMap, generated: Generated): void {
  const { resource, where } = generated;
  const behavior = resource.generator?.behavior ?? 'create';
  const matches = resources.all().filter((r) => r.allIds.some((id) => sameIdLoosely(id, resource.id)));
  if (matches.length > 1) {
    const ids = matches.map((m) => idString(m.id)).join(', ');
    fail(RenderCode.GeneratorInvalid, `found multiple objects [${ids}] that could accept merge of ${idString(resource.id)}`, where);
  }
  const old = matches[0];
  if (!old) {
    if (behavior !== 'create') {
      fail(RenderCode.GeneratorNotFound, `id ${idString(resource.id)} does not exist; cannot merge or replace`, where);
    }
    resources.add(resource, where);
    return;
  }
  if (behavior === 'create') {
    fail(RenderCode.GeneratorExists, `id ${idString(resource.id)} exists; behavior must be merge or replace`, where, `already defined at ${old.origin.file}:${old.origin.line}`);
  }
  resources.replace(old, combine(old, generated, behavior));
}

function combine(old: Resource, generated: Generated, behavior: 'merge' | 'replace'): Resource {
  const fresh = generated.resource;
  const obj = fresh.obj;
  const meta = metadataOf(obj);
  const oldMeta = metadataOf(old.obj);
  setOrDrop(meta, 'labels', { ...stringMap(oldMeta.labels), ...stringMap(meta.labels) });
  setOrDrop(meta, 'annotations', { ...stringMap(oldMeta.annotations), ...stringMap(meta.annotations) });
  meta.name = old.name;
  if (old.namespace !== '') meta.namespace = old.namespace;
  else delete meta.namespace;
  if (behavior === 'merge') {
    setOrDrop(obj, 'data', { ...stringMap(old.obj.data), ...stringMap(obj.data) });
    setOrDrop(obj, 'binaryData', { ...stringMap(old.obj.binaryData), ...stringMap(obj.binaryData) });
  }
  // kustomize keeps the old origin on merge; on replace the new stanza's wins.
  const result = new Resource(obj, behavior === 'merge' ? old.origin : fresh.origin);
  result.changes = [...old.changes, { transformer: generated.field, source: generated.where, detail: `behavior: ${behavior}` }];
  result.previousIds = [...old.previousIds];
  result.meta = { ...old.meta };
  result.generator = {
    hashSuffix: Boolean(old.generator?.hashSuffix) && Boolean(fresh.generator?.hashSuffix),
    behavior,
  };
  return result;
}

function metadataOf(obj: JsonObject): JsonObject {
  if (!isObject(obj.metadata)) obj.metadata = {};
  return obj.metadata as JsonObject;
}

/** A string map as kustomize reads one: scalars become their text; anything else is ignored. */
function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObject(value as JsonObject)) return out;
  for (const [key, v] of Object.entries(value as JsonObject)) {
    if (v === null || typeof v === 'object') continue;
    out[key] = String(v);
  }
  return out;
}

function setOrDrop(target: JsonObject, key: string, map: Record<string, string>): void {
  const keys = Object.keys(map).sort();
  if (keys.length === 0) {
    delete target[key];
    return;
  }
  const sorted: JsonObject = {};
  for (const k of keys) sorted[k] = map[k]!;
  target[key] = sorted;
}
