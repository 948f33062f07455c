import { diag, DiagnosticError } from '../../core/diagnostic.js';
import { isArray, isObject, type JsonObject, type JsonValue } from '../../core/json.js';
import type { Resource, SourceRef } from '../../core/resource.js';
import { RenderCode } from '../errors.js';
import { forEachField } from '../field-specs-apply.js';
import { defaultFieldSpecConfig } from '../field-specs-config.js';
import type { FieldSpec } from '../field-specs.js';
import type { ImageArgs } from '../kustomization.js';
import { imageMatcher, rewriteImage } from './image-ref.js';
import type { TransformerStep } from './step.js';

/**
 * `images:` — kustomize's ImageTagTransformer, one per entry, each in two
 * passes as kustomize does: first every `containers`/`initContainers` list at
 * any depth (the legacy pass), then the image field specs. CRDs are skipped.
 * The second pass sees the first pass's result, so `tagSuffix` lands twice on
 * standard pod specs — kubectl does the same.
 *
 * Entries only ever touch their own objects, so each object takes every
 * entry in turn. An entry changes image strings only, never the shape of the
 * object, so the places both passes reach are found once, not once per entry.
 */
export const imagesStep: TransformerStep = {
  field: 'images',
  run(resources, ctx) {
    const specs = (ctx.fieldSpecs ?? defaultFieldSpecConfig()).images;
    const entries = (ctx.kustomization.images ?? []).map((image, i) => ({
      image,
      source: ctx.sourceOf(['images', i]),
      matches: imageMatcher(image.name ?? ''),
    }));
    for (const r of resources) {
      if (r.kind === 'CustomResourceDefinition') continue;
      const legacy = legacyContainers(r.obj, []);
      // Without legacy containers nothing comes before the spec walk, so it can go first, and objects with no image at all are skipped.
      let reached = legacy.length === 0 ? placesOf(r, specs) : undefined;
      if (reached?.length === 0) continue;
      for (const entry of entries) {
        for (const container of legacy) rewrite(r, container, 'image', entry);
        reached ??= placesOf(r, specs);
        for (const [container, key] of reached) rewrite(r, container, key, entry);
      }
    }
  },
};

interface ImageEntry {
  image: ImageArgs;
  source: SourceRef;
  matches: (ref: string) => boolean;
}

/** Applies one entry at one place, recording the change. */
function rewrite(r: Resource, container: JsonObject | JsonValue[], key: string | number, entry: ImageEntry): void {
  const slot = container as Record<string | number, JsonValue>;
  const next = newImage(r, slot[key] ?? null, entry.image, entry.matches);
  if (next === undefined || next === slot[key]) return;
  r.record({ transformer: 'images', source: entry.source, detail: `image ${String(slot[key])} → ${next}` });
  slot[key] = next;
}

/** Where the image field specs reach in the object, in walk order. */
function placesOf(r: Resource, specs: readonly FieldSpec[]): [JsonObject | JsonValue[], string | number][] {
  const places: [JsonObject | JsonValue[], string | number][] = [];
  forEachField(r, specs, undefined, RenderCode.ImageInvalid, (container, key) => void places.push([container, key]));
  return places;
}

/** Every element with an `image` of every `containers`/`initContainers` list, at any depth, in walk order. */
function legacyContainers(node: JsonValue, out: JsonObject[]): JsonObject[] {
  if (isArray(node)) {
    for (const item of node) legacyContainers(item, out);
    return out;
  }
  if (!isObject(node)) return out;
  for (const key in node) {
    const value = node[key]!;
    if (typeof value !== 'object' || value === null) continue;
    legacyContainers(value, out);
    if ((key === 'containers' || key === 'initContainers') && isArray(value)) {
      for (const container of value) if (isObject(container) && 'image' in container) out.push(container);
    }
  }
  return out;
}

function newImage(r: Resource, value: JsonValue, image: ImageArgs, matches: (ref: string) => boolean): string | undefined {
  if (value === null) return undefined;
  if (typeof value === 'object') {
    throw new DiagnosticError([
      diag(RenderCode.ImageInvalid, `wrong node kind: expected ScalarNode but got ${isArray(value) ? 'SequenceNode' : 'MappingNode'} for an image of ${r.kind}/${r.name}`, {
        file: r.origin.file,
        line: r.origin.line,
      }),
    ]);
  }
  const ref = String(value);
  return matches(ref) ? rewriteImage(ref, image) : undefined;
}
