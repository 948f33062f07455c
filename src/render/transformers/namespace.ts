import type { TransformerStep } from './step.js';

// Placeholder until implemented; the registry needs every step to exist.
export const namespaceStep: TransformerStep = {
  field: 'namespace',
  run() {
    throw new Error('namespace: not implemented yet');
  },
};
