/**
 * Loading kubeconfigs and picking one context, with errors that say what is
 * there instead: a missing context lists the contexts the kubeconfig offers.
 */
import { existsSync } from 'node:fs';
import { KubeConfig } from '@kubernetes/client-node';
import { ClusterError } from './types.js';

/** A loaded KubeConfig, YAML text, or files merged in order (the first file's entries win, as with kubectl). */
export type KubeConfigSource = KubeConfig | { text: string } | { files: string[] };

export function loadKubeConfig(source: KubeConfigSource, cluster: string): KubeConfig {
  if (source instanceof KubeConfig) return source;
  try {
    const kc = new KubeConfig();
    if ('text' in source) {
      kc.loadFromString(source.text);
      return kc;
    }
    const files = source.files.filter((f) => existsSync(f));
    if (files.length === 0) {
      throw new ClusterError('CLUSTER_CONTEXT', `${cluster}: no kubeconfig found (looked at ${source.files.join(', ') || 'nothing'})`, cluster, {
        hint: 'pass --kubeconfig FILE or set KUBECONFIG',
      });
    }
    kc.loadFromFile(files[0]!);
    for (const file of files.slice(1)) {
      const more = new KubeConfig();
      more.loadFromFile(file);
      mergeMissing(kc, more);
    }
    return kc;
  } catch (error) {
    if (error instanceof ClusterError) throw error;
    throw new ClusterError('CLUSTER_CONTEXT', `${cluster}: cannot read kubeconfig: ${(error as Error).message}`, cluster);
  }
}

/** kubectl's merge rule: a name already defined by an earlier file keeps its first definition. */
function mergeMissing(into: KubeConfig, from: KubeConfig): void {
  const add = <T extends { name: string }>(have: T[], extra: T[]) => [...have, ...extra.filter((e) => !have.some((h) => h.name === e.name))];
  into.loadFromOptions({
    clusters: add(into.clusters, from.clusters),
    users: add(into.users, from.users),
    contexts: add(into.contexts, from.contexts),
    currentContext: into.currentContext || from.currentContext,
  });
}

/** A copy of `kc` whose current context is `context`; CLUSTER_CONTEXT when it is missing or incomplete. */
export function selectContext(kc: KubeConfig, context: string, cluster: string): KubeConfig {
  const ctx = kc.getContextObject(context);
  if (!ctx) {
    const available = kc.getContexts().map((c) => c.name);
    throw new ClusterError('CLUSTER_CONTEXT', `${cluster}: context "${context}" is not in the kubeconfig`, cluster, {
      hint: available.length > 0 ? `available contexts: ${available.join(', ')}` : 'the kubeconfig defines no contexts',
    });
  }
  const target = kc.getCluster(ctx.cluster);
  if (!target?.server) {
    throw new ClusterError('CLUSTER_CONTEXT', `${cluster}: context "${context}" names cluster "${ctx.cluster}", which the kubeconfig does not define`, cluster);
  }
  const copy = new KubeConfig();
  copy.loadFromOptions({ clusters: kc.clusters, users: kc.users, contexts: kc.contexts, currentContext: context });
  return copy;
}
