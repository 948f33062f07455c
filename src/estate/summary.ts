import { isObject } from '../core/json.js';
import type { Resource } from '../core/resource.js';

export interface ClusterSummary {
  cluster: string;
  objects: number;
  /** Objects per kind, kinds sorted by name. */
  kinds: Record<string, number>;
  /** Pods' worth of replicas: the sum of Deployment and StatefulSet replicas (unset counts as 1, the API default). */
  replicas: number;
  /** DaemonSets run one pod per node, so they are counted apart from replicas. */
  daemonSets: number;
  /** UTF-8 size of the rendered YAML. */
  bytes: number;
}

export interface RenderedForSummary {
  cluster: string;
  resources: Resource[];
  yaml: string;
}

export function summariseFleet(rendered: readonly RenderedForSummary[]): ClusterSummary[] {
  return rendered.map(summariseCluster);
}

export function summariseCluster({ cluster, resources, yaml }: RenderedForSummary): ClusterSummary {
  const counts = new Map<string, number>();
  let replicas = 0;
  for (const r of resources) {
    counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
    if (r.kind === 'Deployment' || r.kind === 'StatefulSet') replicas += replicasOf(r);
  }
  const kinds = Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { cluster, objects: resources.length, kinds, replicas, daemonSets: counts.get('DaemonSet') ?? 0, bytes: Buffer.byteLength(yaml, 'utf8') };
}

function replicasOf(r: Resource): number {
  const spec = r.obj.spec;
  const value = spec !== undefined && isObject(spec) ? spec.replicas : undefined;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  return 1;
}

/**
 * One line: `prod-eu-west-1: 358 objects, 36 kinds (ServiceAccount 46, Deployment 38, ClusterRoleBinding 26, …),
 * 236 replicas, 5 DaemonSets, 309.6 KiB`. Only the most numerous kinds are named, to keep it one line.
 */
export function formatSummary(s: ClusterSummary, kindsShown = 3): string {
  const byCount = Object.entries(s.kinds).sort(([ka, a], [kb, b]) => b - a || (ka < kb ? -1 : ka > kb ? 1 : 0));
  const named = byCount.slice(0, kindsShown).map(([kind, n]) => `${kind} ${n}`);
  if (byCount.length > kindsShown) named.push('…');
  const kinds = byCount.length === 0 ? '' : `, ${byCount.length} kind${byCount.length === 1 ? '' : 's'} (${named.join(', ')})`;
  const daemonSets = s.daemonSets > 0 ? `, ${s.daemonSets} DaemonSet${s.daemonSets === 1 ? '' : 's'}` : '';
  return `${s.cluster}: ${s.objects} objects${kinds}, ${s.replicas} replicas${daemonSets}, ${formatBytes(s.bytes)}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
