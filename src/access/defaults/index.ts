/**
 * What every cluster has before anything is applied: the built-in
 * ClusterRoles and the ClusterRoleBindings that give them to
 * `system:masters` and to every authenticated (or anonymous) caller.
 * Evaluating rendered configuration adds these; a live cluster lists its own.
 */
import type { JsonObject } from '../../core/json.js';
import type { RbacInput } from '../evaluate/read.js';
import { BOOTSTRAP_LABEL, defaultClusterRoles, defaultRoles } from './cluster-roles.js';

export { AGGREGATE_TO, BOOTSTRAP_LABEL, defaultClusterRoles, defaultRoles } from './cluster-roles.js';

function clusterRoleBinding(name: string, groups: string[]): JsonObject {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: {
      name,
      labels: { [BOOTSTRAP_LABEL]: 'rbac-defaults' },
      annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' },
    },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name },
    subjects: groups.map((g) => ({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: g })),
  };
}

export function defaultClusterRoleBindings(): JsonObject[] {
  return [
    clusterRoleBinding('cluster-admin', ['system:masters']),
    clusterRoleBinding('system:basic-user', ['system:authenticated']),
    clusterRoleBinding('system:discovery', ['system:authenticated']),
    clusterRoleBinding('system:public-info-viewer', ['system:authenticated', 'system:unauthenticated']),
  ];
}

/** The defaults as evaluator inputs, marked built-in (review and diff leave them out). */
export function defaultRbacInputs(): RbacInput[] {
  return [...defaultClusterRoles(), ...defaultRoles(), ...defaultClusterRoleBindings()].map((object) => ({ object, builtIn: true }));
}

/** An object that is part of Kubernetes' bootstrap policy (live clusters label them so). */
export function isBootstrapObject(obj: JsonObject): boolean {
  const meta = obj.metadata;
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) return false;
  const labels = (meta as JsonObject).labels;
  return typeof labels === 'object' && labels !== null && !Array.isArray(labels) && (labels as JsonObject)[BOOTSTRAP_LABEL] === 'rbac-defaults';
}

/**
 * Rendered objects plus the defaults: an estate object with the name of a
 * default (e.g. its own `view`) replaces it, as `kubectl apply` would.
 */
export function withDefaults(inputs: readonly RbacInput[]): RbacInput[] {
  const key = (o: JsonObject): string => {
    const meta = (o.metadata ?? {}) as JsonObject;
    return `${String(o.kind)}/${o.kind === 'Role' || o.kind === 'RoleBinding' ? String(meta.namespace ?? 'default') : ''}/${String(meta.name ?? '')}`;
  };
  const own = new Set(inputs.map((i) => key(i.object)));
  return [...defaultRbacInputs().filter((d) => !own.has(key(d.object))), ...inputs];
}
