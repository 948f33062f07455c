import type { TransformerStep } from './step.js';

// Placeholder until implemented; the registry needs every step to exist.
export const nameSuffixStep: TransformerStep = {
  field: 'nameSuffix',
  run() {
    throw new Error('nameSuffix: not implemented yet');
  },
};
