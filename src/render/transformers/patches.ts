import type { TransformerStep } from './step.js';

// Placeholder until implemented; the registry needs every step to exist.
export const patchesStep: TransformerStep = {
  field: 'patches',
  run() {
    throw new Error('patches: not implemented yet');
  },
};
