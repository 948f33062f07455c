import { sameGvk, type Gvk, type ResourceId } from '../../core/resource-id.js';
import { isClusterScoped } from '../schema.js';

/** kustomize's stand-in namespace for cluster-scoped ids, so they never equal a real namespace. */
export const NOT_A_NAMESPACE = '_non_namespaceable_';

/**
 * The namespace used in comparisons (kustomize's EffectiveNamespace): an
 * unset namespace means `default`; cluster-scoped kinds have none at all.
 */
export function effectiveNamespace(id: ResourceId): string {
  if (isClusterScoped(id)) return NOT_A_NAMESPACE;
  return id.namespace === '' ? 'default' : id.namespace;
}

/** Same effective namespace. */
export function sameNamespace(a: ResourceId, b: ResourceId): boolean {
  return effectiveNamespace(a) === effectiveNamespace(b);
}

/** kustomize's ResId.Equals: exact group/version/kind and name, effective namespace. */
export function sameIdLoosely(a: ResourceId, b: ResourceId): boolean {
  return a.name === b.name && sameGvk(a, b) && sameNamespace(a, b);
}

/** A selector gvk selects `gvk` when each of its non-empty parts is equal. */
export function gvkSelected(gvk: Gvk, selector: Partial<Gvk>): boolean {
  if (selector.group && gvk.group !== selector.group) return false;
  if (selector.version && gvk.version !== selector.version) return false;
  if (selector.kind && gvk.kind !== selector.kind) return false;
  return true;
}
