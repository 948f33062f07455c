import { permissionCheck } from '../permission-check.js';

/** `escalate` lets a holder write Roles with rules it does not itself hold (rbac-police escalate_roles). */
export const escalateCheck = permissionCheck({
  id: 'access/escalate',
  severity: 'critical',
  title: 'escalate on roles',
  description: 'escalate on Roles or ClusterRoles lets the holder write rules it does not hold, up to cluster-admin.',
  remediation: 'Remove the escalate verb; let only the platform team manage roles.',
  probes: [{ verbs: ['escalate'], group: 'rbac.authorization.k8s.io', resources: ['roles', 'clusterroles'] }],
});
