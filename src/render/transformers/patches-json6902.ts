import type { TransformerStep } from './step.js';

// Placeholder until implemented; the registry needs every step to exist.
export const patchesJson6902Step: TransformerStep = {
  field: 'patchesJson6902',
  run() {
    throw new Error('patchesJson6902: not implemented yet');
  },
};
