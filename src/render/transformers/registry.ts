import { commonAnnotationsStep } from './common-annotations.js';
import { commonLabelsStep } from './common-labels.js';
import { imagesStep } from './images.js';
import { labelsStep } from './labels.js';
import { namePrefixStep } from './name-prefix.js';
import { nameSuffixStep } from './name-suffix.js';
import { namespaceStep } from './namespace.js';
import { patchesJson6902Step } from './patches-json6902.js';
import { patchesStrategicMergeStep } from './patches-strategic-merge.js';
import { patchesStep } from './patches.js';
import { replacementsStep } from './replacements.js';
import { replicasStep } from './replicas.js';
import type { TransformerStep } from './step.js';

/**
 * The built-in transformers in kustomize's fixed order. Each runs only when its
 * field is set in the kustomization being built.
 */
export const BUILTIN_TRANSFORMERS: readonly TransformerStep[] = [
  patchesStrategicMergeStep,
  patchesStep,
  namespaceStep,
  namePrefixStep,
  nameSuffixStep,
  labelsStep,
  commonLabelsStep,
  commonAnnotationsStep,
  patchesJson6902Step,
  replicasStep,
  imagesStep,
  replacementsStep,
];
