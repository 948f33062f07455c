import { diag, DiagnosticError } from '../../core/diagnostic.js';
import type { BuildContext } from '../context.js';
import { RenderCode } from '../errors.js';
import { setMapEntries } from '../field-specs-apply.js';
import { defaultFieldSpecConfig, parseFieldSpec } from '../field-specs-config.js';
import { METADATA_LABEL_SPEC } from '../field-specs-data.js';
import { mergeFieldSpecs, type FieldSpec } from '../field-specs.js';
import type { LabelArgs } from '../kustomization.js';
import type { ResMap } from '../resmap.js';
import type { TransformerStep } from './step.js';

/**
 * `labels:` — one LabelTransformer per entry, in order. By default only
 * `metadata/labels`; `includeTemplates` adds pod-template labels,
 * `includeSelectors` everything commonLabels touches; `fields` adds specs.
 */
export const labelsStep: TransformerStep = {
  field: 'labels',
  run(resources, ctx) {
    (ctx.kustomization.labels ?? []).forEach((entry, i) => {
      const pairs = entry.pairs ?? {};
      if (Object.keys(pairs).length === 0) return;
      addLabels(resources, ctx, pairs, specsFor(entry, ctx, i), 'labels', ['labels', i]);
    });
  },
};

function specsFor(entry: LabelArgs, ctx: BuildContext, index: number): FieldSpec[] {
  const config = ctx.fieldSpecs ?? defaultFieldSpecConfig();
  const where = ctx.sourceOf(['labels', index, 'fields']);
  try {
    const custom = (entry.fields ?? []).map((f, j) => parseFieldSpec(f, `labels[${index}].fields[${j}]`));
    if (entry.includeSelectors) return mergeFieldSpecs(custom, config.commonLabels);
    const specs = mergeFieldSpecs(custom, [METADATA_LABEL_SPEC]);
    return entry.includeTemplates ? mergeFieldSpecs(specs, config.templateLabels) : specs;
  } catch (err) {
    throw new DiagnosticError([diag(RenderCode.LabelInvalid, err instanceof Error ? err.message : String(err), { file: where.file, line: where.line })]);
  }
}

/** Sets `pairs` at `specs` on every object, recording provenance where something changed. */
export function addLabels(
  resources: ResMap,
  ctx: BuildContext,
  pairs: Readonly<Record<string, string>>,
  specs: readonly FieldSpec[],
  transformer: string,
  field: (string | number)[],
): void {
  const source = ctx.sourceOf(field);
  const detail = Object.entries(pairs)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  for (const r of resources) {
    if (Object.keys(r.obj).length === 0) continue;
    if (setMapEntries(r, specs, pairs, RenderCode.LabelInvalid)) r.record({ transformer, source, detail: `labels ${detail}` });
  }
}
