/**
 * Watching a set of objects (and pods by label) until told to stop, for
 * health gates: list once, then watch from the list's resourceVersion. A 410
 * (history expired) lists again; a dropped connection reconnects with backoff
 * and resumes from the last version seen. Nothing polls.
 *
 * Queries for single objects of the same kind and namespace share one watch,
 * so twenty Deployments cost one connection, not twenty.
 */
import { setMaxListeners } from 'node:events';
import { Backoff } from './retry.js';
import { ClusterError, type ClusterClient, type KubeObject, type WatchEvent, type WatchOptions } from './types.js';

export interface ObserveQuery {
  apiVersion: string;
  kind: string;
  namespace?: string;
  /** One object; absent: every object matching the rest of the query. */
  name?: string;
  labelSelector?: string;
}

export interface ObservedChange {
  query: ObserveQuery;
  queryIndex: number;
  /** SYNCED: the objects were (re)listed; `objects` is the whole current state. */
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'SYNCED';
  object?: KubeObject;
  /** The query's objects as now known. */
  objects: KubeObject[];
}

export interface ObserveOptions {
  /** Reconnect delays. Default 250 ms doubling to 10 s. */
  backoff?: { baseDelayMs: number; maxDelayMs: number };
  /** Told about every failed list or dropped watch before the reconnect (the cluster may be unreachable). */
  onError?: (error: unknown, query: ObserveQuery) => void;
  /** A watch that ends sooner than this without events counts as a failure (backs off). Default 1 s. */
  minWatchMs?: number;
}

interface Stream {
  apiVersion: string;
  kind: string;
  namespace?: string;
  labelSelector?: string;
  /** Names of interest; undefined: all. */
  names?: Set<string>;
  queries: { query: ObserveQuery; index: number }[];
}

/** Resolves once `signal` aborts; every change goes to `onChange` meanwhile. */
export async function observe(client: ClusterClient, queries: readonly ObserveQuery[], onChange: (change: ObservedChange) => void, signal: AbortSignal, options: ObserveOptions = {}): Promise<void> {
  if (signal.aborted) return;
  const streams = groupStreams(queries);
  // One listener on the caller's signal, however many streams: they all wait on a local one.
  const local = new AbortController();
  setMaxListeners(streams.length + 10, local.signal);
  const stop = () => local.abort();
  signal.addEventListener('abort', stop, { once: true });
  try {
    await Promise.all(streams.map((stream) => runStream(client, stream, onChange, local.signal, options)));
  } finally {
    signal.removeEventListener('abort', stop);
  }
}

export function groupStreams(queries: readonly ObserveQuery[]): Stream[] {
  const streams = new Map<string, Stream>();
  queries.forEach((query, index) => {
    const key = [query.apiVersion, query.kind, query.namespace ?? '', query.labelSelector ?? ''].join('|');
    let stream = streams.get(key);
    if (!stream) {
      stream = { apiVersion: query.apiVersion, kind: query.kind, namespace: query.namespace, labelSelector: query.labelSelector, names: new Set(), queries: [] };
      streams.set(key, stream);
    }
    if (query.name === undefined) stream.names = undefined;
    else stream.names?.add(query.name);
    stream.queries.push({ query, index });
  });
  return [...streams.values()];
}

async function runStream(client: ClusterClient, stream: Stream, onChange: (change: ObservedChange) => void, signal: AbortSignal, options: ObserveOptions): Promise<void> {
  const backoff = new Backoff(options.backoff ?? { baseDelayMs: 250, maxDelayMs: 10_000 });
  const cache = new Map<string, KubeObject>();
  const fieldSelector = stream.names?.size === 1 ? `metadata.name=${[...stream.names][0]}` : undefined;
  const base = { apiVersion: stream.apiVersion, kind: stream.kind, namespace: stream.namespace, labelSelector: stream.labelSelector, fieldSelector };
  const wanted = (o: KubeObject) => !stream.names || stream.names.has(o.metadata.name);
  const emit = (type: ObservedChange['type'], object?: KubeObject) => {
    for (const { query, index } of stream.queries) {
      if (object && query.name !== undefined && object.metadata.name !== query.name) continue;
      const objects = [...cache.values()].filter((o) => query.name === undefined || o.metadata.name === query.name);
      onChange({ query, queryIndex: index, type, ...(object ? { object } : {}), objects });
    }
  };
  let resourceVersion: string | undefined;
  let expiredInARow = 0;
  while (!signal.aborted) {
    let sawEvent = false;
    const started = Date.now();
    try {
      if (resourceVersion === undefined) {
        const list = await client.list(base);
        cache.clear();
        for (const item of list.items.filter(wanted)) cache.set(keyOf(item), item);
        resourceVersion = list.resourceVersion;
        emit('SYNCED');
      }
      const onEvent = (event: WatchEvent) => {
        sawEvent = true;
        expiredInARow = 0;
        resourceVersion = event.object.metadata?.resourceVersion ?? resourceVersion;
        if (event.type === 'BOOKMARK' || !wanted(event.object)) return;
        const key = keyOf(event.object);
        // Named by what we knew: a filtered watch may call a change of a known object ADDED.
        const type = event.type === 'DELETED' ? 'DELETED' : cache.has(key) ? 'MODIFIED' : 'ADDED';
        if (type === 'DELETED') cache.delete(key);
        else cache.set(key, event.object);
        emit(type, event.object);
      };
      await watchUntilEnd(client, { ...base, resourceVersion }, onEvent, signal);
      if (sawEvent || Date.now() - started >= (options.minWatchMs ?? 1_000)) backoff.reset();
      else await pause(backoff.next(), signal);
    } catch (error) {
      if (error instanceof ClusterError && error.code === 'CLUSTER_EXPIRED') {
        // List again at once; only a server that keeps answering 410 gets a pause.
        resourceVersion = undefined;
        if (expiredInARow++ > 0) await pause(backoff.next(), signal);
        continue;
      }
      options.onError?.(error, stream.queries[0]!.query);
      await pause(backoff.next(), signal);
    }
  }
}

/** One watch, stopped when the signal aborts; settles when the watch ends. */
async function watchUntilEnd(client: ClusterClient, options: WatchOptions, onEvent: (event: WatchEvent) => void, signal: AbortSignal): Promise<void> {
  const handle = await client.watch(options, onEvent);
  const stop = () => handle.stop();
  signal.addEventListener('abort', stop, { once: true });
  if (signal.aborted) stop();
  try {
    await handle.done;
  } finally {
    signal.removeEventListener('abort', stop);
  }
}

function keyOf(object: KubeObject): string {
  return object.metadata.uid ?? `${object.metadata.namespace ?? ''}/${object.metadata.name}`;
}

/** Sleeps, but wakes at once when the signal aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
