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
import { setMaxListeners } from 'node:events';
import { Backoff } from '../../cluster/retry.js';
import { ClusterError, objectKey, type ClusterClient, type KubeObject } from '../../cluster/types.js';
import { assessHealth } from '../health/assess.js';
import type { HealthOptions } from '../health/types.js';
import { feedsFor, type Feed } from './feeds.js';
import { notSeenYet, summarize, type HealthSnapshot } from './snapshot.js';
import type { Clock } from './types.js';

export type { HealthSnapshot, TrackedVerdict } from './snapshot.js';

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
    // Each broken feed sleeps on `closing` while it backs off: one listener per feed is by design, not a leak.
    setMaxListeners(this.feeds.length + 10, this.closing.signal);
  }

  /** Lists and watches everything the objects' health depends on; resolves once the first LISTs are in. */
  static async open(client: ClusterClient, objects: readonly KubeObject[], options: ObserverOptions): Promise<ClusterObserver> {
    const observer = new ClusterObserver(client, objects, options);
    try {
      await Promise.all(observer.feeds.map((feed) => observer.connectOrWait(feed)));
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

  /**
   * The observer opens while the apply runs, so a custom resource's kind may
   * not be served yet (its CRD is applied in the same step): such a feed
   * starts out broken and reconnects with backoff once the CRD is in.
   */
  /** A tracked object as the watches last saw it (objectKey), if they have. */
  liveObject(key: string): KubeObject | undefined {
    return this.live.get(key);
  }

  private async connectOrWait(feed: Feed): Promise<void> {
    try {
      await this.connect(feed);
    } catch (error) {
      if (!(error instanceof ClusterError && error.code === 'CLUSTER_UNKNOWN_KIND')) throw error;
      this.broken(feed, error);
    }
  }

  private async connect(feed: Feed): Promise<void> {
    const scope = { apiVersion: feed.apiVersion, kind: feed.kind, ...(feed.namespace !== undefined ? { namespace: feed.namespace } : {}) };
    const list = await this.client.list(scope);
    const listed = new Set(list.items.map((o) => objectKey(o)));
    for (const key of feed.keys) if (!listed.has(key)) this.live.delete(key);
    feed.keys = listed;
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

export function labelOf(object: KubeObject): string {
  return `${object.kind}/${object.metadata.namespace ? `${object.metadata.namespace}/` : ''}${object.metadata.name}`;
}
