/**
 * `harbormaster access matrix --team T`: what a team may do, resources ×
 * verbs, per namespace where it may do anything (rakkess' ✔/✖ matrix), and
 * cluster-wide. The team acts as its Kubernetes group (teams/<T>.yaml
 * kubernetesGroup) plus system:authenticated, with the EKS access policies
 * of the access entries mapped into that group.
 */
import { impersonatedUser, parseRequest, type AccessRequest } from '../../access/evaluate/index.js';
import { policyGrants } from '../../access/eks/evaluate.js';
import { DiagnosticError, diag } from '../../core/diagnostic.js';
import { didYouMean } from '../../estate/suggest.js';
import type { CliIO } from '../command.js';
import type { AccessFlags } from './flags.js';
import { clusterHeading, columns, foldByText } from './format.js';
import type { AccessSource, LoadedCluster } from './source.js';

export const MATRIX_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];
const NAMESPACED = [
  'pods', 'pods/log', 'pods/exec', 'pods/portforward', 'deployments.apps', 'deployments.apps/scale', 'statefulsets.apps', 'daemonsets.apps',
  'replicasets.apps', 'jobs.batch', 'cronjobs.batch', 'horizontalpodautoscalers.autoscaling', 'services', 'configmaps', 'secrets',
  'serviceaccounts', 'persistentvolumeclaims', 'ingresses.networking.k8s.io', 'networkpolicies.networking.k8s.io',
  'poddisruptionbudgets.policy', 'roles.rbac.authorization.k8s.io', 'rolebindings.rbac.authorization.k8s.io', 'events',
];
const CLUSTER_SCOPED = ['namespaces', 'nodes', 'clusterroles.rbac.authorization.k8s.io', 'clusterrolebindings.rbac.authorization.k8s.io', 'customresourcedefinitions.apiextensions.k8s.io', 'validatingwebhookconfigurations.admissionregistration.k8s.io'];

/** resource → allowed verbs, for one namespace ('' = cluster-wide). */
export type MatrixRows = Map<string, string[]>;

export interface ClusterMatrix {
  cluster: string;
  /** Namespaces (and '' for cluster-wide) where anything is allowed, in order. */
  scopes: Map<string, MatrixRows>;
}

export function teamGroup(source: AccessSource, team: string): string {
  const spec = source.estate?.teams.get(team);
  if (spec) return spec.kubernetesGroup;
  const known = [...(source.estate?.teams.keys() ?? [])];
  throw new DiagnosticError([diag('ACCESS_UNKNOWN_TEAM', `unknown team ${team}`, source.estate ? { file: source.estate.file } : {}, didYouMean(team, known) ?? (known.length ? `teams: ${known.join(', ')}` : 'the estate has no teams (spec.access and teams/*.yaml)'))]);
}

export function matrixOf(c: LoadedCluster, group: string, namespaces?: readonly string[]): ClusterMatrix {
  const user = impersonatedUser(`team:${group}`, [group]);
  const mappings = c.access.identities.mappings.filter((m) => m.source === 'access-entry' && m.groups.includes(group));
  const allowed = (request: AccessRequest): boolean =>
    c.access.canI(user, request).allowed || mappings.some((m) => policyGrants(m, m.policies, request).length > 0);
  const scopes = new Map<string, MatrixRows>();
  for (const ns of ['', ...(namespaces ?? c.namespaces)]) {
    const rows = rowsFor(c, ns, allowed);
    if ([...rows.values()].some((verbs) => verbs.length > 0)) scopes.set(ns, rows);
  }
  return { cluster: c.cluster, scopes };
}

function rowsFor(c: LoadedCluster, ns: string, allowed: (r: AccessRequest) => boolean): MatrixRows {
  const rows: MatrixRows = new Map();
  for (const resource of ns === '' ? [...NAMESPACED, ...CLUSTER_SCOPED] : NAMESPACED) {
    const verbs = MATRIX_VERBS.filter((verb) => allowed(parseRequest({ verb, resource, namespace: ns }, c.access.catalog).request));
    rows.set(resource, verbs);
  }
  return rows;
}

export function runMatrix(flags: AccessFlags, source: AccessSource, io: CliIO): number {
  const group = teamGroup(source, flags.team!);
  const matrices = source.clusters.map((c) => matrixOf(c, group, flags.namespace !== undefined ? [flags.namespace] : undefined));
  if (flags.format === 'json') {
    const json = matrices.map((m) => ({ cluster: m.cluster, scopes: Object.fromEntries([...m.scopes].map(([ns, rows]) => [ns || '*', Object.fromEntries([...rows].filter(([, v]) => v.length > 0))])) }));
    io.stdout(`${JSON.stringify({ team: flags.team, group, clusters: json }, null, 2)}\n`);
    return 0;
  }
  for (const g of foldByText(matrices, (m) => m.cluster, matrixText)) {
    io.stdout(`team ${flags.team} (Group ${group}) — ${clusterHeading(g.clusters, matrices.length)}\n\n${g.text}\n`);
  }
  return 0;
}

function matrixText(m: ClusterMatrix): string {
  if (m.scopes.size === 0) return 'no access in any namespace or cluster-wide\n';
  const parts: string[] = [];
  for (const [ns, rows] of m.scopes) {
    const table = [['RESOURCE', ...MATRIX_VERBS.map((v) => v.toUpperCase())]];
    for (const [resource, verbs] of rows) table.push([resource, ...MATRIX_VERBS.map((v) => (verbs.includes(v) ? '✔' : '✖'))]);
    parts.push(`${ns === '' ? 'cluster-wide (every namespace, and cluster-scoped resources)' : `namespace ${ns}`}\n${columns(table)}`);
  }
  return parts.join('\n');
}
