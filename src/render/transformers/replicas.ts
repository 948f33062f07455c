import type { TransformerStep } from './step.js';

// Placeholder until implemented; the registry needs every step to exist.
export const replicasStep: TransformerStep = {
  field: 'replicas',
  run() {
    throw new Error('replicas: not implemented yet');
  },
};
