/**
 * WATCH: newline-delimited JSON events over a chunked response that stays
 * open. Without a resourceVersion (or with "0") the watch starts with a
 * synthetic ADDED per existing object; with one, it replays the store's
 * history after it, or sends a 410 Expired ERROR event and closes when that
 * history is gone. With selectors, an object that stops matching is sent as
 * DELETED and one that starts matching as ADDED, as the API server does.
 * BOOKMARK events go out periodically to watches that allow them.
 */
import type { ServerResponse } from 'node:http';
import type { KubeObject } from '../types.js';
import { groupVersionOf, requireScope, served, type ResourceRequest } from './request.js';
import { MATCH_ALL, requestSelector, type Selector } from './selectors.js';
import { ApiError, badRequest } from './status-errors.js';
import type { StoreEvent } from './store.js';

interface ActiveWatch {
  bookmarks: boolean;
  request: ResourceRequest;
  write(line: unknown): void;
  close(): void;
}

/** The open watches of one server, with the bookmark timer they share. */
export class WatchHub {
  readonly #watches = new Set<ActiveWatch>();
  #timer: NodeJS.Timeout | undefined;

  constructor(private readonly bookmarkIntervalMs: number) {}

  get size(): number {
    return this.#watches.size;
  }

  add(watch: ActiveWatch): void {
    this.#watches.add(watch);
    if (!this.#timer && this.bookmarkIntervalMs > 0) {
      this.#timer = setInterval(() => this.#bookmark(), this.bookmarkIntervalMs);
      this.#timer.unref();
    }
  }

  remove(watch: ActiveWatch): void {
    this.#watches.delete(watch);
    if (this.#watches.size === 0 && this.#timer) {
      clearInterval(this.#timer);
      this.#timer = undefined;
    }
  }

  /** Ends every watch cleanly (the client sees the stream end). */
  closeAll(): void {
    for (const watch of [...this.#watches]) watch.close();
  }

  #bookmark(): void {
    for (const watch of this.#watches) {
      if (!watch.bookmarks) continue;
      const { resource, store } = watch.request;
      watch.write({ type: 'BOOKMARK', object: { kind: resource.kind, apiVersion: groupVersionOf(resource), metadata: { resourceVersion: String(store.resourceVersion) } } });
    }
  }
}

function expired(requested: string, current: number): unknown {
  const error = new ApiError('Expired', `too old resource version: ${requested} (${current})`);
  return { type: 'ERROR', object: error.toStatus() };
}

/** Which store events a watch is about: its kind, namespace (if any) and name (if any). */
function watchScope(request: ResourceRequest): (object: KubeObject) => boolean {
  const { resource } = request;
  const namespace = resource.namespaced ? request.namespace : undefined;
  const name = request.name;
  return (object) =>
    object.kind === resource.kind &&
    groupOf(object) === resource.group &&
    (namespace === undefined || object.metadata.namespace === namespace) &&
    (name === undefined || object.metadata.name === name);
}

export function startWatch(request: ResourceRequest, res: ServerResponse, hub: WatchHub): void {
  requireScope(request, true);
  const { resource, store } = request;
  const selector = requestSelector(request.query);
  const rvParam = request.query.get('resourceVersion') ?? '';
  const fromNow = rvParam === '' || rvParam === '0';
  if (!fromNow && !/^\d+$/.test(rvParam)) throw badRequest(`invalid resource version: ${rvParam}`);
  const replay = fromNow ? [] : store.eventsSince(Number(rvParam));
  const write = openStream(res);
  if (!replay) {
    write(expired(rvParam, store.resourceVersion));
    res.end();
    return;
  }

  const inScope = watchScope(request);
  const send = makeSender(selector, (type, object) => write({ type, object: served(object, resource) }));
  if (fromNow) {
    for (const object of store.list(resource.group, resource.kind, resource.namespaced ? request.namespace : undefined)) if (inScope(object)) send({ type: 'ADDED', object });
  } else {
    for (const event of replay) if (inScope(event.object)) send(event);
  }
  const unsubscribe = store.subscribe((event) => {
    if (inScope(event.object)) send(event);
  });
  keepOpen(request, res, hub, write, unsubscribe);
}

/** Registers the open watch with the hub; ends it on client close, server close or `timeoutSeconds`. */
function keepOpen(request: ResourceRequest, res: ServerResponse, hub: WatchHub, write: (line: unknown) => void, unsubscribe: () => void): void {
  let timeout: NodeJS.Timeout | undefined;
  const watch: ActiveWatch = {
    bookmarks: request.query.get('allowWatchBookmarks') === 'true',
    request,
    write,
    close: () => {
      cleanup();
      if (!res.writableEnded) res.end();
    },
  };
  const cleanup = () => {
    unsubscribe();
    if (timeout) clearTimeout(timeout);
    hub.remove(watch);
  };
  const seconds = Number(request.query.get('timeoutSeconds') ?? '0');
  if (seconds > 0) timeout = setTimeout(() => watch.close(), seconds * 1000);
  res.on('close', cleanup);
  hub.add(watch);
}

/** Sends the 200 and chunked headers now (clients wait for them), and returns the line writer. */
function openStream(res: ServerResponse): (line: unknown) => void {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', 'Cache-Control': 'no-cache, private' });
  res.flushHeaders();
  return (line) => {
    if (!res.writableEnded && !res.destroyed) res.write(JSON.stringify(line) + '\n');
  };
}

function groupOf(object: KubeObject): string {
  const slash = object.apiVersion.indexOf('/');
  return slash < 0 ? '' : object.apiVersion.slice(0, slash);
}

/**
 * Applies the selector to events, tracking which objects matched so that
 * leaving the selection is reported as DELETED and entering it as ADDED.
 * (A watch resumed from a resourceVersion does not know what matched then;
 * an object modified into view is sent as ADDED, which caches treat alike.)
 */
function makeSender(selector: Selector, emit: (type: StoreEvent['type'], object: KubeObject) => void): (event: StoreEvent) => void {
  if (selector === MATCH_ALL) return (event) => emit(event.type, event.object);
  const matched = new Set<string>();
  const send = (event: StoreEvent) => {
    const uid = event.object.metadata.uid ?? event.object.metadata.name;
    const was = matched.has(uid);
    const is = event.type !== 'DELETED' && selector(event.object);
    if (event.type === 'DELETED') {
      if (was || selector(event.object)) emit('DELETED', event.object);
      matched.delete(uid);
    } else if (is) {
      matched.add(uid);
      emit(was && event.type === 'MODIFIED' ? 'MODIFIED' : 'ADDED', event.object);
    } else if (was) {
      matched.delete(uid);
      emit('DELETED', event.object);
    }
  };
  return send;
}
