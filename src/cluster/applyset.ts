/**
 * Applying a desired set of objects to one cluster as a KEP-3659 ApplySet:
 *
 * 1. read the parent Secret and check it is ours; widen it to cover the new
 *    objects *before* writing any (so an interrupted run leaks nothing);
 * 2. list the set's live members once, one request per kind (drift.ts): what
 *    prune will consider, what tells an unchanged object that was deleted or
 *    edited by hand, and what each apply would otherwise have to read first;
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
import { acceptMissingNamespaces, failUnattempted, unreachableIn } from './applyset-outcomes.js';
import { findDrift, stampOf, surveyMembers } from './drift.js';
import { prunableOf, pruneObjects } from './prune.js';
import type { RetryClock } from './retry.js';
import { ClusterError, type ClusterClient, type Discovery, type FieldConflict, type KubeObject, type ObjectRef } from './types.js';

export type { ObjectAction, ObjectOutcome } from './apply-objects.js';

type CrdKinds = NonNullable<ReturnType<typeof crdKinds>>;

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

/** State shared by the stages of one applySet call. */
interface SetRun {
  client: ClusterClient;
  options: ApplySetOptions;
  id: string;
  parent: ApplySetParent;
  /** Refreshed once new CRDs are served; `facts` reads it. */
  known: { discovery: Discovery };
  crds: CrdKinds[];
  facts: KindFacts;
  members: Member[];
  /** The parent as read before this run wrote it. */
  live: KubeObject | undefined;
  /** The scope of the desired set, and the union with the recorded one (what may be pruned). */
  wanted: ApplySetScope;
  superset: ApplySetScope;
  /** objectKey → hash last applied; empty with `reapply`. */
  previous: ReadonlyMap<string, string>;
  outcomes: ObjectOutcome[];
}

export async function applySet(client: ClusterClient, desired: readonly KubeObject[], options: ApplySetOptions): Promise<ApplySetResult> {
  const before = client.stats();
  const run = await openRun(client, desired, options);
  const current = await surveyMembers(client, run.known.discovery, { ...run.superset, id: run.id });
  const ctx = applyContext(run, current);
  const parentNow = options.dryRun ? run.live : await writeParent(run, run.superset, ctx);
  await applyInPhases(run, run.members, ctx);
  const unreachable = settleOutcomes(run);
  const pruneSkipped = await pruneAndNarrow(run, current, parentNow, ctx);
  return summarise(run, before, { unreachable: unreachable !== undefined, pruneSkipped, current });
}

/** Discovery, the members placed and labelled, the parent read and checked, the scopes. */
async function openRun(client: ClusterClient, desired: readonly KubeObject[], options: ApplySetOptions): Promise<SetRun> {
  const parent: ApplySetParent = { name: `applyset-${options.name}`, namespace: options.parentNamespace ?? 'kube-system' };
  const id = applySetId(parent);
  const crds = desired.filter((o) => o.kind === 'CustomResourceDefinition').map(crdKinds).filter((c) => c !== undefined);
  const known = { discovery: await client.discover() };
  const facts = kindFacts(() => known.discovery, crds);
  const { members, refused } = prepareMembers(desired, id, facts.namespaced, client.cluster);
  const live = await client.get(parentRef(parent));
  const recorded = readParent(live, parent, client.cluster);
  const wanted = scopeOf(members, facts, parent);
  const superset = { groupKinds: union(recorded.groupKinds, wanted.groupKinds), namespaces: union(recorded.namespaces, wanted.namespaces) };
  const previous = options.reapply ? new Map<string, string>() : (options.previous ?? new Map<string, string>());
  return { client, options, id, parent, known, crds, facts, members, live, wanted, superset, previous, outcomes: [...refused] };
}

/** Applies `batch` phase by phase; stops once the cluster is unreachable. */
async function applyInPhases(run: SetRun, batch: readonly Member[], ctx: ApplyContext): Promise<void> {
  const memberOf = new Map(batch.map((m) => [m.object, m]));
  for (const { phase, objects } of applyPhases(batch.map((m) => m.object), run.facts)) {
    if (unreachableIn(run.outcomes)) return;
    const done = new Set(run.outcomes.map((o) => o.key));
    let ready = objects.map((o) => memberOf.get(o)!).filter((m) => !done.has(m.key));
    if (phase >= Phase.ClusterScoped) {
      const served = await ensureServed(run.client, ready, run.crds, serveOptions(run.options), run.outcomes);
      run.known.discovery = served.discovery;
      ready = served.ready;
    }
    run.outcomes.push(...(await applyMembers(ready, ctx)));
  }
}

/** Dry-run namespaces accepted, members never sent failed; returns the unreachable error if any. */
function settleOutcomes(run: SetRun): ClusterError | undefined {
  if (run.options.dryRun) acceptMissingNamespaces(run.outcomes);
  const unreachable = unreachableIn(run.outcomes);
  if (unreachable) failUnattempted(run.members, run.outcomes, unreachable);
  return unreachable;
}

/** Prunes what left the set (only when every apply succeeded), then narrows the parent; returns why pruning was skipped. */
async function pruneAndNarrow(run: SetRun, current: ReadonlyMap<string, KubeObject>, parentNow: KubeObject | undefined, ctx: ApplyContext): Promise<string | undefined> {
  if (run.options.prune === false) return 'pruning is off';
  if (run.outcomes.some((o) => o.action === 'failed')) return 'some objects failed to apply';
  const prunable = prunableOf(current, run.known.discovery, { ...run.superset, id: run.id, keep: new Set(run.members.map((m) => m.key)) });
  const pruned = await pruneObjects(run.client, prunable, run.facts, run.options.dryRun === true);
  run.outcomes.push(...pruned);
  if (!run.options.dryRun && pruned.every((o) => o.action === 'pruned')) await writeParent({ ...run, live: parentNow, members: [] }, run.wanted, ctx);
  return undefined;
}

/** What applying each member needs: which hashes to trust, which unchanged members drifted, what is live. */
function applyContext(run: SetRun, live: ReadonlyMap<string, KubeObject>): ApplyContext {
  const { client, options, members, previous } = run;
  const drift = findDrift({ members, previous, stamps: options.stamps ?? new Map(), live });
  return { client, previous, drift, live, fieldManager: options.fieldManager, force: options.force === true, dryRun: options.dryRun === true, concurrency: options.concurrency ?? 8 };
}

function serveOptions(options: ApplySetOptions): ServeOptions {
  return { dryRun: options.dryRun === true, ...(options.crdTimeoutMs !== undefined ? { crdTimeoutMs: options.crdTimeoutMs } : {}), ...(options.clock ? { clock: options.clock } : {}) };
}

function kindFacts(discovery: () => Discovery, crds: readonly CrdKinds[]): KindFacts {
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
async function writeParent(run: Pick<SetRun, 'client' | 'parent' | 'live' | 'members' | 'options' | 'outcomes'>, scope: ApplySetScope, ctx: ApplyContext): Promise<KubeObject> {
  const { client, parent, live } = run;
  const wanted = parentObject(parent, scope, run.options.toolVersion);
  if (live && parentUpToDate(live, wanted)) return live;
  const namespace = run.members.find((m) => m.ref.kind === 'Namespace' && m.ref.apiVersion === 'v1' && m.ref.name === parent.namespace);
  if (!live && namespace) run.outcomes.push(await applyMember(namespace, ctx));
  const fieldManager = `${ctx.fieldManager ?? 'harbormaster'}-applyset`;
  const known = { live: live ?? null };
  try {
    return (await client.apply(wanted, { fieldManager, ...known })).object;
  } catch (error) {
    if (!(error instanceof ClusterError && error.code === 'CLUSTER_CONFLICT')) throw toClusterError(error, client.cluster, parentRef(parent));
    return (await client.apply(wanted, { fieldManager, force: true, ...known })).object;
  }
}

interface SummaryExtra {
  unreachable: boolean;
  pruneSkipped?: string;
  /** The set's live members as listed: the stamps of objects not sent. */
  current: ReadonlyMap<string, KubeObject>;
}

function summarise(run: SetRun, before: ReturnType<ClusterClient['stats']>, extra: SummaryExtra): ApplySetResult {
  const { id, parent, outcomes: objects, client } = run;
  const after = client.stats();
  const writes = (s: typeof before) => s.patch + s.post + s.put + s.delete;
  const failures = objects.filter((o) => o.action === 'failed');
  const applied = run.options.dryRun ? [] : objects.filter((o) => o.hash !== undefined && o.action !== 'failed');
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
