import type { BuildContext } from '../context.js';
import type { ResMap } from '../resmap.js';

/** Runs configMapGenerator then secretGenerator of one kustomization (create, merge or replace). */
export function runGenerators(_resources: ResMap, _ctx: BuildContext): void {
  throw new Error('generators: not implemented yet');
}
