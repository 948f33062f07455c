import type { TransformerStep } from './step.js';

// Placeholder until implemented; the registry needs every step to exist.
export const imagesStep: TransformerStep = {
  field: 'images',
  run() {
    throw new Error('images: not implemented yet');
  },
};
