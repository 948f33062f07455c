import { fail } from '../../core/diagnostic.js';
import { RenderCode } from '../errors.js';
import { applyJsonPatchToResource } from '../merge/patch-apply.js';
import { jsonPatchOf, locationOf, provenance, readPatchText } from '../merge/patch-load.js';
import { selectResources } from '../select.js';
import type { TransformerStep } from './step.js';

/**
 * `patchesJson6902:` (deprecated) — kustomize's PatchJson6902Transformer.
 * A target with a name is required; no match is not an error. Unlike
 * `patches`, renames here do not remember the old id.
 */
export const patchesJson6902Step: TransformerStep = {
  field: 'patchesJson6902',
  run(resources, ctx) {
    (ctx.kustomization.patchesJson6902 ?? []).forEach((args, i) => {
      const entry = ctx.sourceOf(['patchesJson6902', i]);
      const where = locationOf(entry);
      if (!args.target) fail(RenderCode.PatchTargetRequired, 'must specify a target for the JSON patch', where);
      if (!args.target.name) fail(RenderCode.PatchTargetRequired, 'must specify the target name', where);
      const body = readPatchText(ctx, args, entry, false);
      const bodyWhere = body.file ? { file: body.file, line: 1 } : where;
      if (body.text === '') fail(RenderCode.PatchInvalid, `patch file '${args.path}' seems to be empty`, bodyWhere);
      const ops = jsonPatchOf(body.text, body.file ?? ctx.kustomizationFile);
      if (!ops) fail(RenderCode.PatchInvalid, 'not a JSON 6902 patch: expected a list of operations', bodyWhere);
      if (ops.length === 0) fail(RenderCode.PatchInvalid, 'patch appears to be empty', bodyWhere);
      const change = { transformer: 'patchesJson6902', source: provenance(body) };
      for (const resource of selectResources(resources, args.target, where)) {
        applyJsonPatchToResource(resource, ops, false, change, bodyWhere);
      }
    });
  },
};
