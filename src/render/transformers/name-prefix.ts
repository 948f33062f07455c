import type { TransformerStep } from './step.js';

// Placeholder until implemented; the registry needs every step to exist.
export const namePrefixStep: TransformerStep = {
  field: 'namePrefix',
  run() {
    throw new Error('namePrefix: not implemented yet');
  },
};
