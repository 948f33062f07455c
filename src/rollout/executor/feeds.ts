/**
 * Which watches a cluster's health needs: one per kind of tracked object, plus
 * pods and ReplicaSets/ControllerRevisions for workloads (their rules judge
 * the new revision's pods). Namespaced to the objects' namespace when they
 * share one, cluster-wide otherwise: a handful of watches per cluster, not
 * one per object.
 */
import { groupOf, type KubeObject, type WatchHandle } from '../../cluster/types.js';

/** Kinds whose health depends on pods, and the owner objects they need besides. */
export const WORKLOAD_SUPPORT: Record<string, string[]> = {
  'apps/Deployment': ['/Pod', 'apps/ReplicaSet'],
  'apps/ReplicaSet': ['/Pod'],
  'apps/StatefulSet': ['/Pod'],
  'apps/DaemonSet': ['/Pod', 'apps/ControllerRevision'],
  'batch/Job': ['/Pod'],
};

const API_VERSION: Record<string, string> = { '/Pod': 'v1', 'apps/ReplicaSet': 'apps/v1', 'apps/ControllerRevision': 'apps/v1' };

export interface Feed {
  apiVersion: string;
  kind: string;
  namespace?: string;
  keys: Set<string>;
  handle?: WatchHandle;
  brokenSince?: number;
  error?: unknown;
}

/** One feed per kind: namespaced to the objects' namespace when they share one, cluster-wide otherwise. */
export function feedsFor(objects: readonly KubeObject[]): Feed[] {
  const kinds = new Map<string, { apiVersion: string; kind: string; namespaces: Set<string | undefined> }>();
  const want = (apiVersion: string, kind: string, namespace: string | undefined): void => {
    const id = `${groupOf(apiVersion)}/${kind}`;
    const entry = kinds.get(id) ?? { apiVersion, kind, namespaces: new Set() };
    entry.namespaces.add(namespace);
    kinds.set(id, entry);
  };
  for (const object of objects) {
    want(object.apiVersion, object.kind, object.metadata.namespace);
    for (const id of WORKLOAD_SUPPORT[`${groupOf(object.apiVersion)}/${object.kind}`] ?? []) {
      want(API_VERSION[id]!, id.slice(id.indexOf('/') + 1), object.metadata.namespace);
    }
  }
  return [...kinds.values()].map(({ apiVersion, kind, namespaces }) => {
    const only = namespaces.size === 1 ? [...namespaces][0] : undefined;
    return { apiVersion, kind, ...(only !== undefined ? { namespace: only } : {}), keys: new Set<string>() };
  });
}

