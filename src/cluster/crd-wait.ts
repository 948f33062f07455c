/**
 * After CustomResourceDefinitions are applied the API server takes a moment
 * to serve their kinds. Refresh discovery with a growing pause until every
 * needed kind is served or the time is up.
 */
import { systemClock, type RetryClock } from './retry.js';
import type { ClusterClient, Discovery, KubeObject } from './types.js';

export interface KindRef {
  apiVersion: string;
  kind: string;
}

/** What a CRD defines: its group, kind, served versions and scope. */
export function crdKinds(crd: KubeObject): { group: string; kind: string; apiVersions: string[]; namespaced: boolean } | undefined {
  const spec = crd.spec as { group?: string; scope?: string; names?: { kind?: string }; versions?: { name?: string; served?: boolean }[] } | undefined;
  if (!spec?.group || !spec.names?.kind) return undefined;
  const versions = (spec.versions ?? []).filter((v) => v.served !== false && v.name).map((v) => `${spec.group}/${v.name}`);
  return { group: spec.group, kind: spec.names.kind, apiVersions: versions, namespaced: spec.scope !== 'Cluster' };
}

export interface WaitForKindsOptions {
  timeoutMs: number;
  clock?: RetryClock;
  /** First pause; doubles up to one second. */
  initialDelayMs?: number;
}

/** Refreshes discovery until all `kinds` are served; returns the discovery and the kinds still missing at the deadline. */
export async function waitForKinds(client: ClusterClient, kinds: readonly KindRef[], options: WaitForKindsOptions): Promise<{ discovery: Discovery; missing: KindRef[] }> {
  const clock = options.clock ?? systemClock;
  const deadline = clock.now() + options.timeoutMs;
  let delay = options.initialDelayMs ?? 50;
  for (;;) {
    const discovery = await client.discover({ refresh: true });
    const missing = kinds.filter((k) => !discovery.lookup(k.apiVersion, k.kind));
    if (missing.length === 0 || clock.now() + delay > deadline) return { discovery, missing };
    await clock.sleep(delay);
    delay = Math.min(delay * 2, 1_000);
  }
}
