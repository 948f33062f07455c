import { RenderCode } from '../errors.js';
import { setMapEntries } from '../field-specs-apply.js';
import { defaultFieldSpecConfig } from '../field-specs-config.js';
import type { TransformerStep } from './step.js';

/** `commonAnnotations:` — kustomize's AnnotationsTransformer over the commonAnnotations field specs. */
export const commonAnnotationsStep: TransformerStep = {
  field: 'commonAnnotations',
  run(resources, ctx) {
    const pairs = ctx.kustomization.commonAnnotations ?? {};
    const specs = (ctx.fieldSpecs ?? defaultFieldSpecConfig()).commonAnnotations;
    const source = ctx.sourceOf(['commonAnnotations']);
    const detail = `annotations ${Object.entries(pairs)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')}`;
    for (const r of resources) {
      if (Object.keys(r.obj).length === 0) continue;
      if (setMapEntries(r, specs, pairs, RenderCode.LabelInvalid)) r.record({ transformer: 'commonAnnotations', source, detail });
    }
  },
};
