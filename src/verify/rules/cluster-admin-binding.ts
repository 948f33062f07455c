/** cluster-admin is unrestricted superuser access; bindings to it should not live in manifests. */
import { defineRule } from './define.js';
import { BINDING_KINDS, isBinding, roleRef } from './rbac.js';

export const clusterAdminBinding = defineRule({
  name: 'cluster-admin-binding',
  category: 'rbac',
  severity: 'error',
  description: 'Nothing should be bound to the cluster-admin ClusterRole.',
  remediation: 'Bind a ClusterRole with only the needed permissions (or admin/edit/view in a namespace).',
  kinds: BINDING_KINDS,
  check(resource, _context, report) {
    if (!isBinding(resource)) return;
    const ref = roleRef(resource);
    if (ref.kind === 'ClusterRole' && ref.name === 'cluster-admin') report(['roleRef', 'name'], `${resource.kind} grants cluster-admin`);
  },
});
