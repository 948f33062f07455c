import { diag, DiagnosticError } from '../../core/diagnostic.js';
import { gvkString } from '../../core/resource-id.js';
import { RenderCode } from '../errors.js';
import { forEachField } from '../field-specs-apply.js';
import { defaultFieldSpecConfig } from '../field-specs-config.js';
import { specMatches } from '../field-specs.js';
import type { TransformerStep } from './step.js';

/**
 * `replicas:` — kustomize's ReplicaCountTransformer, one per entry. The name
 * matches an object's current or any previous name (so both `web` and
 * `prod-web` work after a prefix); a name matching nothing is an error.
 */
export const replicasStep: TransformerStep = {
  field: 'replicas',
  run(resources, ctx) {
    const specs = (ctx.fieldSpecs ?? defaultFieldSpecConfig()).replicas;
    (ctx.kustomization.replicas ?? []).forEach((replica, i) => {
      const name = replica.name ?? '';
      const count = replica.count ?? 0;
      const source = ctx.sourceOf(['replicas', i]);
      let found = false;
      const named = resources.all().filter((r) => r.name === name || r.previousIds.some((id) => id.name === name));
      for (const spec of specs) {
        for (const r of named) {
          if (!r.allIds.some((id) => id.name === name && specMatches(spec, id))) continue;
          found = true;
          let changed = false;
          forEachField(r, [spec], 'scalar', RenderCode.InvalidResource, (container, key) => {
            const slot = container as Record<string | number, unknown>;
            if (slot[key] !== count) changed = true;
            slot[key] = count;
          });
          if (changed) r.record({ transformer: 'replicas', source, detail: `replicas → ${count}` });
        }
      }
      if (!found) {
        const gvks = specs.map((s) => gvkString({ group: s.group ?? '', version: s.version ?? '', kind: s.kind ?? '' }));
        throw new DiagnosticError([
          diag(RenderCode.ReplicasNoMatch, `resource with name ${name} does not match a config with the following GVK [${gvks.join(' ')}]`, ctx.sourceOf(['replicas', i, 'name'])),
        ]);
      }
    });
  },
};
