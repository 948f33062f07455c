import type { TransformerStep } from './step.js';

// Placeholder until implemented; the registry needs every step to exist.
export const commonAnnotationsStep: TransformerStep = {
  field: 'commonAnnotations',
  run() {
    throw new Error('commonAnnotations: not implemented yet');
  },
};
