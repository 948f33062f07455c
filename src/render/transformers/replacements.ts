import { applyReplacement } from '../replacements/apply.js';
import { loadReplacements } from '../replacements/load.js';
import { DEFAULT_FIELD_PATH } from '../replacements/types.js';
import type { TransformerStep } from './step.js';

/**
 * `replacements`: copies a field of one resource into fields of others, in
 * declaration order (a later replacement sees the result of an earlier one).
 * Entries may be inline or `{path: file}`; every file is read before any
 * replacement runs, as kustomize configures the transformer first.
 */
export const replacementsStep: TransformerStep = {
  field: 'replacements',
  run(resources, ctx) {
    const replacements = loadReplacements(ctx.kustomization.replacements ?? [], ctx);
    for (const r of replacements) {
      const source = r.source.fieldPath || DEFAULT_FIELD_PATH;
      for (const { resource, paths } of applyReplacement(resources, r)) {
        resource.record({
          transformer: 'replacements',
          source: ctx.sourceOf(['replacements', r.entry]),
          detail: `${r.source.kind ?? ''}/${r.source.name ?? ''} ${source} → ${paths.join(', ')}`,
        });
      }
    }
  },
};
