/**
 * ClusterClient on @kubernetes/client-node: the one code path for real
 * clusters and the simulated fleet. Every request is counted by verb, bounded
 * by a timeout, retried when safe (retry.ts) and fails as a ClusterError.
 */
import { createConfiguration, ServerConfiguration, type KubeConfig, type RequestContext, type ResponseContext } from '@kubernetes/client-node';
import { apiVersionOf, collectionPath, fetchDiscovery } from './discovery.js';
import { toClusterError } from './errors.js';
import { loadKubeConfig, selectContext, type KubeConfigSource } from './kubeconfig.js';
import { RawObjectApi } from './object-api.js';
import { sameLiveObject } from './object-hash.js';
import { DEFAULT_RETRY_POLICY, withRetry, type RetryClock, type RetryPolicy } from './retry.js';
import { startWatch } from './watch-stream.js';
import {
  ClusterError,
  type ApplyOptions,
  type ApplyResult,
  type ClusterClient,
  type DeletePropagation,
  type Discovery,
  type KubeObject,
  type ListOptions,
  type ListResult,
  type ObjectRef,
  type RequestStats,
  type ResourceInfo,
  type WatchEvent,
  type WatchHandle,
  type WatchOptions,
} from './types.js';

export const DEFAULT_FIELD_MANAGER = 'harbormaster';

export interface KubeClientOptions {
  /** The cluster's name in the estate (used in errors). */
  cluster: string;
  kubeconfig: KubeConfigSource;
  context: string;
  retry?: Partial<RetryPolicy>;
  clock?: RetryClock;
}

type Verb = Exclude<keyof RequestStats, 'retries'>;

export function createKubeClient(options: KubeClientOptions): ClusterClient {
  return new KubeClusterClient(options);
}

class KubeClusterClient implements ClusterClient {
  readonly cluster: string;
  private readonly kubeconfig: KubeConfig;
  private readonly api: RawObjectApi;
  private readonly policy: RetryPolicy;
  private readonly counts: RequestStats = { get: 0, list: 0, watch: 0, patch: 0, post: 0, put: 0, delete: 0, retries: 0 };
  private readonly watches = new Set<WatchHandle>();
  private discovery: Promise<Discovery> | undefined;
  private served: Discovery | undefined;

  constructor(private readonly options: KubeClientOptions) {
    this.cluster = options.cluster;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.kubeconfig = selectContext(loadKubeConfig(options.kubeconfig, options.cluster), options.context, options.cluster);
    const server = this.kubeconfig.getCurrentCluster()!.server;
    const timeoutMs = this.policy.timeoutMs;
    this.api = new RawObjectApi(
      createConfiguration({
        baseServer: new ServerConfiguration(server, {}),
        authMethods: { default: this.kubeconfig },
        promiseMiddleware: [
          {
            pre: async (context: RequestContext) => (context.setSignal(AbortSignal.timeout(timeoutMs)), context),
            post: async (response: ResponseContext) => response,
          },
        ],
      }),
    );
    this.api.useContextNamespace(this.kubeconfig);
    this.api.resolver = (apiVersion, kind) => this.served?.lookup(apiVersion, kind);
  }

  discover(options: { refresh?: boolean } = {}): Promise<Discovery> {
    if (!this.discovery || options.refresh) {
      const attempt: Promise<Discovery> = fetchDiscovery((path) => this.call('get', undefined, () => this.api.getJson(path))).then(
        (d) => (this.served = d),
        (error: unknown) => {
          // A failed load is not cached: the next call tries again (keeping the last good answer, if any).
          if (this.discovery === attempt) this.discovery = this.served && Promise.resolve(this.served);
          throw toClusterError(error, this.cluster);
        },
      );
      this.discovery = attempt;
      attempt.catch(() => undefined);
    }
    return this.discovery;
  }

  async get(ref: ObjectRef): Promise<KubeObject | undefined> {
    await this.resolve(ref);
    try {
      return await this.call('get', ref, () => this.api.readObject(ref));
    } catch (error) {
      if (error instanceof ClusterError && error.code === 'CLUSTER_NOT_FOUND') return undefined;
      throw error;
    }
  }

  async list(options: ListOptions): Promise<ListResult> {
    const ref = { apiVersion: options.apiVersion, kind: options.kind, name: '', namespace: options.namespace };
    await this.resolve(ref);
    const body = (await this.call('list', ref, () =>
      this.api.listObjects(options.apiVersion, options.kind, options.namespace, options.fieldSelector, options.labelSelector),
    )) as { items?: KubeObject[]; metadata?: { resourceVersion?: string } };
    // List items come without apiVersion and kind; the list's type says what they are.
    const items = (body.items ?? []).map((item) => ({ ...item, apiVersion: item.apiVersion ?? options.apiVersion, kind: item.kind ?? options.kind }));
    return { items, resourceVersion: body.metadata?.resourceVersion ?? '' };
  }

  async apply(object: KubeObject, options: ApplyOptions = {}): Promise<ApplyResult> {
    const ref = refOf(object);
    if (!ref.name) throw new ClusterError('CLUSTER_INVALID', `${this.cluster}: a ${object.kind} without metadata.name cannot be applied`, this.cluster, { ref });
    await this.resolve(ref);
    // The live object tells configured from unchanged (the server keeps resourceVersion on a no-op); the caller may
    // know it from a listing. Creation is the server's 201; an object it had without our knowledge counts as changed.
    const live = options.live !== undefined ? (options.live ?? undefined) : await this.get(ref);
    const flags = { fieldManager: options.fieldManager ?? DEFAULT_FIELD_MANAGER, force: options.force === true, dryRun: options.dryRun === true };
    const response = await this.call('patch', ref, () => this.api.applyObject(object, flags));
    const result = response.body as KubeObject;
    const created = response.status === 201 || (live === undefined && options.live === undefined);
    const changed = created || live === undefined || (flags.dryRun ? !sameLiveObject(live, result) : live.metadata.resourceVersion !== result.metadata?.resourceVersion);
    return { object: result, created, changed };
  }

  async delete(ref: ObjectRef, options: { propagation?: DeletePropagation } = {}): Promise<boolean> {
    await this.resolve(ref);
    try {
      await this.call('delete', ref, () => this.api.deleteObject(ref, options.propagation ?? 'Background'));
      return true;
    } catch (error) {
      if (error instanceof ClusterError && error.code === 'CLUSTER_NOT_FOUND') return false;
      throw error;
    }
  }

  async watch(options: WatchOptions, onEvent: (event: WatchEvent) => void): Promise<WatchHandle> {
    const ref = { apiVersion: options.apiVersion, kind: options.kind, name: '', namespace: options.namespace };
    const info = await this.resolve(ref);
    this.counts.watch++;
    const params = {
      labelSelector: options.labelSelector,
      fieldSelector: options.fieldSelector,
      resourceVersion: options.resourceVersion,
      allowWatchBookmarks: 'true',
    };
    const request = { kubeconfig: this.kubeconfig, cluster: this.cluster, path: collectionPath(info, options.namespace), params, apiVersion: apiVersionOf(info), kind: info.kind };
    const handle = await startWatch({ ...request, toError: (e) => toClusterError(e, this.cluster, ref) }, onEvent);
    this.watches.add(handle);
    void handle.done.then(
      () => this.watches.delete(handle),
      () => this.watches.delete(handle),
    );
    return handle;
  }

  stats(): RequestStats {
    return { ...this.counts };
  }

  close(): void {
    for (const handle of this.watches) handle.stop();
    this.watches.clear();
  }

  private async resolve(ref: ObjectRef): Promise<ResourceInfo> {
    // A miss in the cached discovery may be stale (a CRD applied since): look once more before giving up.
    const info = (await this.discover()).lookup(ref.apiVersion, ref.kind) ?? (await this.discover({ refresh: true })).lookup(ref.apiVersion, ref.kind);
    if (!info) {
      throw new ClusterError('CLUSTER_UNKNOWN_KIND', `${this.cluster}: the server does not serve ${ref.kind} in ${ref.apiVersion}`, this.cluster, {
        ref,
        hint: 'apply its CustomResourceDefinition first, or check apiVersion',
      });
    }
    return info;
  }

  /** One request, counted per attempt, retried when the failure allows it. */
  private call<T>(verb: Verb, ref: ObjectRef | undefined, send: () => Promise<T>): Promise<T> {
    const attempt = async () => {
      this.counts[verb]++;
      try {
        return await send();
      } catch (error) {
        throw toClusterError(error, this.cluster, ref);
      }
    };
    return withRetry(attempt, { policy: this.policy, clock: this.options.clock, idempotent: true, onRetry: () => this.counts.retries++ });
  }
}

function refOf(object: KubeObject): ObjectRef {
  return { apiVersion: object.apiVersion, kind: object.kind, name: object.metadata?.name, namespace: object.metadata?.namespace };
}
