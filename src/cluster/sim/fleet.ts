/**
 * A fleet of simulated clusters in this process, one HTTP server each on an
 * OS-assigned port, and the kubeconfig that reaches them: one context per
 * cluster, named after it, no authentication.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import type { SimWorkloadOptions, StartControllers } from './controller-api.js';
import { SimCluster } from './cluster.js';
import { startControllers } from './controllers/index.js';

export interface SimFleetOptions {
  clusters: Array<{ name: string; workload?: Partial<SimWorkloadOptions> }>;
  host?: '127.0.0.1';
  /** Workload settings for every cluster; a cluster's own `workload` overrides them field by field. */
  workload?: Partial<SimWorkloadOptions>;
  /** The simulated controllers: the project's own set by default; false for a bare API server (nothing reconciles). */
  startControllers?: StartControllers | false;
  bookmarkIntervalMs?: number;
  historySize?: number;
}

export interface SimFleet {
  /** Kubeconfig YAML with one context per cluster. */
  readonly kubeconfig: string;
  cluster(name: string): SimCluster;
  clusters(): SimCluster[];
  /** Writes the kubeconfig atomically (temp file + rename), mode 0600. */
  writeKubeconfig(path: string): void;
  /** Stops every cluster: no socket, watch or timer is left. */
  stop(): Promise<void>;
}

export function fleetKubeconfig(clusters: ReadonlyArray<{ name: string; url: string }>): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    'current-context': clusters[0]?.name ?? '',
    // client-node refuses plain http unless TLS verification is marked as skipped.
    clusters: clusters.map((c) => ({ name: c.name, cluster: { server: c.url, 'insecure-skip-tls-verify': true } })),
    users: [{ name: 'harbormaster-sim', user: {} }],
    contexts: clusters.map((c) => ({ name: c.name, context: { cluster: c.name, user: 'harbormaster-sim' } })),
  });
}

export async function startSimFleet(options: SimFleetOptions): Promise<SimFleet> {
  const names = options.clusters.map((c) => c.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) throw new Error(`simulated fleet: cluster "${duplicate}" is listed twice`);
  const started = await Promise.allSettled(
    options.clusters.map((c) =>
      SimCluster.start({ name: c.name, host: options.host, workload: { ...options.workload, ...c.workload }, startControllers: options.startControllers === false ? undefined : (options.startControllers ?? startControllers), bookmarkIntervalMs: options.bookmarkIntervalMs, historySize: options.historySize }),
    ),
  );
  const clusters = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failure = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure) {
    await Promise.all(clusters.map((c) => c.stop()));
    throw failure.reason;
  }
  const byName = new Map(clusters.map((c) => [c.name, c]));
  const kubeconfig = fleetKubeconfig(clusters.map((c) => ({ name: c.name, url: c.url })));
  return {
    kubeconfig,
    cluster(name) {
      const cluster = byName.get(name);
      if (!cluster) throw new Error(`simulated fleet: no cluster "${name}" (have: ${names.join(', ')})`);
      return cluster;
    },
    clusters: () => [...clusters],
    writeKubeconfig(path) {
      const temp = `${path}.${process.pid}.tmp`;
      writeFileSync(temp, kubeconfig, { mode: 0o600 });
      renameSync(temp, path);
    },
    stop: async () => {
      await Promise.all(clusters.map((c) => c.stop()));
    },
  };
}
