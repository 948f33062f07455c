/**
 * One cluster's apply, through the cluster layer's ApplySet (SSA, ordered
 * phases, skip-unchanged by hash, prune of our members only). The executor
 * adds the journaling: every object's hash is recorded the moment its write
 * succeeds (a client wrapper sees each write), so a process killed mid-apply
 * resumes without re-sending finished work; pruned objects are forgotten.
 */
import { applySet, type ApplySetResult } from '../../cluster/applyset.js';
import { stampOf } from '../../cluster/drift.js';
import { hashObject } from '../../cluster/object-hash.js';
import { ClusterError, objectKey, type ClusterClient, type KubeObject, type ObjectRef } from '../../cluster/types.js';
import type { Journal } from '../journal/types.js';
import { StepFailedError, StepStoppedError, type StopCause } from './errors.js';
import type { Settings } from './context.js';

export interface ApplySummary {
  created: number;
  configured: number;
  unchanged: number;
  /** Sent although unchanged: the cluster's copy drifted. */
  drifted: number;
  pruned: number;
  writes: number;
  /** The objects now in the set (as placed: namespaced objects without a namespace land in `default`). */
  members: ObjectRef[];
}

export interface ApplyInput {
  client: ClusterClient;
  objects: readonly KubeObject[];
  journal: Journal;
  settings: Settings;
  wave: number;
  signal: AbortSignal;
  /** Told about every object the server accepted (with the server's copy), as it happens. */
  onApplied?(key: string, live: KubeObject): void;
}

export async function applyObjects(input: ApplyInput): Promise<ApplySummary> {
  const { client, journal } = input;
  const cluster = client.cluster;
  const hashes = new Map(input.objects.map((o) => [objectKey(o), hashObject(o)]));
  const journaling = journalingClient(client, journal, hashes, input);
  const result = await applySet(journaling, input.objects, {
    name: input.settings.applySetName,
    toolVersion: input.settings.toolVersion,
    fieldManager: input.settings.fieldManager,
    force: input.settings.force,
    previous: journal.appliedHashes(cluster),
    stamps: journal.appliedStamps(cluster),
    reapply: input.settings.reapply,
  });
  if (input.signal.aborted) throw new StepStoppedError((input.signal.reason as StopCause) ?? 'stop');
  journal.recordApplied(cluster, [...result.hashes].map(([key, hash]) => ({ key, hash, ...(result.stamps.has(key) ? { stamp: result.stamps.get(key)! } : {}) })));
  if (!result.ok) throw applyFailure(result, cluster, input.wave);
  return summarize(result);
}

/** Records each applied hash and forgets each pruned key as soon as the server confirms; refuses new writes once stopped. */
function journalingClient(client: ClusterClient, journal: Journal, hashes: ReadonlyMap<string, string>, input: ApplyInput): ClusterClient {
  const signal = input.signal;
  const stopped = (ref: ObjectRef): ClusterError =>
    new ClusterError('CLUSTER_UNREACHABLE', `${client.cluster}: stopped before writing ${objectKey(ref)}`, client.cluster, { ref });
  return {
    cluster: client.cluster,
    discover: (options) => client.discover(options),
    get: (ref) => client.get(ref),
    list: (options) => client.list(options),
    watch: (options, onEvent) => client.watch(options, onEvent),
    stats: () => client.stats(),
    close: () => client.close(),
    async apply(object, options) {
      if (signal.aborted) throw stopped(refOf(object));
      const result = await client.apply(object, options);
      const key = objectKey(object);
      const hash = hashes.get(key);
      if (options?.dryRun) return result;
      const stamp = stampOf(result.object);
      if (hash !== undefined) journal.recordApplied(client.cluster, [{ key, hash, ...(stamp ? { stamp } : {}) }]);
      input.onApplied?.(key, result.object);
      return result;
    },
    async delete(ref, options) {
      if (signal.aborted) throw stopped(ref);
      const existed = await client.delete(ref, options);
      journal.forgetApplied(client.cluster, [objectKey(ref)]);
      return existed;
    },
  };
}

function refOf(object: KubeObject): ObjectRef {
  return { apiVersion: object.apiVersion, kind: object.kind, name: object.metadata.name, ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}) };
}

function applyFailure(result: ApplySetResult, cluster: string, wave: number): StepFailedError {
  const first = result.failures[0];
  const error = first?.error;
  const object = first ? `${first.ref.kind}/${first.ref.namespace ? `${first.ref.namespace}/` : ''}${first.ref.name}` : undefined;
  const more = result.failures.length > 1 ? ` (and ${result.failures.length - 1} more object${result.failures.length > 2 ? 's' : ''} failed)` : '';
  return new StepFailedError({
    wave,
    cluster,
    code: result.unreachable ? 'CLUSTER_UNREACHABLE' : (error?.code ?? 'APPLY_FAILED'),
    reason: `${error?.message ?? `${cluster}: apply failed`}${more}`,
    ...(object ? { object } : {}),
    failFast: true,
  });
}

function summarize(result: ApplySetResult): ApplySummary {
  const count = (action: string) => result.objects.filter((o) => o.action === action).length;
  return {
    created: count('created'),
    configured: count('configured'),
    unchanged: count('unchanged'),
    drifted: result.objects.filter((o) => o.drifted).length,
    pruned: count('pruned'),
    writes: result.writeRequests,
    members: result.objects.filter((o) => o.action !== 'pruned' && o.action !== 'failed').map((o) => o.ref),
  };
}
