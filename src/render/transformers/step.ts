import type { BuildContext } from '../context.js';
import type { Kustomization } from '../kustomization.js';
import type { ResMap } from '../resmap.js';

/**
 * One built-in transformer: reads its own field of the kustomization and
 * changes the ResMap in place, recording provenance on each changed Resource.
 * Same shape for all, so the registry is a plain ordered list.
 */
export interface TransformerStep {
  /** The kustomization field this step implements. */
  readonly field: keyof Kustomization;
  run(resources: ResMap, ctx: BuildContext): void;
}
