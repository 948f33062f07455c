/** Where a binding applies: the RBAC authorizer's split between ClusterRoleBindings and RoleBindings. */
import type { AccessRequest, BindingDef } from './types.js';

/** The request's namespace; undefined = any namespace. Non-resource requests have none (''). */
export function requestNamespace(request: AccessRequest): string | undefined {
  return request.kind === 'nonResource' ? '' : request.namespace;
}

/** ClusterRoleBindings apply everywhere; a RoleBinding only to requests in its namespace. */
export function appliesInNamespace(binding: BindingDef, namespace: string): boolean {
  return binding.kind === 'ClusterRoleBinding' || (namespace !== '' && binding.namespace === namespace);
}
