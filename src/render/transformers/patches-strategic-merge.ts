import type { TransformerStep } from './step.js';

// Placeholder until implemented; the registry needs every step to exist.
export const patchesStrategicMergeStep: TransformerStep = {
  field: 'patchesStrategicMerge',
  run() {
    throw new Error('patchesStrategicMerge: not implemented yet');
  },
};
