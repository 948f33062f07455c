import type { TransformerStep } from './step.js';

// Placeholder until implemented; the registry needs every step to exist.
export const labelsStep: TransformerStep = {
  field: 'labels',
  run() {
    throw new Error('labels: not implemented yet');
  },
};
