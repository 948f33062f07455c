import type { Gvk } from '../core/resource-id.js';

/**
 * Facts derived from the Kubernetes OpenAPI (committed as data under
 * render/data/): which kinds are cluster-scoped, and strategic-merge keys.
 */
export function isClusterScoped(_gvk: Gvk): boolean {
  throw new Error('schema: not implemented yet');
}
