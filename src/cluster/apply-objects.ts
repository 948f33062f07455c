/**
 * Applying one phase of a set: objects whose hash matches what was applied
 * last time are not sent at all; the rest are applied a few at a time. Every
 * failure is kept for the report; only an unreachable cluster stops the run.
 */
import { mapLimit } from '../core/map-limit.js';
import { toClusterError } from './errors.js';
import { stampOf } from './drift.js';
import { hashObject } from './object-hash.js';
import { withMemberLabel } from './applyset-meta.js';
import { ClusterError, objectKey, type ClusterClient, type FieldConflict, type KubeObject, type ObjectRef } from './types.js';

export type ObjectAction = 'created' | 'configured' | 'unchanged' | 'pruned' | 'failed';

export interface ObjectOutcome {
  key: string;
  ref: ObjectRef;
  action: ObjectAction;
  /** sha256 of the desired object (as given, before labelling): record it to skip the object next time. */
  hash?: string;
  error?: ClusterError;
  conflicts?: FieldConflict[];
  /** E.g. a dry run could not validate a custom resource whose CRD is not served yet; or why an unchanged object was sent (drift). */
  note?: string;
  /** The server's stamp (drift.ts) after our write. */
  stamp?: string;
  /** Sent although its hash was unchanged: the cluster's copy drifted (the note says how). */
  drifted?: boolean;
}

/** A desired object, labelled as a member of the set. */
export interface Member {
  key: string;
  ref: ObjectRef;
  hash: string;
  object: KubeObject;
}

export function refOf(object: KubeObject): ObjectRef {
  return { apiVersion: object.apiVersion, kind: object.kind, name: object.metadata.name, ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}) };
}

/**
 * An object where the server will keep it: a namespaced one without a
 * namespace goes to `default` (so the set's namespaces are known exactly); a
 * cluster-scoped one loses the namespace kustomize gives every object of a
 * kind it does not know (a ClusterIssuer, a ClusterPolicy). Keys, prune and
 * health watches then all agree with what the server holds.
 */
function placeByScope(object: KubeObject, namespaced: boolean): KubeObject {
  if (namespaced && !object.metadata.namespace) return { ...object, metadata: { ...object.metadata, namespace: 'default' } };
  if (!namespaced && object.metadata.namespace !== undefined) {
    const { namespace: _dropped, ...metadata } = object.metadata;
    return { ...object, metadata };
  }
  return object;
}

/** Members of set `id`, placed by scope, and the objects refused because they already belong to another set. */
export function prepareMembers(desired: readonly KubeObject[], id: string, namespaced: (o: KubeObject) => boolean, cluster: string): { members: Member[]; refused: ObjectOutcome[] } {
  const members: Member[] = [];
  const refused: ObjectOutcome[] = [];
  for (const original of desired) {
    const hash = hashObject(original);
    const placed = placeByScope(original, namespaced(original));
    const labelled = withMemberLabel(placed, id);
    const ref = refOf(placed);
    if ('conflictingSet' in labelled) {
      const error = new ClusterError('CLUSTER_APPLYSET', `${cluster}: ${objectKey(ref)} is labelled as part of applyset ${labelled.conflictingSet}`, cluster, { ref });
      refused.push({ key: objectKey(ref), ref, action: 'failed', error });
      continue;
    }
    members.push({ key: objectKey(ref), ref, hash, object: labelled });
  }
  return { members, refused };
}

export interface ApplyContext {
  client: ClusterClient;
  previous: ReadonlyMap<string, string>;
  /** objectKey → why an object with an unchanged hash is sent anyway. */
  drift: ReadonlyMap<string, string>;
  /** The set's live members as listed before applying (objectKey): an apply need not read what it replaces. */
  live?: ReadonlyMap<string, KubeObject>;
  fieldManager?: string;
  force: boolean;
  dryRun: boolean;
  concurrency: number;
}

export async function applyMember(member: Member, ctx: ApplyContext): Promise<ObjectOutcome> {
  const base = { key: member.key, ref: member.ref, hash: member.hash };
  const drift = ctx.drift.get(member.key);
  if (ctx.previous.get(member.key) === member.hash && drift === undefined) return { ...base, action: 'unchanged' };
  try {
    const live = ctx.live ? { live: ctx.live.get(member.key) ?? null } : {};
    const result = await ctx.client.apply(member.object, { fieldManager: ctx.fieldManager, force: ctx.force, dryRun: ctx.dryRun, ...live });
    const stamp = ctx.dryRun ? undefined : stampOf(result.object);
    return { ...base, action: result.created ? 'created' : result.changed ? 'configured' : 'unchanged', ...(drift ? { note: drift, drifted: true } : {}), ...(stamp ? { stamp } : {}) };
  } catch (e) {
    const error = toClusterError(e, ctx.client.cluster, member.ref);
    return { key: member.key, ref: member.ref, action: 'failed', error, ...(error.details.conflicts?.length ? { conflicts: error.details.conflicts } : {}) };
  }
}

/** Applies `members` in order, `concurrency` at a time; after an unreachable failure the rest fail without a request. */
export async function applyMembers(members: readonly Member[], ctx: ApplyContext): Promise<ObjectOutcome[]> {
  let unreachable: ClusterError | undefined;
  return mapLimit(members, ctx.concurrency, async (member) => {
    if (unreachable) return { key: member.key, ref: member.ref, action: 'failed', error: unreachable };
    const outcome = await applyMember(member, ctx);
    if (outcome.error?.code === 'CLUSTER_UNREACHABLE') unreachable ??= outcome.error;
    return outcome;
  });
}
