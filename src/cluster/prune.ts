/**
 * Which live objects a prune may delete. All of these must hold, or the object
 * is left alone: it carries our set's part-of label (exactly), its group-kind
 * is one the parent lists, it lives in one of the set's namespaces (or is
 * cluster-scoped), and it is not in the desired set.
 */
import { APPLYSET_PART_OF_LABEL, groupKindOf, parseGroupKind, type ApplySetScope } from './applyset-meta.js';
import { apiVersionOf, lookupGroupKind } from './discovery.js';
import { refOf, type ObjectOutcome } from './apply-objects.js';
import { deleteOrder, type KindFacts } from './apply-order.js';
import { toClusterError } from './errors.js';
import { objectKey, type ClusterClient, type Discovery, type KubeObject } from './types.js';

export interface PruneSelection extends ApplySetScope {
  id: string;
  /** objectKey of every desired object. */
  keep: ReadonlySet<string>;
}

export function isPrunable(live: KubeObject, selection: PruneSelection, namespaced: boolean): boolean {
  if (live.metadata.labels?.[APPLYSET_PART_OF_LABEL] !== selection.id) return false;
  if (!selection.groupKinds.has(groupKindOf(live))) return false;
  if (namespaced ? !selection.namespaces.has(live.metadata.namespace ?? '') : live.metadata.namespace) return false;
  return !selection.keep.has(objectKey(live));
}

/**
 * Lists the set's members by label, per listed group-kind and namespace, and
 * keeps the prunable ones. Group-kinds the server no longer serves (their CRD
 * is gone, and with it their objects) are skipped.
 */
export async function findPrunable(client: ClusterClient, discovery: Discovery, selection: PruneSelection): Promise<KubeObject[]> {
  const labelSelector = `${APPLYSET_PART_OF_LABEL}=${selection.id}`;
  const found: KubeObject[] = [];
  for (const gk of [...selection.groupKinds].sort()) {
    const { group, kind } = parseGroupKind(gk);
    const info = lookupGroupKind(discovery, group, kind);
    if (!info) continue;
    const apiVersion = apiVersionOf(info);
    const namespaces = info.namespaced ? [...selection.namespaces].sort() : [undefined];
    for (const namespace of namespaces) {
      const { items } = await client.list({ apiVersion, kind, namespace, labelSelector });
      found.push(...items.filter((item) => isPrunable(item, selection, info.namespaced)));
    }
  }
  return found;
}

/** Deletes the prunable members, custom resources first (a dry run only reports them). */
export async function pruneObjects(client: ClusterClient, discovery: Discovery, selection: PruneSelection, facts: KindFacts, dryRun: boolean): Promise<ObjectOutcome[]> {
  const candidates = deleteOrder(await findPrunable(client, discovery, selection), facts);
  const outcomes: ObjectOutcome[] = [];
  for (const object of candidates) {
    const ref = refOf(object);
    try {
      if (!dryRun) await client.delete(ref);
      outcomes.push({ key: objectKey(ref), ref, action: 'pruned' });
    } catch (error) {
      outcomes.push({ key: objectKey(ref), ref, action: 'failed', error: toClusterError(error, client.cluster, ref) });
    }
  }
  return outcomes;
}
