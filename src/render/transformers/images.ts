import { diag, DiagnosticError } from '../../core/diagnostic.js';
import { isArray, isObject, type JsonObject, type JsonValue } from '../../core/json.js';
import type { Resource } from '../../core/resource.js';
import { RenderCode } from '../errors.js';
import { forEachField } from '../field-specs-apply.js';
import { defaultFieldSpecConfig } from '../field-specs-config.js';
import type { ImageArgs } from '../kustomization.js';
import { imageMatcher, rewriteImage } from './image-ref.js';
import type { TransformerStep } from './step.js';

/**
 * `images:` — kustomize's ImageTagTransformer, one per entry, each in two
 * passes as kustomize does: first every `containers`/`initContainers` list at
 * any depth (the legacy pass), then the image field specs. CRDs are skipped.
 * The second pass sees the first pass's result, so `tagSuffix` lands twice on
 * standard pod specs — kubectl does the same.
 */
export const imagesStep: TransformerStep = {
  field: 'images',
  run(resources, ctx) {
    const specs = (ctx.fieldSpecs ?? defaultFieldSpecConfig()).images;
    (ctx.kustomization.images ?? []).forEach((image, i) => {
      const source = ctx.sourceOf(['images', i]);
      const matches = imageMatcher(image.name ?? '');
      for (const r of resources) {
        if (r.kind === 'CustomResourceDefinition') continue;
        const changes: string[] = [];
        const update = (container: JsonObject | JsonValue[], key: string | number): void => {
          const slot = container as Record<string | number, JsonValue>;
          const next = newImage(r, slot[key] ?? null, image, matches);
          if (next !== undefined && next !== slot[key]) {
            changes.push(`image ${String(slot[key])} → ${next}`);
            slot[key] = next;
          }
        };
        legacyPass(r.obj, update);
        forEachField(r, specs, undefined, RenderCode.ImageInvalid, update);
        for (const detail of changes) r.record({ transformer: 'images', source, detail });
      }
    });
  },
};

/** Every `image` of every element of every `containers`/`initContainers` list, at any depth. */
function legacyPass(node: JsonValue, update: (container: JsonObject, key: string) => void): void {
  if (isArray(node)) {
    for (const item of node) legacyPass(item, update);
    return;
  }
  if (!isObject(node)) return;
  for (const key in node) {
    const value = node[key]!;
    if (typeof value !== 'object' || value === null) continue;
    legacyPass(value, update);
    if ((key === 'containers' || key === 'initContainers') && isArray(value)) {
      for (const container of value) if (isObject(container) && 'image' in container) update(container, 'image');
    }
  }
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
