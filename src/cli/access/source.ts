/**
 * Where the RBAC comes from: the estate's rendered clusters (renderFleet;
 * the built-in roles added, as every cluster has them) or a live cluster's
 * Roles, ClusterRoles, bindings, aws-auth and access entries.
 */
import { posix } from 'node:path';
import { ClusterAccess } from '../../access/eks/effective.js';
import { isAccessEntry, isAwsAuth } from '../../access/eks/mappings.js';
import { isRbacObject, type RbacInput } from '../../access/evaluate/read.js';
import { DiagnosticError, diag, type Diagnostic } from '../../core/diagnostic.js';
import type { JsonObject } from '../../core/json.js';
import type { Resource } from '../../core/resource.js';
import { EstateCode } from '../../estate/codes.js';
import { loadEstate } from '../../estate/load.js';
import { renderFleet } from '../../estate/render.js';
import { didYouMean } from '../../estate/suggest.js';
import type { Estate } from '../../estate/types.js';
import { DiskFileSystem } from '../../fs/disk.js';

export interface LoadedCluster {
  cluster: string;
  access: ClusterAccess;
  /** Namespaces the cluster has (rendered Namespace objects, or listed). */
  namespaces: string[];
}

export interface AccessSource {
  clusters: LoadedCluster[];
  estate?: Estate;
  warnings: Diagnostic[];
}

export interface SourceRequest {
  estate: string;
  clusters: readonly string[];
  includePlanned?: boolean;
  live?: boolean;
  kubeconfig?: string;
  context?: string;
}

/** Objects the evaluator needs from a render: RBAC, identity mappings, CRDs (resource names), Namespaces. */
export function isAccessRelevant(obj: JsonObject): boolean {
  return isRbacObject(obj) || isAccessEntry(obj) || isAwsAuth(obj) || obj.kind === 'CustomResourceDefinition' || obj.kind === 'Namespace';
}

export function inputsOfResources(resources: readonly Resource[], mapFile: (file: string) => string = (f) => f): RbacInput[] {
  return resources.filter((r) => isAccessRelevant(r.obj)).map((r) => ({ object: r.obj, origin: { ...r.origin, file: mapFile(r.origin.file) } }));
}

export function namespacesOf(inputs: readonly RbacInput[]): string[] {
  const names = inputs.filter((i) => i.object.kind === 'Namespace').map((i) => String((i.object.metadata as JsonObject | undefined)?.name ?? ''));
  return [...new Set(names.filter((n) => n !== ''))].sort();
}

/** Renders the selected clusters of the estate in `dir` and builds each one's access model. */
export function loadRendered(dir: string, request: Omit<SourceRequest, 'estate'>, options: { mapFile?: (file: string) => string; lenient?: boolean } = {}): AccessSource {
  const fs = new DiskFileSystem();
  const estate = loadEstate(fs, dir);
  // Lenient (diff): a cluster asked for may exist on one side only.
  const asked = options.lenient ? request.clusters.filter((c) => estate.clusters.some((k) => k.name === c)) : request.clusters;
  const names = options.lenient && request.clusters.length > 0 && asked.length === 0 ? [] : selectClusters(estate, asked, request.includePlanned === true);
  const fleet = renderFleet(fs, estate, names);
  if (fleet.failed.length > 0) throw new DiagnosticError(fleet.failed.flatMap((f) => f.diagnostics.map((d) => ({ ...d, message: `${f.cluster}: ${d.message}` }))));
  const clusters = fleet.rendered.map((r): LoadedCluster => {
    const inputs = inputsOfResources(r.resources, options.mapFile);
    return { cluster: r.cluster, access: new ClusterAccess(r.cluster, inputs), namespaces: namespacesOf(inputs) };
  });
  return { clusters, estate, warnings: estate.warnings };
}

export function selectClusters(estate: Estate, asked: readonly string[], includePlanned: boolean): string[] {
  if (asked.length === 0) return estate.clusters.filter((c) => c.status === 'active' || includePlanned).map((c) => c.name);
  const known = estate.clusters.map((c) => c.name);
  const unknown = asked.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new DiagnosticError(unknown.map((name) => diag(EstateCode.UnknownCluster, `unknown cluster ${name}`, { file: estate.file }, didYouMean(name, known) ?? `known clusters: ${known.join(', ')}`)));
  }
  return [...new Set(asked)];
}

export async function loadSource(request: SourceRequest, cwd: string): Promise<AccessSource> {
  const dir = posix.resolve(cwd, request.estate);
  if (!request.live) return loadRendered(dir, request);
  const kubeconfigPath = request.kubeconfig ? posix.resolve(cwd, request.kubeconfig) : undefined;
  // Loaded on demand: the Kubernetes client is large and only live mode needs it.
  const { loadLive } = await import('./live.js');
  if (request.context !== undefined) {
    const loaded = await loadLive(request.context, { kind: 'context', context: request.context }, kubeconfigPath);
    return { clusters: [loaded], warnings: [] };
  }
  const estate = loadEstate(new DiskFileSystem(), dir);
  const names = selectClusters(estate, request.clusters, request.includePlanned === true);
  const clusters: LoadedCluster[] = [];
  for (const name of names) clusters.push(await loadLive(name, estate.clusters.find((c) => c.name === name)!.connection, kubeconfigPath));
  return { clusters, estate, warnings: estate.warnings };
}
