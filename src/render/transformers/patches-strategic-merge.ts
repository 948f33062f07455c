import { fail } from '../../core/diagnostic.js';
import { RenderCode } from '../errors.js';
import { mergeSchemaOf } from '../merge/openapi-option.js';
import { applySmpToSelected, findPatchTarget } from '../merge/patch-apply.js';
import { locationOf, resourceDocuments, type SmpDocument } from '../merge/patch-load.js';
import type { BuildContext } from '../context.js';
import type { TransformerStep } from './step.js';

/**
 * `patchesStrategicMerge:` (deprecated) — kustomize's PatchStrategicMergeTransformer.
 * Each entry is inline YAML or a file of one or more patch documents; every
 * document patches the one object whose current or previous id matches its
 * own apiVersion, kind, name and namespace, in order.
 */
export const patchesStrategicMergeStep: TransformerStep = {
  field: 'patchesStrategicMerge',
  run(resources, ctx) {
    const patches = (ctx.kustomization.patchesStrategicMerge ?? []).flatMap((entry, i) => loadEntry(ctx, entry, i));
    if (patches.length === 0) {
      fail(RenderCode.PatchInvalid, 'patch appears to be empty', locationOf(ctx.sourceOf(['patchesStrategicMerge'])));
    }
    const schema = mergeSchemaOf(ctx);
    for (const patch of patches) {
      const where = locationOf(patch.source);
      const target = findPatchTarget(resources, patch.value, where);
      applySmpToSelected(resources, [target], patch.value, { schema }, { transformer: 'patchesStrategicMerge', source: patch.source }, where);
    }
  },
};

/** For legacy reasons the entry is first read as patch content, then as a file path. */
function loadEntry(ctx: BuildContext, entry: string, index: number): SmpDocument[] {
  const entrySource = ctx.sourceOf(['patchesStrategicMerge', index]);
  const inline = resourceDocuments(entry, ctx.kustomizationFile, () => entrySource);
  if (inline && inline.length > 0) return inline;
  const file = ctx.readFile(entry);
  const docs = resourceDocuments(file.text, file.path, (line) => ({ file: file.path, line }));
  if (docs === undefined) {
    fail(RenderCode.PatchInvalid, `${entry} is not a list of strategic merge patches (each needs apiVersion, kind and metadata.name)`, locationOf(entrySource));
  }
  return docs;
}
