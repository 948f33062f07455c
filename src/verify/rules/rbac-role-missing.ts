/** A binding to a Role that does not exist grants nothing (and grants it silently once someone creates it). */
import { defineRule } from './define.js';
import { indexOf } from './indexes.js';
import { BINDING_KINDS, isBinding, RBAC_GROUP, roleRef } from './rbac.js';
import { namespaceOf } from './values.js';

/** ClusterRoles every cluster has (plus the `system:` ones). */
const BUILT_IN = new Set(['cluster-admin', 'admin', 'edit', 'view']);
/** Roles the control plane keeps in kube-system (plus the `system:` ones). */
const BUILT_IN_KUBE_SYSTEM = new Set(['extension-apiserver-authentication-reader']);

export const rbacRoleMissing = defineRule({
  name: 'rbac-role-missing',
  category: 'rbac',
  severity: 'warning',
  description: 'The Role or ClusterRole a binding refers to should exist in the set (or be built in).',
  remediation: 'Fix `roleRef.name`, or add the Role/ClusterRole to the set.',
  kinds: BINDING_KINDS,
  check(resource, context, report) {
    if (!isBinding(resource)) return;
    const ref = roleRef(resource);
    const index = indexOf(context);
    if (ref.kind === 'ClusterRole') {
      if (BUILT_IN.has(ref.name) || ref.name.startsWith('system:')) return;
      if (!index.find(RBAC_GROUP, 'ClusterRole', '', ref.name)) report(['roleRef', 'name'], `ClusterRole "${ref.name}" does not exist`);
    } else if (ref.kind === 'Role') {
      const ns = namespaceOf(resource);
      if (ns === 'kube-system' && (BUILT_IN_KUBE_SYSTEM.has(ref.name) || ref.name.startsWith('system:'))) return;
      if (!index.find(RBAC_GROUP, 'Role', ns, ref.name)) report(['roleRef', 'name'], `Role "${ref.name}" does not exist in namespace "${ns}"`);
    }
  },
});
