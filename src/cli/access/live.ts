/**
 * Live mode: a cluster's own Roles, ClusterRoles, bindings, Namespaces,
 * aws-auth and (when the ACK CRD is served) AccessEntries, read through the
 * cluster client. Imported only when --live is given.
 */
import { ClusterAccess } from '../../access/eks/effective.js';
import { isBootstrapObject } from '../../access/defaults/index.js';
import type { RbacInput } from '../../access/evaluate/read.js';
import type { ApiResource } from '../../access/evaluate/resources.js';
import { connectCluster } from '../../cluster/connect.js';
import { ClusterError, type ClusterClient, type KubeObject } from '../../cluster/types.js';
import { DiagnosticError, diag } from '../../core/diagnostic.js';
import type { JsonObject } from '../../core/json.js';
import { namespacesOf, type LoadedCluster } from './source.js';

const LISTS = [
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole' },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding' },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role' },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding' },
  { apiVersion: 'v1', kind: 'Namespace' },
];
const OPTIONAL_LISTS = [{ apiVersion: 'eks.services.k8s.aws/v1alpha1', kind: 'AccessEntry' }];

/**
 * Lists a live cluster's RBAC. Built-in roles the cluster lacks (a simulated
 * cluster has none) are added; objects labelled as bootstrap policy count as
 * built-in. Aggregation is recomputed (idempotent where the controller ran).
 */
export async function loadLive(name: string, connection: { kind: 'sim' } | { kind: 'context'; context: string }, kubeconfigPath?: string): Promise<LoadedCluster> {
  let client: ClusterClient | undefined;
  try {
    client = connectCluster({ name, connection }, kubeconfigPath ? { kubeconfigPath } : {});
    const objects: KubeObject[] = [];
    for (const list of LISTS) objects.push(...(await client.list(list)).items);
    for (const list of OPTIONAL_LISTS) objects.push(...(await listIfServed(client, list)));
    const awsAuth = await client.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'kube-system', name: 'aws-auth' });
    if (awsAuth) objects.push(awsAuth);
    const resources = resourcesOf(await client.discover());
    const inputs: RbacInput[] = objects.map((o) => {
      const object = o as unknown as JsonObject;
      return isBootstrapObject(object) ? { object, builtIn: true } : { object };
    });
    return { cluster: name, access: new ClusterAccess(name, inputs, { resources }), namespaces: namespacesOf(inputs) };
  } catch (err) {
    if (err instanceof ClusterError) throw new DiagnosticError([diag(err.code, `${name}: ${err.message}`)]);
    throw err;
  } finally {
    client?.close();
  }
}

async function listIfServed(client: ClusterClient, list: { apiVersion: string; kind: string }): Promise<KubeObject[]> {
  try {
    return (await client.list(list)).items;
  } catch (err) {
    if (err instanceof ClusterError && (err.code === 'CLUSTER_UNKNOWN_KIND' || err.code === 'CLUSTER_NOT_FOUND')) return [];
    throw err;
  }
}

function resourcesOf(discovery: Awaited<ReturnType<ClusterClient['discover']>>): ApiResource[] {
  return discovery.all().map((r) => ({ group: r.group, resource: r.resource, kind: r.kind, singular: r.kind.toLowerCase(), shortNames: [], namespaced: r.namespaced }));
}
