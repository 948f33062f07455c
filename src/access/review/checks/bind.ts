import { permissionCheck } from '../permission-check.js';

/** `bind` lets a holder bind any role, cluster-admin included, without holding it (KubiScan HIGH, rbac-police bind_roles). */
export const bindCheck = permissionCheck({
  id: 'access/bind',
  severity: 'high',
  title: 'bind on roles',
  description: 'bind on Roles or ClusterRoles lets the holder grant roles it does not hold; with create on bindings it can bind itself to cluster-admin.',
  remediation: 'Remove the bind verb, or limit it with resourceNames to the roles the holder may hand out.',
  probes: [{ verbs: ['bind'], group: 'rbac.authorization.k8s.io', resources: ['roles', 'clusterroles'] }],
});
