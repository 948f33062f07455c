import { defaultFieldSpecConfig } from '../field-specs-config.js';
import { addNamePrefix } from '../nameref/index.js';
import { applyNameAffix } from './name-affix.js';
import type { TransformerStep } from './step.js';

/** `namePrefix:` — kustomize's PrefixTransformer. */
export const namePrefixStep: TransformerStep = {
  field: 'namePrefix',
  run(resources, ctx) {
    const prefix = ctx.kustomization.namePrefix ?? '';
    const specs = (ctx.fieldSpecs ?? defaultFieldSpecConfig()).namePrefix;
    applyNameAffix(resources, ctx, 'namePrefix', specs, (old) => prefix + old, (r) => addNamePrefix(r, prefix));
  },
};
