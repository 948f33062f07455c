/** Small builders for RBAC objects in tests: `role('ns', 'name', [rule])`, `rb('ns', 'name', ref, subjects)`. */
import type { JsonObject } from '../../../src/core/json.js';
import type { RbacInput } from '../../../src/access/evaluate/index.js';

export interface R {
  verbs: string[];
  groups?: string[];
  resources?: string[];
  names?: string[];
  urls?: string[];
}

const API = 'rbac.authorization.k8s.io/v1';

export function rule(r: R): JsonObject {
  const out: JsonObject = { verbs: r.verbs };
  if (r.groups) out.apiGroups = r.groups;
  if (r.resources) out.resources = r.resources;
  if (r.names) out.resourceNames = r.names;
  if (r.urls) out.nonResourceURLs = r.urls;
  return out;
}

export function role(namespace: string, name: string, rules: R[]): JsonObject {
  return { apiVersion: API, kind: 'Role', metadata: { name, namespace }, rules: rules.map(rule) };
}

export function clusterRole(name: string, rules: R[], labels: Record<string, string> = {}, aggregate?: Record<string, string>[]): JsonObject {
  const obj: JsonObject = { apiVersion: API, kind: 'ClusterRole', metadata: { name, labels }, rules: rules.map(rule) };
  if (aggregate) obj.aggregationRule = { clusterRoleSelectors: aggregate.map((matchLabels) => ({ matchLabels })) };
  return obj;
}

export type S = `User:${string}` | `Group:${string}` | `ServiceAccount:${string}`;

/** `User:alice`, `Group:devs`, `ServiceAccount:ns/name` or `ServiceAccount:name` (namespace left empty). */
export function subject(s: S): JsonObject {
  const [kind, rest] = [s.slice(0, s.indexOf(':')), s.slice(s.indexOf(':') + 1)];
  if (kind !== 'ServiceAccount') return { apiGroup: 'rbac.authorization.k8s.io', kind, name: rest };
  const slash = rest.indexOf('/');
  return slash < 0 ? { kind, name: rest } : { kind, name: rest.slice(slash + 1), namespace: rest.slice(0, slash) };
}

/** `ref`: `Role:name` or `ClusterRole:name`. */
export function rb(namespace: string, name: string, ref: string, subjects: S[]): JsonObject {
  const [kind, roleName] = ref.split(':', 2) as [string, string];
  const refName = ref.slice(kind.length + 1) || roleName;
  return { apiVersion: API, kind: 'RoleBinding', metadata: { name, namespace }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind, name: refName }, subjects: subjects.map(subject) };
}

export function crb(name: string, roleName: string, subjects: S[], kind = 'ClusterRole'): JsonObject {
  return { apiVersion: API, kind: 'ClusterRoleBinding', metadata: { name }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind, name: roleName }, subjects: subjects.map(subject) };
}

export function inputs(objects: JsonObject[]): RbacInput[] {
  return objects.map((object) => ({ object }));
}
