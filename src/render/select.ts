import type { Resource } from '../core/resource.js';
import type { Selector } from './kustomization.js';
import type { ResMap } from './resmap.js';

/**
 * Resources a patch or replacement target selects: group/version/kind exact,
 * name and namespace as anchored regexes, label and annotation selectors in
 * Kubernetes syntax. Matches current or previous ids, as kustomize does.
 */
export function selectResources(_resources: ResMap, _selector: Selector): Resource[] {
  throw new Error('select: not implemented yet');
}
