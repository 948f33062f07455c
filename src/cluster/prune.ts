/**
 * Which live objects a prune may delete. All of these must hold, or the object
 * is left alone: it carries our set's part-of label (exactly), its group-kind
 * is one the parent lists, it lives in one of the set's namespaces (or is
 * cluster-scoped), and it is not in the desired set.
 */
import { APPLYSET_PART_OF_LABEL, groupKindOf, parseGroupKind, type ApplySetScope } from './applyset-meta.js';
import { lookupGroupKind } from './discovery.js';
import { surveyMembers } from './drift.js';
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

/** The prunable members of a survey (surveyMembers: the set's live members by label). */
export function prunableOf(live: ReadonlyMap<string, KubeObject>, discovery: Discovery, selection: PruneSelection): KubeObject[] {
  return [...live.values()].filter((item) => {
    const { group, kind } = parseGroupKind(groupKindOf(item));
    const info = lookupGroupKind(discovery, group, kind);
    return info !== undefined && isPrunable(item, selection, info.namespaced);
  });
}

/** Lists the set's members and keeps the prunable ones. Group-kinds the server no longer serves (their CRD and objects gone) are skipped. */
export async function findPrunable(client: ClusterClient, discovery: Discovery, selection: PruneSelection): Promise<KubeObject[]> {
  return prunableOf(await surveyMembers(client, discovery, selection), discovery, selection);
}

/** Deletes the prunable members, custom resources first (a dry run only reports them). */
export async function pruneObjects(client: ClusterClient, candidates: readonly KubeObject[], facts: KindFacts, dryRun: boolean): Promise<ObjectOutcome[]> {
  const outcomes: ObjectOutcome[] = [];
  for (const object of deleteOrder(candidates, facts)) {
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
