/**
 * One watch request on client-node's Watch: events go to the caller; an
 * `ERROR` event (a Status object, e.g. 410 Gone when the resourceVersion is
 * too old) ends the watch with that error.
 */
import { Watch, type KubeConfig } from '@kubernetes/client-node';
import { statusObjectError } from './errors.js';
import type { ClusterError, KubeObject, WatchEvent, WatchEventType, WatchHandle } from './types.js';

export interface WatchRequest {
  kubeconfig: KubeConfig;
  cluster: string;
  path: string;
  params: Record<string, string | undefined>;
  /** Fills apiVersion/kind, which some servers leave out of watch events. */
  apiVersion: string;
  kind: string;
  toError: (error: unknown) => ClusterError;
}

const EVENT_TYPES = new Set<string>(['ADDED', 'MODIFIED', 'DELETED', 'BOOKMARK']);

/** Starts a watch; rejects when it cannot be opened (unreachable, 403, 410…). */
export async function startWatch(request: WatchRequest, onEvent: (event: WatchEvent) => void): Promise<WatchHandle & { readonly settled: boolean }> {
  let stopped = false;
  let settled = false;
  // Set once the request is open; `finish` may run before that (a refused connection).
  const open: { controller?: AbortController } = {};
  let resolveDone!: () => void;
  let rejectDone!: (error: unknown) => void;
  const done = new Promise<void>((resolve, reject) => {
    resolveDone = resolve;
    rejectDone = reject;
  });
  // Callers may only look at `done` later (or never): that must not be an unhandled rejection.
  done.catch(() => undefined);
  let starting = true;
  let startError: unknown;
  const finish = (error?: unknown) => {
    if (settled) return;
    settled = true;
    open.controller?.abort();
    if (!error || stopped) return resolveDone();
    if (starting) startError = error;
    rejectDone(error);
  };

  const onLine = (type: string, object: unknown) => {
    if (settled) return;
    if (type === 'ERROR') return finish(statusObjectError(object, request.cluster));
    if (!EVENT_TYPES.has(type) || !object || typeof object !== 'object') return;
    const obj = object as KubeObject;
    obj.apiVersion ??= request.apiVersion;
    obj.kind ??= request.kind;
    try {
      onEvent({ type: type as WatchEventType, object: obj });
    } catch (error) {
      // A failing handler ends the watch with its error rather than escaping into the stream's emitter.
      finish(error);
    }
  };
  const onDone = (error: unknown) => finish(error ? request.toError(error) : undefined);

  const params = Object.fromEntries(Object.entries(request.params).filter(([, v]) => v !== undefined)) as Record<string, string>;
  open.controller = await new Watch(request.kubeconfig).watch(request.path, params, onLine, onDone);
  starting = false;
  if (startError) throw startError;
  return {
    stop() {
      stopped = true;
      finish();
    },
    done,
    get settled() {
      return settled;
    },
  };
}
