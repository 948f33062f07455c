/**
 * Live health of one cluster's applied objects, kept current by watches (a
 * LIST, then a WATCH from its resourceVersion, per kind), never by polling:
 * a verdict changes the moment the API server reports the change. Workloads
 * are judged with their pods and ReplicaSets/ControllerRevisions, so a step
 * waits for the *new* revision (the stale-status trap of Argo CD #29410).
 *
 * A broken watch is re-listed and re-opened with backoff; while any feed is
 * down the observer reports itself disconnected, and the step decides how
 * long that may last.
 */
import { Backoff } from '../../cluster/retry.js';
import { groupOf, objectKey, type ClusterClient, type KubeObject, type WatchHandle } from '../../cluster/types.js';
import { assessHealth } from '../health/assess.js';
import type { HealthOptions, HealthVerdict } from '../health/types.js';
import type { Clock } from './types.js';

/** One tracked object's latest verdict. */
export interface TrackedVerdict {
  /** `Kind/namespace/name`. */
  label: string;
  verdict: HealthVerdict;
}

export interface HealthSnapshot {
  verdicts: TrackedVerdict[];
  allCurrent: boolean;
  /** The first verdict that failed fast, if any. */
  failedFast?: TrackedVerdict;
  /** Summed progress of workloads. */
  updated: number;
  ready: number;
  desired: number;
  /** Not-yet-Current objects as `Kind/ns/name: reason`. */
  pending: string[];
  /** Since when a watch is down (ms since epoch), undefined while every feed is live. */
  disconnectedSince?: number;
  /** The error that broke the oldest broken feed. */
  lastError?: unknown;
}

/** Kinds whose health depends on pods, and the owner objects they need besides. */
const WORKLOAD_SUPPORT: Record<string, string[]> = {
  'apps/Deployment': ['/Pod', 'apps/ReplicaSet'],
  'apps/ReplicaSet': ['/Pod'],
  'apps/StatefulSet': ['/Pod'],
  'apps/DaemonSet': ['/Pod', 'apps/ControllerRevision'],
  'batch/Job': ['/Pod'],
};

const API_VERSION: Record<string, string> = { '/Pod': 'v1', 'apps/ReplicaSet': 'apps/v1', 'apps/ControllerRevision': 'apps/v1' };

interface Feed {
  apiVersion: string;
  kind: string;
  namespace?: string;
  keys: Set<string>;
  handle?: WatchHandle;
  brokenSince?: number;
  error?: unknown;
}

export interface ObserverOptions {
  health: HealthOptions;
  clock: Clock;
  /**
   * objectKey → the generation our apply produced. Lets the observer open
   * while the apply runs: until the watch shows at least that generation, the
   * object counts as InProgress, so a pre-apply state can never pass for healthy.
   */
  expected?: ReadonlyMap<string, number>;
}

/** Verdicts change with time alone only slowly (Unschedulable for long): a snapshot this young is reused. */
const SNAPSHOT_REUSE_MS = 250;

export class ClusterObserver {
  private readonly live = new Map<string, KubeObject>();
  private readonly feeds: Feed[];
  private readonly listeners = new Set<(snapshot: HealthSnapshot) => void>();
  private readonly closing = new AbortController();
  private readonly tracked: { key: string; label: string; namespace: string }[];
  private scheduled = false;
  private last: HealthSnapshot | undefined;
  private lastAt = 0;
  private dirty = true;

  private constructor(
    private readonly client: ClusterClient,
    objects: readonly KubeObject[],
    private readonly options: ObserverOptions,
  ) {
    this.tracked = objects.map((o) => ({ key: objectKey(o), label: labelOf(o), namespace: o.metadata.namespace ?? '' }));
    this.feeds = feedsFor(objects);
  }

  /** Lists and watches everything the objects' health depends on; resolves once the first LISTs are in. */
  static async open(client: ClusterClient, objects: readonly KubeObject[], options: ObserverOptions): Promise<ClusterObserver> {
    const observer = new ClusterObserver(client, objects, options);
    try {
      await Promise.all(observer.feeds.map((feed) => observer.connect(feed)));
    } catch (error) {
      observer.close();
      throw error;
    }
    return observer;
  }

  /** The current verdicts: recomputed after any change, or when the last computation is more than a moment old. */
  snapshot(): HealthSnapshot {
    const now = this.options.clock.now().getTime();
    if (this.last && !this.dirty && now - this.lastAt < SNAPSHOT_REUSE_MS) return this.last;
    this.dirty = false;
    this.lastAt = now;
    this.last = this.evaluate();
    return this.last;
  }

  /** Calls `listener` after every change (coalesced: at most once per turn of the event loop). */
  subscribe(listener: (snapshot: HealthSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.closing.abort();
    for (const feed of this.feeds) feed.handle?.stop();
    this.listeners.clear();
  }

  private async connect(feed: Feed): Promise<void> {
    const scope = { apiVersion: feed.apiVersion, kind: feed.kind, ...(feed.namespace !== undefined ? { namespace: feed.namespace } : {}) };
    const list = await this.client.list(scope);
    for (const key of feed.keys) if (!list.items.some((o) => objectKey(o) === key)) this.live.delete(key);
    feed.keys = new Set(list.items.map((o) => objectKey(o)));
    for (const object of list.items) this.live.set(objectKey(object), object);
    if (this.closing.signal.aborted) return;
    const handle = await this.client.watch({ ...scope, resourceVersion: list.resourceVersion }, (event) => {
      if (event.type === 'BOOKMARK') return;
      const key = objectKey(event.object);
      if (event.type === 'DELETED') {
        this.live.delete(key);
        feed.keys.delete(key);
      } else {
        this.live.set(key, event.object);
        feed.keys.add(key);
      }
      this.changed();
    });
    if (this.closing.signal.aborted) return handle.stop();
    feed.handle = handle;
    feed.brokenSince = undefined;
    feed.error = undefined;
    this.changed();
    handle.done.then(
      () => this.broken(feed, undefined),
      (error: unknown) => this.broken(feed, error),
    );
  }

  /** A watch ended without our asking: re-list and re-watch with backoff until it holds or we close. */
  private broken(feed: Feed, error: unknown): void {
    if (this.closing.signal.aborted) return;
    feed.handle = undefined;
    feed.brokenSince ??= this.options.clock.now().getTime();
    feed.error = error ?? feed.error;
    this.changed();
    void this.reconnect(feed);
  }

  private async reconnect(feed: Feed): Promise<void> {
    const backoff = new Backoff({ baseDelayMs: 50, maxDelayMs: 2_000 });
    while (!this.closing.signal.aborted && feed.handle === undefined) {
      await this.options.clock.sleep(backoff.next(), this.closing.signal);
      if (this.closing.signal.aborted) return;
      try {
        await this.connect(feed);
        return;
      } catch (error) {
        feed.error = error;
        this.changed();
      }
    }
  }

  private changed(): void {
    this.dirty = true;
    if (this.scheduled || this.listeners.size === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (this.closing.signal.aborted) return;
      const snapshot = this.snapshot();
      for (const listener of [...this.listeners]) listener(snapshot);
    });
  }

  private evaluate(): HealthSnapshot {
    const now = this.options.clock.now();
    const byNamespace = this.groupSupport();
    const verdicts = this.tracked.map(({ key, label, namespace }) => {
      const support = byNamespace.get(namespace);
      const object = this.live.get(key);
      const wanted = this.options.expected?.get(key);
      if (object && wanted !== undefined && (object.metadata.generation ?? 0) < wanted) return { label, verdict: notSeenYet(object, wanted) };
      const verdict = assessHealth({ object, pods: support?.pods ?? [], replicaSets: support?.owners ?? [], now }, this.options.health);
      return { label, verdict };
    });
    return summarize(verdicts, this.feeds);
  }

  /** Pods and ReplicaSets/ControllerRevisions by namespace, for the workload rules. */
  private groupSupport(): Map<string, { pods: KubeObject[]; owners: KubeObject[] }> {
    const groups = new Map<string, { pods: KubeObject[]; owners: KubeObject[] }>();
    for (const object of this.live.values()) {
      const isPod = object.kind === 'Pod';
      if (!isPod && object.kind !== 'ReplicaSet' && object.kind !== 'ControllerRevision') continue;
      const ns = object.metadata.namespace ?? '';
      let group = groups.get(ns);
      if (!group) groups.set(ns, (group = { pods: [], owners: [] }));
      (isPod ? group.pods : group.owners).push(object);
    }
    return groups;
  }
}

function notSeenYet(object: KubeObject, generation: number): HealthVerdict {
  const message = `${object.kind} ${object.metadata.name}: generation ${generation} applied, the watch still shows ${object.metadata.generation ?? 0}`;
  return { status: 'InProgress', reason: 'AppliedGenerationNotSeen', message, failFast: false };
}

function summarize(verdicts: TrackedVerdict[], feeds: readonly Feed[]): HealthSnapshot {
  let updated = 0;
  let ready = 0;
  let desired = 0;
  const pending: string[] = [];
  for (const { label, verdict } of verdicts) {
    if (verdict.progress) {
      updated += verdict.progress.updated;
      ready += verdict.progress.ready;
      desired += verdict.progress.desired;
    }
    if (verdict.status !== 'Current') pending.push(`${label}: ${verdict.reason}`);
  }
  const failedFast = verdicts.find((v) => v.verdict.status === 'Failed' && v.verdict.failFast);
  const broken = feeds.filter((f) => f.brokenSince !== undefined).sort((a, b) => a.brokenSince! - b.brokenSince!)[0];
  return {
    verdicts,
    allCurrent: pending.length === 0 && broken === undefined,
    ...(failedFast ? { failedFast } : {}),
    updated,
    ready,
    desired,
    pending,
    ...(broken ? { disconnectedSince: broken.brokenSince, lastError: broken.error } : {}),
  };
}

/** One feed per kind: namespaced to the objects' namespace when they share one, cluster-wide otherwise. */
function feedsFor(objects: readonly KubeObject[]): Feed[] {
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

export function labelOf(object: KubeObject): string {
  return `${object.kind}/${object.metadata.namespace ? `${object.metadata.namespace}/` : ''}${object.metadata.name}`;
}
