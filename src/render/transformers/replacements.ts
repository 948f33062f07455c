import type { TransformerStep } from './step.js';

// Placeholder until implemented; the registry needs every step to exist.
export const replacementsStep: TransformerStep = {
  field: 'replacements',
  run() {
    throw new Error('replacements: not implemented yet');
  },
};
