import { defaultFieldSpecConfig } from '../field-specs-config.js';
import { addNameSuffix } from '../nameref/index.js';
import { applyNameAffix } from './name-affix.js';
import type { TransformerStep } from './step.js';

/** `nameSuffix:` — kustomize's SuffixTransformer. */
export const nameSuffixStep: TransformerStep = {
  field: 'nameSuffix',
  run(resources, ctx) {
    const suffix = ctx.kustomization.nameSuffix ?? '';
    const specs = (ctx.fieldSpecs ?? defaultFieldSpecConfig()).nameSuffix;
    applyNameAffix(resources, ctx, 'nameSuffix', specs, (old) => old + suffix, (r) => addNameSuffix(r, suffix));
  },
};
