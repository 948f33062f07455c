import { defaultFieldSpecConfig } from '../field-specs-config.js';
import { addLabels } from './labels.js';
import type { TransformerStep } from './step.js';

/** `commonLabels:` (deprecated) — labels on metadata, pod templates and selectors (the commonLabels field specs). */
export const commonLabelsStep: TransformerStep = {
  field: 'commonLabels',
  run(resources, ctx) {
    const pairs = ctx.kustomization.commonLabels ?? {};
    const specs = (ctx.fieldSpecs ?? defaultFieldSpecConfig()).commonLabels;
    addLabels(resources, ctx, pairs, specs, 'commonLabels', ['commonLabels']);
  },
};
