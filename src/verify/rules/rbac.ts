/** Reading RBAC objects: the policy rules of Roles/ClusterRoles and the roleRef/subjects of bindings. */
import type { Resource } from '../../core/resource.js';
import type { FieldPath } from '../finding.js';
import { dig, isKind, items, str, stringsWithIndex } from './values.js';

export const RBAC_GROUP = 'rbac.authorization.k8s.io';
export const ROLE_KINDS: readonly string[] = ['Role', 'ClusterRole'];
export const BINDING_KINDS: readonly string[] = ['RoleBinding', 'ClusterRoleBinding'];

export interface PolicyRuleView {
  apiGroups: [string, number][];
  resources: [string, number][];
  verbs: [string, number][];
  resourceNames: string[];
  /** Path of the rule, e.g. `rules[2]`. */
  path: FieldPath;
}

export function isRole(resource: Resource): boolean {
  return isKind(resource, RBAC_GROUP, 'Role') || isKind(resource, RBAC_GROUP, 'ClusterRole');
}

export function isBinding(resource: Resource): boolean {
  return isKind(resource, RBAC_GROUP, 'RoleBinding') || isKind(resource, RBAC_GROUP, 'ClusterRoleBinding');
}

export function policyRules(resource: Resource): PolicyRuleView[] {
  if (!isRole(resource)) return [];
  return items(resource.obj.rules).map((rule, i) => ({
    apiGroups: stringsWithIndex(dig(rule, 'apiGroups')),
    resources: stringsWithIndex(dig(rule, 'resources')),
    verbs: stringsWithIndex(dig(rule, 'verbs')),
    resourceNames: stringsWithIndex(dig(rule, 'resourceNames')).map(([n]) => n),
    path: ['rules', i],
  }));
}

/** The rule applies to the core API group (explicitly or by wildcard). */
export function coversCoreGroup(rule: PolicyRuleView): boolean {
  return rule.apiGroups.some(([g]) => g === '' || g === '*');
}

export function grantsAnyVerb(rule: PolicyRuleView, verbs: readonly string[]): boolean {
  return rule.verbs.some(([v]) => v === '*' || verbs.includes(v));
}

export function roleRef(resource: Resource): { kind: string; name: string } {
  return { kind: str(dig(resource.obj, 'roleRef', 'kind')) ?? '', name: str(dig(resource.obj, 'roleRef', 'name')) ?? '' };
}
