import { fail } from '../../core/diagnostic.js';
import type { BuildContext } from '../context.js';
import { RenderCode } from '../errors.js';
import type { PatchArgs } from '../kustomization.js';
import { mergeSchemaOf } from '../merge/openapi-option.js';
import { applyJsonPatchToResource, applySmpToResource, applySmpToSelected, findPatchTarget, type PatchOptions } from '../merge/patch-apply.js';
import { jsonPatchOf, locationOf, provenance, readPatchText, resourceDocuments, type PatchText, type SmpDocument } from '../merge/patch-load.js';
import type { ResMap } from '../resmap.js';
import { selectResources } from '../select.js';
import type { TransformerStep } from './step.js';

/**
 * `patches:` — kustomize's PatchTransformer. The body (`path` or inline
 * `patch`) is strategic merge (resource documents) or JSON 6902 (a list of
 * operations), detected by which one parses. Without `target` each strategic
 * merge document finds its object by id (several documents are allowed then);
 * a JSON patch needs a target. A target matching nothing is not an error.
 */
export const patchesStep: TransformerStep = {
  field: 'patches',
  run(resources, ctx) {
    (ctx.kustomization.patches ?? []).forEach((args, i) => applyEntry(resources, ctx, args, i));
  },
};

function applyEntry(resources: ResMap, ctx: BuildContext, args: PatchArgs, index: number): void {
  const entry = ctx.sourceOf(['patches', index]);
  const where = locationOf(entry);
  const body = readPatchText(ctx, args, entry, true);
  const options: PatchOptions = {
    allowNameChange: args.options?.allowNameChange === true,
    allowKindChange: args.options?.allowKindChange === true,
    schema: mergeSchemaOf(ctx),
  };
  const smps = strategicPatchesOf(body, ctx);
  if (smps) {
    if (args.target && smps.length > 1) {
      fail(RenderCode.PatchInvalid, 'Multiple Strategic-Merge Patches in one `patches` entry is not allowed to set `patches.target` field', where);
    }
    for (const smp of smps) {
      const change = { transformer: 'patches', source: smp.source };
      const at = locationOf(smp.source);
      if (!args.target) {
        applySmpToResource(resources, findPatchTarget(resources, smp.value, at), smp.value, options, change, at);
      } else {
        applySmpToSelected(resources, selectResources(resources, args.target, where), smp.value, options, change, at);
      }
    }
    return;
  }
  const ops = jsonPatchOf(body.text, body.file ?? ctx.kustomizationFile);
  if (!ops) {
    fail(RenderCode.PatchInvalid, 'unable to parse SM or JSON patch: expected one resource document or a list of JSON 6902 operations', body.file ? { file: body.file, line: 1 } : where);
  }
  if (!args.target) fail(RenderCode.PatchTargetRequired, 'must specify a target for JSON patch', where);
  const change = { transformer: 'patches', source: provenance(body) };
  for (const resource of selectResources(resources, args.target, where)) {
    applyJsonPatchToResource(resource, ops, true, change, body.file ? { file: body.file, line: 1 } : where);
  }
}

/** The body as strategic merge patches: one or more resource documents (`List`s expanded). */
function strategicPatchesOf(body: PatchText, ctx: BuildContext): SmpDocument[] | undefined {
  const file = body.file ?? ctx.kustomizationFile;
  const docs = resourceDocuments(body.text, file, (line) => provenance(body, line));
  return docs && docs.length > 0 ? docs : undefined;
}
