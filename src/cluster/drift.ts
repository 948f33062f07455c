/**
 * Drift: a member whose desired hash is unchanged is normally not sent again,
 * which would leave an object someone deleted or edited by hand as they left
 * it. Before applying, the set's live members are listed once (the listing
 * prune needs anyway; it also spares each apply a read of what it replaces),
 * and an unchanged member is sent again when it is gone, or when its stamp
 * moved since our last write.
 *
 * The stamp is `metadata.generation` where the server keeps one (it moves on
 * spec changes, not on status updates), else `resourceVersion` (objects
 * without status, such as ConfigMaps, Secrets, RBAC). A metadata-only edit
 * does not move a generation, so the labels and annotations we set are also
 * compared with the live ones directly (extra live keys are someone else's).
 */
import { mapLimit } from '../core/map-limit.js';
import { APPLYSET_PART_OF_LABEL, parseGroupKind, type ApplySetScope } from './applyset-meta.js';
import { apiVersionOf, lookupGroupKind } from './discovery.js';
import type { Member } from './apply-objects.js';
import { ClusterError, objectKey, type ClusterClient, type Discovery, type KubeObject } from './types.js';

/** What a later run compares to tell whether the object changed behind our back. */
export function stampOf(live: KubeObject): string | undefined {
  const { generation, resourceVersion } = live.metadata as { generation?: number; resourceVersion?: string };
  if (typeof generation === 'number') return `g${generation}`;
  return resourceVersion ? `rv${resourceVersion}` : undefined;
}

/** LISTs in flight at once: a set spans dozens of kinds, and one at a time adds up. */
const SURVEY_CONCURRENCY = 8;

/**
 * The set's live members (by its part-of label) of the listed group-kinds, by
 * objectKey; kinds not served are skipped. A namespaced kind is listed across
 * all namespaces in one request, or per namespace of the set where that is
 * forbidden (an identity allowed only into some namespaces): callers filter
 * by namespace themselves.
 */
export async function surveyMembers(client: ClusterClient, discovery: Discovery, scope: ApplySetScope & { id: string }): Promise<Map<string, KubeObject>> {
  const labelSelector = `${APPLYSET_PART_OF_LABEL}=${scope.id}`;
  const kinds = [...scope.groupKinds].sort().flatMap((gk) => {
    const { group, kind } = parseGroupKind(gk);
    const info = lookupGroupKind(discovery, group, kind);
    return info ? [{ apiVersion: apiVersionOf(info), kind, namespaced: info.namespaced }] : [];
  });
  const listKind = async ({ apiVersion, kind, namespaced }: (typeof kinds)[number]): Promise<KubeObject[]> => {
    try {
      return (await client.list({ apiVersion, kind, labelSelector })).items;
    } catch (error) {
      if (!(namespaced && error instanceof ClusterError && error.code === 'CLUSTER_FORBIDDEN')) throw error;
      const lists = [];
      for (const namespace of [...scope.namespaces].sort()) lists.push((await client.list({ apiVersion, kind, namespace, labelSelector })).items);
      return lists.flat();
    }
  };
  const results = await mapLimit(kinds, SURVEY_CONCURRENCY, listKind);
  // Merged in query order, so the result does not depend on which answer came first.
  return new Map(results.flat().map((item) => [objectKey(item), item]));
}

export interface DriftInput {
  members: readonly Member[];
  /** objectKey → hash last applied. */
  previous: ReadonlyMap<string, string>;
  /** objectKey → stamp after our last write (absent for objects recorded before stamps were kept). */
  stamps: ReadonlyMap<string, string>;
  live: ReadonlyMap<string, KubeObject>;
}

/** objectKey → why an unchanged member must be sent again. Members the journal has no stamp for are trusted. */
export function findDrift(input: DriftInput): Map<string, string> {
  const drift = new Map<string, string>();
  for (const m of input.members) {
    if (input.previous.get(m.key) !== m.hash) continue;
    const live = input.live.get(m.key);
    if (!live) {
      drift.set(m.key, 'drift: deleted outside harbormaster, re-created');
      continue;
    }
    const recorded = input.stamps.get(m.key);
    if (recorded !== undefined && stampOf(live) !== recorded) {
      drift.set(m.key, 'drift: changed outside harbormaster, re-applied');
      continue;
    }
    const edited = editedMetadata(m.object, live);
    if (edited) drift.set(m.key, `drift: ${edited} changed outside harbormaster, re-applied`);
  }
  return drift;
}

/** The first label or annotation we set that the live object no longer carries with our value. */
function editedMetadata(desired: KubeObject, live: KubeObject): string | undefined {
  for (const [field, noun] of [['labels', 'label'], ['annotations', 'annotation']] as const) {
    const have = live.metadata[field] ?? {};
    for (const [key, value] of Object.entries(desired.metadata[field] ?? {})) {
      if (have[key] !== value) return `${noun} ${key}`;
    }
  }
  return undefined;
}
