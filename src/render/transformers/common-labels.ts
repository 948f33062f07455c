import type { TransformerStep } from './step.js';

// Placeholder until implemented; the registry needs every step to exist.
export const commonLabelsStep: TransformerStep = {
  field: 'commonLabels',
  run() {
    throw new Error('commonLabels: not implemented yet');
  },
};
