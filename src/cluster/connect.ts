/**
 * From an estate's connection setting to a ClusterClient. Real clusters use a
 * kubeconfig context (--kubeconfig, else KUBECONFIG, else ~/.kube/config);
 * simulated ones use the simulated fleet's kubeconfig, whose contexts are
 * named after the clusters.
 */
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { createKubeClient } from './kube-client.js';
import type { KubeConfigSource } from './kubeconfig.js';
import type { RetryClock, RetryPolicy } from './retry.js';
import { ClusterError, type ClusterClient } from './types.js';

/** The same shape as the estate's `connection` (the cluster layer does not import the estate). */
export type ClusterConnection = { kind: 'sim' } | { kind: 'context'; context: string };

export const SIM_KUBECONFIG_ENV = 'HARBORMASTER_SIM_KUBECONFIG';

export interface ConnectOptions {
  /** `--kubeconfig`. */
  kubeconfigPath?: string;
  /** The simulated fleet's kubeconfig (YAML), when it runs in this process. */
  simKubeconfig?: string;
  env?: Record<string, string | undefined>;
  homeDir?: string;
  retry?: Partial<RetryPolicy>;
  clock?: RetryClock;
}

export function connectCluster(cluster: { name: string; connection: ClusterConnection }, options: ConnectOptions = {}): ClusterClient {
  const env = options.env ?? process.env;
  const { source, context } =
    cluster.connection.kind === 'sim'
      ? { source: simSource(cluster.name, options, env), context: cluster.name }
      : { source: contextSource(options, env), context: cluster.connection.context };
  return createKubeClient({ cluster: cluster.name, kubeconfig: source, context, retry: options.retry, clock: options.clock });
}

function simSource(cluster: string, options: ConnectOptions, env: Record<string, string | undefined>): KubeConfigSource {
  if (options.simKubeconfig !== undefined) return { text: options.simKubeconfig };
  const file = env[SIM_KUBECONFIG_ENV];
  if (file) return { files: [file] };
  throw new ClusterError('CLUSTER_CONTEXT', `${cluster}: a simulated cluster, but no simulated fleet is running`, cluster, {
    hint: `start the simulated fleet, or set ${SIM_KUBECONFIG_ENV} to its kubeconfig file`,
  });
}

function contextSource(options: ConnectOptions, env: Record<string, string | undefined>): KubeConfigSource {
  if (options.kubeconfigPath) return { files: [options.kubeconfigPath] };
  const list = (env.KUBECONFIG ?? '').split(delimiter).filter(Boolean);
  if (list.length > 0) return { files: list };
  return { files: [join(options.homeDir ?? homedir(), '.kube', 'config')] };
}
