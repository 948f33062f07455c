/**
 * Applying a desired set of objects to one cluster as a KEP-3659 ApplySet:
 *
 * 1. read the parent Secret and check it is ours; widen it to cover the new
 *    objects *before* writing any (so an interrupted run leaks nothing);
 * 2. list the set's live members once (drift.ts): what prune will consider,
 *    and what tells an unchanged object that was deleted or edited by hand;
 * 3. apply phase by phase (apply-order.ts), skipping objects whose hash is
 *    unchanged and that did not drift; after Namespaces and CRDs, wait until
 *    the new kinds are served;
 * 4. prune members that are no longer desired (prune.ts), custom resources
 *    first, only when every apply succeeded;
 * 5. narrow the parent to the new set.
 *
 * Object failures are collected into the result; set-level failures (the
 * parent is another tool's, discovery or the parent cannot be read) throw.
 */
import { applyMember, applyMembers, prepareMembers, type ApplyContext, type Member, type ObjectOutcome } from './apply-objects.js';
import { applyPhases, Phase, type KindFacts } from './apply-order.js';
import { applySetId, groupKindOf, parentObject, parentRef, parentUpToDate, readParent, type ApplySetParent, type ApplySetScope } from './applyset-meta.js';
import { crdKinds } from './crd-wait.js';
import { ensureServed, type ServeOptions } from './ensure-served.js';
import { toClusterError } from './errors.js';
import { findDrift, stampOf, surveyMembers } from './drift.js';
import { prunableOf, pruneObjects } from './prune.js';
import type { RetryClock } from './retry.js';
import { ClusterError, type ClusterClient, type Discovery, type FieldConflict, type KubeObject, type ObjectRef } from './types.js';

export type { ObjectAction, ObjectOutcome } from './apply-objects.js';

export interface ApplySetOptions {
  /** The set's name; its parent is the Secret `applyset-<name>`. */
  name: string;
  /** Where the parent lives. Default `kube-system`. */
  parentNamespace?: string;
  /** Written as `applyset.kubernetes.io/tooling: harbormaster/<toolVersion>`. */
  toolVersion: string;
  fieldManager?: string;
  force?: boolean;
  /** Server-side dry run: nothing is written, the parent included; prunable objects are reported, not deleted. */
  dryRun?: boolean;
  /** Default true. */
  prune?: boolean;
  /** objectKey → hash last applied (hashObject); objects with the same hash are not sent unless they drifted. */
  previous?: ReadonlyMap<string, string>;
  /** objectKey → stamp (drift.ts) after the last write; without one an unchanged object is only checked for existence. */
  stamps?: ReadonlyMap<string, string>;
  /** Send every object, whatever `previous` says. */
  reapply?: boolean;
  /** Objects applied at once within a phase. Default 8. */
  concurrency?: number;
  /** How long to wait for new CRDs' kinds to be served. Default 60 s. */
  crdTimeoutMs?: number;
  clock?: RetryClock;
}

export interface ApplySetResult {
  id: string;
  parent: ObjectRef;
  /** Applied objects in apply order, then pruned ones in delete order. */
  objects: ObjectOutcome[];
  failures: ObjectOutcome[];
  conflicts: { key: string; ref: ObjectRef; conflicts: FieldConflict[] }[];
  /** PATCH/POST/PUT/DELETE requests made (retries included). */
  writeRequests: number;
  /** objectKey → hash of every object now applied as desired (unchanged ones included). */
  hashes: Map<string, string>;
  /** objectKey → stamp of those objects as the server now holds them (where known). */
  stamps: Map<string, string>;
  /** Why pruning did not run, when it did not. */
  pruneSkipped?: string;
  unreachable: boolean;
  ok: boolean;
}

export async function applySet(client: ClusterClient, desired: readonly KubeObject[], options: ApplySetOptions): Promise<ApplySetResult> {
  const before = client.stats();
  const parent: ApplySetParent = { name: `applyset-${options.name}`, namespace: options.parentNamespace ?? 'kube-system' };
  const id = applySetId(parent);
  const dryRun = options.dryRun === true;
  let discovery = await client.discover();
  const crds = desired.filter((o) => o.kind === 'CustomResourceDefinition').map(crdKinds).filter((c) => c !== undefined);
  const facts = kindFacts(() => discovery, crds);
  const { members, refused } = prepareMembers(desired, id, facts.namespaced, client.cluster);
  const live = await client.get(parentRef(parent));
  const recorded = readParent(live, parent, client.cluster);
  const wanted = scopeOf(members, facts, parent);
  const superset: ApplySetScope = { groupKinds: union(recorded.groupKinds, wanted.groupKinds), namespaces: union(recorded.namespaces, wanted.namespaces) };
  // Namespaces and CRDs are surveyed first: one deleted by hand must be back before what lives in it.
  // The rest is listed while the changed objects are sent (after them when none is unchanged: then
  // only prune needs the listing), so it never delays the objects a rollout waits for.
  const [first, second] = splitScope(superset);
  const early = await surveyMembers(client, discovery, { ...first, id });
  const previous = options.reapply ? new Map<string, string>() : (options.previous ?? new Map<string, string>());
  const unchangedLater = (m: Member) => previous.get(m.key) === m.hash && !first.groupKinds.has(groupKindOf(m.object));
  const surveyRest = () => surveyMembers(client, discovery, { ...second, id });
  const later = members.some(unchangedLater) ? surveyRest() : undefined;
  later?.catch(() => undefined);
  const ctx = applyContext(client, members, previous, early, options);

  const outcomes: ObjectOutcome[] = [...refused];
  const parentNow = dryRun ? live : await writeParent(client, parent, superset, live, options.toolVersion, members, ctx, outcomes);
  const applyInPhases = async (batchOf: readonly Member[], context: ApplyContext): Promise<void> => {
    const memberOf = new Map(batchOf.map((m) => [m.object, m]));
    for (const { phase, objects } of applyPhases(batchOf.map((m) => m.object), facts)) {
      if (outcomes.some((o) => o.error?.code === 'CLUSTER_UNREACHABLE')) return;
      const done = new Set(outcomes.map((o) => o.key));
      let batch = objects.map((o) => memberOf.get(o)!).filter((m) => !done.has(m.key));
      if (phase >= Phase.ClusterScoped) {
        const served = await ensureServed(client, batch, crds, serveOptions(options), outcomes);
        discovery = served.discovery;
        batch = served.ready;
      }
      outcomes.push(...(await applyMembers(batch, context)));
    }
  };
  await applyInPhases(members.filter((m) => !unchangedLater(m)), ctx);
  const cutOff = outcomes.some((o) => o.error?.code === 'CLUSTER_UNREACHABLE');
  const current = cutOff ? early : new Map([...early, ...(await (later ?? surveyRest()))]);
  await applyInPhases(members.filter(unchangedLater), applyContext(client, members, previous, current, options));
  inApplyOrder(outcomes, members, facts);
  if (dryRun) acceptMissingNamespaces(outcomes);
  const unreachable = outcomes.find((o) => o.error?.code === 'CLUSTER_UNREACHABLE')?.error;
  if (unreachable) failUnattempted(members, outcomes, unreachable);
  let pruneSkipped: string | undefined;
  if (options.prune === false) pruneSkipped = 'pruning is off';
  else if (outcomes.some((o) => o.action === 'failed')) pruneSkipped = 'some objects failed to apply';
  else {
    const prunable = prunableOf(current, discovery, { ...superset, id, keep: new Set(members.map((m) => m.key)) });
    const pruned = await pruneObjects(client, prunable, facts, dryRun);
    outcomes.push(...pruned);
    if (!dryRun && pruned.every((o) => o.action === 'pruned')) await writeParent(client, parent, wanted, parentNow, options.toolVersion, [], ctx, outcomes);
  }
  return summarise(id, parent, outcomes, client, before, { unreachable: unreachable !== undefined, pruneSkipped, dryRun, current });
}

/** What applying each member needs: which hashes to trust, which unchanged members drifted (judged on `live`). */
function applyContext(client: ClusterClient, members: readonly Member[], previous: ReadonlyMap<string, string>, live: ReadonlyMap<string, KubeObject>, options: ApplySetOptions): ApplyContext {
  // Members of kinds `live` does not cover look deleted here; callers only apply those it covers.
  const drift = findDrift({ members, previous, stamps: options.stamps ?? new Map(), live });
  return { client, previous, drift, fieldManager: options.fieldManager, force: options.force === true, dryRun: options.dryRun === true, concurrency: options.concurrency ?? 8 };
}

/** Outcomes in the order of one pass over every member (the second pass's come back in place); others keep their place first. */
function inApplyOrder(outcomes: ObjectOutcome[], members: readonly Member[], facts: KindFacts): void {
  const keyOf = new Map(members.map((m) => [m.object, m.key]));
  const rank = new Map(applyPhases(members.map((m) => m.object), facts).flatMap((p) => p.objects).map((o, i) => [keyOf.get(o)!, i]));
  const at = (o: ObjectOutcome) => rank.get(o.key) ?? -1;
  outcomes.sort((a, b) => at(a) - at(b));
}

/** Namespaces and CRDs (listed before anything is applied), and everything else. */
function splitScope(scope: ApplySetScope): [ApplySetScope, ApplySetScope] {
  const first = [...scope.groupKinds].filter((gk) => EARLY_GROUP_KINDS.has(gk));
  const second = [...scope.groupKinds].filter((gk) => !EARLY_GROUP_KINDS.has(gk));
  return [
    { groupKinds: new Set(first), namespaces: scope.namespaces },
    { groupKinds: new Set(second), namespaces: scope.namespaces },
  ];
}

const EARLY_GROUP_KINDS = new Set(['Namespace', 'CustomResourceDefinition.apiextensions.k8s.io']);

function serveOptions(options: ApplySetOptions): ServeOptions {
  return { dryRun: options.dryRun === true, ...(options.crdTimeoutMs !== undefined ? { crdTimeoutMs: options.crdTimeoutMs } : {}), ...(options.clock ? { clock: options.clock } : {}) };
}

/**
 * A dry run does not create Namespaces, so objects inside a Namespace the set
 * would create come back 404. They would be created: say so, unvalidated.
 */
function acceptMissingNamespaces(outcomes: ObjectOutcome[]): void {
  const created = new Set(outcomes.filter((o) => o.ref.kind === 'Namespace' && o.action === 'created').map((o) => o.ref.name));
  outcomes.forEach((o, i) => {
    if (o.error?.code !== 'CLUSTER_NOT_FOUND' || !o.ref.namespace || !created.has(o.ref.namespace)) return;
    outcomes[i] = { key: o.key, ref: o.ref, action: 'created', note: `not validated: namespace ${o.ref.namespace} does not exist yet` };
  });
}

/** Members of later phases, never sent because the cluster went away, fail with that error. */
function failUnattempted(members: readonly Member[], outcomes: ObjectOutcome[], error: ClusterError): void {
  const seen = new Set(outcomes.map((o) => o.key));
  for (const m of members) if (!seen.has(m.key)) outcomes.push({ key: m.key, ref: m.ref, action: 'failed', error });
}

function kindFacts(discovery: () => Discovery, crds: NonNullable<ReturnType<typeof crdKinds>>[]): KindFacts {
  return {
    customGroups: new Set(crds.map((c) => c.group)),
    namespaced(object) {
      const info = discovery().lookup(object.apiVersion, object.kind);
      if (info) return info.namespaced;
      const crd = crds.find((c) => c.kind === object.kind && c.apiVersions.includes(object.apiVersion));
      return crd ? crd.namespaced : Boolean(object.metadata.namespace);
    },
  };
}

function scopeOf(members: readonly Member[], facts: KindFacts, parent: ApplySetParent): ApplySetScope {
  const namespaces = new Set([parent.namespace]);
  for (const m of members) if (facts.namespaced(m.object) && m.ref.namespace) namespaces.add(m.ref.namespace);
  return { groupKinds: new Set(members.map((m) => groupKindOf(m.object))), namespaces };
}

function union<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): Set<T> {
  return new Set([...a, ...b]);
}

/**
 * Writes the parent unless it already says the same. Its namespace must exist
 * first: when the set creates that Namespace, it is applied before the parent.
 * Like kubectl, the parent's own field manager forces its way on a conflict.
 */
async function writeParent(
  client: ClusterClient,
  parent: ApplySetParent,
  scope: ApplySetScope,
  live: KubeObject | undefined,
  toolVersion: string,
  members: readonly Member[],
  ctx: ApplyContext,
  outcomes: ObjectOutcome[],
): Promise<KubeObject> {
  const wanted = parentObject(parent, scope, toolVersion);
  if (live && parentUpToDate(live, wanted)) return live;
  const namespace = members.find((m) => m.ref.kind === 'Namespace' && m.ref.apiVersion === 'v1' && m.ref.name === parent.namespace);
  if (!live && namespace) outcomes.push(await applyMember(namespace, ctx));
  const fieldManager = `${ctx.fieldManager ?? 'harbormaster'}-applyset`;
  try {
    return (await client.apply(wanted, { fieldManager })).object;
  } catch (error) {
    if (!(error instanceof ClusterError && error.code === 'CLUSTER_CONFLICT')) throw toClusterError(error, client.cluster, parentRef(parent));
    return (await client.apply(wanted, { fieldManager, force: true })).object;
  }
}

interface SummaryExtra {
  unreachable: boolean;
  pruneSkipped?: string;
  dryRun: boolean;
  /** The live members listed before applying: the stamps of objects not sent. */
  current: ReadonlyMap<string, KubeObject>;
}

function summarise(id: string, parent: ApplySetParent, objects: ObjectOutcome[], client: ClusterClient, before: ReturnType<ClusterClient['stats']>, extra: SummaryExtra): ApplySetResult {
  const after = client.stats();
  const writes = (s: typeof before) => s.patch + s.post + s.put + s.delete;
  const failures = objects.filter((o) => o.action === 'failed');
  const applied = extra.dryRun ? [] : objects.filter((o) => o.hash !== undefined && o.action !== 'failed');
  const hashes = new Map(applied.map((o) => [o.key, o.hash!]));
  const stamps = new Map<string, string>();
  for (const o of applied) {
    const stamp = o.stamp ?? (o.action === 'unchanged' ? liveStamp(extra.current.get(o.key)) : undefined);
    if (stamp !== undefined) stamps.set(o.key, stamp);
  }
  return {
    id,
    parent: parentRef(parent),
    objects,
    failures,
    conflicts: failures.filter((f) => f.conflicts?.length).map((f) => ({ key: f.key, ref: f.ref, conflicts: f.conflicts! })),
    writeRequests: writes(after) - writes(before),
    hashes,
    stamps,
    ...(extra.pruneSkipped ? { pruneSkipped: extra.pruneSkipped } : {}),
    unreachable: extra.unreachable,
    ok: failures.length === 0,
  };
}

function liveStamp(live: KubeObject | undefined): string | undefined {
  return live ? stampOf(live) : undefined;
}
