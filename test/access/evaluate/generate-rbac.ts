/**
 * A deterministic, realistic-looking RBAC set for differential tests and the
 * benchmark: namespaced Roles and ClusterRoles (some aggregating, some
 * labelled into aggregation), RoleBindings and ClusterRoleBindings to users,
 * groups and ServiceAccounts, wildcards, subresources, resourceNames,
 * non-resource URLs and a few bindings to roles that do not exist.
 */
import type { JsonObject } from '../../../src/core/json.js';
import type { AccessRequest } from '../../../src/access/evaluate/index.js';

export interface RbacShape {
  bindings: number;
  roles: number;
  namespaces: number;
  users: number;
  groups: number;
  serviceAccounts: number;
  seed: number;
}

export const BENCH_SHAPE: RbacShape = { bindings: 10_000, roles: 1_000, namespaces: 100, users: 500, groups: 100, serviceAccounts: 1_000, seed: 7 };

/** mulberry32: small, fast, deterministic. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RESOURCES: [string, string][] = [
  ['', 'pods'], ['', 'pods/exec'], ['', 'pods/log'], ['', 'pods/attach'], ['', 'secrets'], ['', 'configmaps'], ['', 'services'],
  ['', 'serviceaccounts'], ['', 'serviceaccounts/token'], ['', 'nodes'], ['', 'nodes/proxy'], ['', 'namespaces'], ['', 'events'],
  ['apps', 'deployments'], ['apps', 'deployments/scale'], ['apps', 'statefulsets'], ['apps', 'daemonsets'], ['apps', '*/scale'],
  ['batch', 'jobs'], ['batch', 'cronjobs'], ['networking.k8s.io', 'ingresses'], ['rbac.authorization.k8s.io', 'roles'],
  ['rbac.authorization.k8s.io', 'rolebindings'], ['rbac.authorization.k8s.io', 'clusterroles'], ['example.com', 'widgets'],
  ['cert-manager.io', 'certificates'],
];
/** Wildcard targets, rarer (as in real clusters: a few controllers and admin roles). */
const WILDCARDS: [string, string][] = [['*', '*'], ['', '*'], ['apps', '*']];
const VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'escalate', 'bind', 'impersonate'];
const URLS = ['/healthz', '/healthz/*', '/metrics', '/api/*', '/apis*', '*'];
const AGG_LABELS = ['example.com/aggregate-to-a', 'example.com/aggregate-to-b', 'example.com/aggregate-to-c'];

export interface GeneratedRbac {
  objects: JsonObject[];
  namespaces: string[];
  users: string[];
  groups: string[];
  serviceAccounts: { namespace: string; name: string }[];
}

export function generateRbac(shape: RbacShape): GeneratedRbac {
  const rnd = random(shape.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const namespaces = Array.from({ length: shape.namespaces }, (_, i) => `ns-${i}`);
  const users = Array.from({ length: shape.users }, (_, i) => `user-${i}@example.com`);
  const groups = Array.from({ length: shape.groups }, (_, i) => `group-${i}`);
  const serviceAccounts = Array.from({ length: shape.serviceAccounts }, (_, i) => ({ namespace: pick(namespaces), name: `sa-${i}` }));
  const rule = (cluster: boolean): JsonObject => {
    if (cluster && rnd() < 0.05) return { nonResourceURLs: [pick(URLS)], verbs: ['get'] };
    const [group, resource] = rnd() < 0.02 ? pick(WILDCARDS) : pick(RESOURCES);
    const verbs = rnd() < 0.02 ? ['*'] : [...new Set([pick(VERBS), pick(VERBS), pick(VERBS)])];
    const out: JsonObject = { apiGroups: [group], resources: [resource], verbs };
    if (rnd() < 0.1) out.resourceNames = [`obj-${Math.floor(rnd() * 20)}`];
    return out;
  };
  const objects: JsonObject[] = [];
  const clusterRoles: string[] = [];
  const roles: { namespace: string; name: string }[] = [];
  for (let i = 0; i < shape.roles; i++) {
    const rules = Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => rule(i % 10 < 3));
    if (i % 10 < 3) {
      const name = `cluster-role-${i}`;
      clusterRoles.push(name);
      const labels: Record<string, string> = rnd() < 0.2 ? { [pick(AGG_LABELS)]: 'true' } : {};
      const obj: JsonObject = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name, labels }, rules };
      if (i % 50 === 0) obj.aggregationRule = { clusterRoleSelectors: [{ matchLabels: { [pick(AGG_LABELS)]: 'true' } }] };
      objects.push(obj);
    } else {
      const namespace = pick(namespaces);
      const name = `role-${i}`;
      roles.push({ namespace, name });
      objects.push({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name, namespace }, rules });
    }
  }
  const subject = (): JsonObject => {
    const r = rnd();
    if (r < 0.4) return { kind: 'User', name: pick(users) };
    if (r < 0.75) return { kind: 'Group', name: pick(groups) };
    const sa = pick(serviceAccounts);
    return { kind: 'ServiceAccount', name: sa.name, namespace: sa.namespace };
  };
  for (let i = 0; i < shape.bindings; i++) {
    const subjects = Array.from({ length: 1 + Math.floor(rnd() * 3) }, subject);
    const missing = rnd() < 0.01;
    if (rnd() < 0.2) {
      const roleRef = { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: missing ? `missing-${i}` : pick(clusterRoles) };
      objects.push({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: `crb-${i}` }, roleRef, subjects });
      continue;
    }
    const toRole = rnd() < 0.7;
    const target = toRole ? pick(roles) : undefined;
    const namespace = target?.namespace ?? pick(namespaces);
    const roleRef = { apiGroup: 'rbac.authorization.k8s.io', kind: toRole ? 'Role' : 'ClusterRole', name: missing ? `missing-${i}` : (target?.name ?? pick(clusterRoles)) };
    objects.push({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: `rb-${i}`, namespace }, roleRef, subjects });
  }
  return { objects, namespaces, users, groups, serviceAccounts };
}

/** Varied questions over a generated set: resources, subresources, names, namespaces, URLs. */
export function generateQueries(rbac: GeneratedRbac, count: number, seed: number): AccessRequest[] {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const out: AccessRequest[] = [];
  for (let i = 0; i < count; i++) {
    if (rnd() < 0.05) {
      out.push({ kind: 'nonResource', verb: 'get', path: pick(['/healthz', '/healthz/etcd', '/metrics', '/api/v1', '/apis/apps', '/version']) });
      continue;
    }
    const [group, combined] = pick(RESOURCES.filter(([, r]) => !r.includes('*')));
    const [resource, subresource = ''] = combined.split('/') as [string, string?];
    const clusterScoped = resource === 'nodes' || resource === 'namespaces' || resource === 'clusterroles';
    const r = rnd();
    const namespace = clusterScoped ? '' : r < 0.6 ? pick(rbac.namespaces) : r < 0.8 ? '' : undefined;
    const name = rnd() < 0.3 ? `obj-${Math.floor(rnd() * 20)}` : '';
    const request: AccessRequest = { kind: 'resource', verb: pick(VERBS.slice(0, 8)), apiGroup: group, resource, subresource, name };
    if (namespace !== undefined) request.namespace = namespace;
    out.push(request);
  }
  return out;
}
