import type { Member, ObjectOutcome } from './apply-objects.js';
import { waitForKinds, type crdKinds, type KindRef } from './crd-wait.js';
import type { RetryClock } from './retry.js';
import { ClusterError, type ClusterClient, type Discovery } from './types.js';

type CrdKinds = NonNullable<ReturnType<typeof crdKinds>>;

export interface ServeOptions {
  dryRun: boolean;
  /** How long to wait for new CRDs' kinds to be served. Default 60 s. */
  crdTimeoutMs?: number;
  clock?: RetryClock;
}

/**
 * Kinds in `batch` the server does not serve yet: wait for those defined by
 * the set's CRDs, refresh once for the others. In a dry run the CRDs were not
 * created, so their objects are reported as to be created, unvalidated.
 */
export async function ensureServed(client: ClusterClient, batch: Member[], crds: readonly CrdKinds[], options: ServeOptions, outcomes: ObjectOutcome[]): Promise<{ discovery: Discovery; ready: Member[] }> {
  let discovery = await client.discover();
  const unknown = (d: Discovery) => batch.filter((m) => !d.lookup(m.ref.apiVersion, m.ref.kind));
  if (unknown(discovery).length === 0) return { discovery, ready: batch };
  const fromCrd = (m: Member) => crds.some((c) => c.kind === m.ref.kind && c.apiVersions.includes(m.ref.apiVersion));
  const awaited = dedupeKinds(unknown(discovery).filter(fromCrd));
  if (options.dryRun) discovery = await client.discover({ refresh: true });
  else if (awaited.length > 0) discovery = (await waitForKinds(client, awaited, { timeoutMs: options.crdTimeoutMs ?? 60_000, clock: options.clock })).discovery;
  else discovery = await client.discover({ refresh: true });
  const missing = new Set(unknown(discovery).map((m) => m.key));
  for (const m of batch.filter((b) => missing.has(b.key))) {
    if (options.dryRun && fromCrd(m)) {
      outcomes.push({ key: m.key, ref: m.ref, hash: m.hash, action: 'created', note: 'not validated: its CustomResourceDefinition is not served yet' });
      continue;
    }
    const error = new ClusterError('CLUSTER_UNKNOWN_KIND', `${client.cluster}: the server does not serve ${m.ref.kind} in ${m.ref.apiVersion}`, client.cluster, { ref: m.ref });
    outcomes.push({ key: m.key, ref: m.ref, action: 'failed', error });
  }
  return { discovery, ready: batch.filter((m) => !missing.has(m.key)) };
}

function dedupeKinds(members: readonly Member[]): KindRef[] {
  const seen = new Map<string, KindRef>();
  for (const m of members) seen.set(`${m.ref.apiVersion}|${m.ref.kind}`, { apiVersion: m.ref.apiVersion, kind: m.ref.kind });
  return [...seen.values()];
}
