/**
 * An in-memory ClusterClient for fast executor tests: a store with
 * resourceVersions and generations, watches that replay from a
 * resourceVersion, label-selector lists (enough for ApplySet pruning), and a
 * tiny Deployment controller that creates a ReplicaSet and pods per template
 * and makes them ready after `readyAfterMs` — or fails them the way the
 * simulated fleet does (image tag `doesnotexist` → ImagePullBackOff, env
 * SIM_CRASH=1 → CrashLoopBackOff). Faults: `unreachable`, `failApply`.
 */
import { createHash } from 'node:crypto';
import {
  ClusterError,
  groupOf,
  objectKey,
  type ApplyResult,
  type ClusterClient,
  type Discovery,
  type KubeObject,
  type ListOptions,
  type RequestStats,
  type ResourceInfo,
  type WatchEvent,
  type WatchHandle,
  type WatchOptions,
} from '../../src/cluster/types.js';

const KINDS: ResourceInfo[] = [
  info('', 'v1', 'Namespace', 'namespaces', false),
  info('', 'v1', 'ConfigMap', 'configmaps', true),
  info('', 'v1', 'Secret', 'secrets', true),
  info('', 'v1', 'Service', 'services', true),
  info('', 'v1', 'Pod', 'pods', true),
  info('', 'v1', 'ServiceAccount', 'serviceaccounts', true),
  info('apps', 'v1', 'Deployment', 'deployments', true),
  info('apps', 'v1', 'ReplicaSet', 'replicasets', true),
];

function info(group: string, version: string, kind: string, resource: string, namespaced: boolean): ResourceInfo {
  return { group, version, kind, resource, namespaced, verbs: ['get', 'list', 'watch', 'patch', 'delete', 'create'] };
}

export interface FakeWorkload {
  /** From a Deployment's new template to its pods being ready (or failing). Default 5 ms. */
  readyAfterMs?: number;
}

interface Watcher {
  options: WatchOptions;
  onEvent(event: WatchEvent): void;
  end(error?: unknown): void;
}

export class FakeCluster {
  private readonly store = new Map<string, KubeObject>();
  private readonly history: { rv: number; event: WatchEvent }[] = [];
  private readonly watchers = new Set<Watcher>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private rv = 0;
  private ip = 0;
  readonly stats: RequestStats = { get: 0, list: 0, watch: 0, patch: 0, post: 0, put: 0, delete: 0, retries: 0 };
  /** objectKey of every object written by apply, in order. */
  readonly applied: string[] = [];
  /** Throws this from every call while set; open watches end with it. */
  private down: ClusterError | undefined;
  /** Refuse some applies (a ClusterError) — e.g. an invalid object. */
  failApply?: (object: KubeObject) => ClusterError | undefined;

  constructor(
    readonly name: string,
    public workload: FakeWorkload = {},
  ) {}

  client(): ClusterClient {
    return new FakeClient(this);
  }

  /** Live objects (excluding pods and ReplicaSets the controller made), sorted by key. */
  objects(): KubeObject[] {
    return [...this.store.values()].filter((o) => o.kind !== 'Pod' && o.kind !== 'ReplicaSet').sort((a, b) => (objectKey(a) < objectKey(b) ? -1 : 1));
  }

  object(apiVersion: string, kind: string, name: string, namespace?: string): KubeObject | undefined {
    return this.store.get(objectKey({ apiVersion, kind, name, namespace }));
  }

  get writes(): number {
    return this.stats.patch + this.stats.delete;
  }

  unreachable(): void {
    this.down = new ClusterError('CLUSTER_UNREACHABLE', `${this.name}: cannot reach the API server (ECONNREFUSED)`, this.name, { retryable: true });
    for (const w of [...this.watchers]) w.end(this.down);
  }

  reachable(): void {
    this.down = undefined;
  }

  /** Turns every pod of a Deployment into a crash loop (a regression during the bake). */
  crash(namespace: string, deployment: string): void {
    for (const pod of [...this.store.values()].filter((o) => o.kind === 'Pod' && o.metadata.namespace === namespace && o.metadata.name.startsWith(`${deployment}-`))) {
      this.put({ ...pod, status: podStatus('CrashLoopBackOff') });
    }
  }

  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    for (const w of [...this.watchers]) w.end();
  }

  // --- used by FakeClient ---

  check(): void {
    if (this.down) throw this.down;
  }

  lookup(apiVersion: string, kind: string): ResourceInfo | undefined {
    return KINDS.find((k) => k.kind === kind && (k.group ? `${k.group}/${k.version}` : k.version) === apiVersion);
  }

  getObject(key: string): KubeObject | undefined {
    return this.store.get(key);
  }

  list(options: ListOptions): { items: KubeObject[]; resourceVersion: string } {
    return { items: [...this.store.values()].filter((o) => matches(o, options)), resourceVersion: String(this.rv) };
  }

  apply(object: KubeObject): ApplyResult {
    const refused = this.failApply?.(object);
    if (refused) throw refused;
    if (!this.lookup(object.apiVersion, object.kind)) throw new ClusterError('CLUSTER_UNKNOWN_KIND', `${this.name}: no ${object.kind}`, this.name);
    const key = objectKey(object);
    const before = this.store.get(key);
    const { specChanged, metaChanged } = changes(before, object);
    this.applied.push(key);
    if (before && !specChanged && !metaChanged) return { object: before, created: false, changed: false };
    const next = this.nextVersion(before, object, specChanged);
    const stored = this.put(next);
    if (object.kind === 'Deployment' && specChanged) this.reconcileDeployment(stored);
    return { object: stored, created: !before, changed: true };
  }

  /** The object as stored: our identity fields kept, status kept (SSA never writes it), a cluster IP for Services. */
  private nextVersion(before: KubeObject | undefined, object: KubeObject, specChanged: boolean): KubeObject {
    const generation = (before?.metadata.generation ?? 0) + (specChanged ? 1 : 0);
    const uid = before?.metadata.uid ?? `uid-${this.name}-${objectKey(object)}`;
    const next: KubeObject = { ...structuredClone(object), metadata: { ...structuredClone(object.metadata), uid, generation } };
    if (before?.status !== undefined) next.status = before.status;
    if (object.kind === 'Service') next.spec = { ...(object.spec as object), clusterIP: `10.0.0.${++this.ip}` };
    return next;
  }

  delete(key: string): boolean {
    const before = this.store.get(key);
    if (!before) return false;
    this.store.delete(key);
    this.publish({ type: 'DELETED', object: before });
    for (const child of this.owned(before)) this.delete(objectKey(child));
    return true;
  }

  /** Objects whose controller is `owner` (garbage collection follows these). */
  private owned(owner: KubeObject): KubeObject[] {
    return [...this.store.values()].filter((o) => o.metadata.ownerReferences?.some((r) => r.controller && r.uid === owner.metadata.uid));
  }

  watch(options: WatchOptions, onEvent: (event: WatchEvent) => void): WatchHandle {
    let settle!: { resolve: () => void; reject: (e: unknown) => void };
    const done = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
    done.catch(() => undefined);
    const watcher: Watcher = {
      options,
      onEvent,
      end: (error) => {
        if (!this.watchers.delete(watcher)) return;
        if (error) settle.reject(error);
        else settle.resolve();
      },
    };
    const since = options.resourceVersion === undefined ? undefined : Number(options.resourceVersion);
    if (since === undefined) {
      for (const o of this.store.values()) if (matches(o, options)) onEvent({ type: 'ADDED', object: o });
    } else {
      for (const h of this.history) if (h.rv > since && matches(h.event.object, options)) onEvent(h.event);
    }
    this.watchers.add(watcher);
    return { stop: () => watcher.end(), done };
  }

  private put(object: KubeObject): KubeObject {
    const key = objectKey(object);
    const existed = this.store.has(key);
    const stored = { ...object, metadata: { ...object.metadata, resourceVersion: String(++this.rv) } };
    this.store.set(key, stored);
    this.publish({ type: existed ? 'MODIFIED' : 'ADDED', object: stored });
    return stored;
  }

  private publish(event: WatchEvent): void {
    this.history.push({ rv: this.rv, event });
    for (const w of [...this.watchers]) if (matches(event.object, w.options)) w.onEvent(event);
  }

  private later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  }

  /** The deployment controller and kubelet in one: new ReplicaSet and pods now, ready (or failing) after readyAfterMs. */
  private reconcileDeployment(deployment: KubeObject): void {
    const ns = deployment.metadata.namespace!;
    const spec = deployment.spec as { replicas?: number; template: { metadata?: { labels?: Record<string, string> }; spec: { containers: { name: string; image: string; env?: { name: string; value: string }[] }[] } } };
    const replicas = spec.replicas ?? 1;
    const hash = createHash('sha256').update(canonical(spec.template)).digest('hex').slice(0, 10);
    const rsName = `${deployment.metadata.name}-${hash}`;
    const owner = (o: KubeObject) => [{ apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, uid: o.metadata.uid!, controller: true }];
    for (const old of this.owned(deployment)) if (old.metadata.name !== rsName) this.delete(objectKey(old));
    const template = { ...spec.template, metadata: { ...spec.template.metadata, labels: { ...spec.template.metadata?.labels, 'pod-template-hash': hash } } };
    const rs = this.put({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: rsName, namespace: ns, uid: `uid-${rsName}`, labels: template.metadata.labels, ownerReferences: owner(deployment) }, spec: { replicas, template }, status: { replicas } });
    for (let i = 0; i < replicas; i++) {
      this.put({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `${rsName}-${i}`, namespace: ns, uid: `uid-${rsName}-${i}`, labels: template.metadata.labels, ownerReferences: owner(rs) }, spec: template.spec, status: { phase: 'Pending' } });
    }
    const generation = deployment.metadata.generation;
    this.setStatus(deployment, { observedGeneration: generation, replicas, updatedReplicas: replicas, readyReplicas: 0, availableReplicas: 0, conditions: [{ type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated' }] });
    const container = spec.template.spec.containers[0]!;
    const fault = container.image.endsWith(':doesnotexist') ? 'ImagePullBackOff' : container.env?.some((e) => e.name === 'SIM_CRASH' && e.value === '1') ? 'CrashLoopBackOff' : undefined;
    this.later(this.workload.readyAfterMs ?? 5, () => {
      const current = this.store.get(objectKey(deployment));
      if (!current || current.metadata.generation !== generation) return;
      for (let i = 0; i < replicas; i++) {
        const pod = this.store.get(objectKey({ apiVersion: 'v1', kind: 'Pod', name: `${rsName}-${i}`, namespace: ns }));
        if (pod) this.put({ ...pod, status: podStatus(fault) });
      }
      if (fault) return;
      this.put({ ...rs, metadata: { ...this.store.get(objectKey(rs))!.metadata }, status: { replicas, readyReplicas: replicas, availableReplicas: replicas } });
      this.setStatus(current, {
        observedGeneration: generation, replicas, updatedReplicas: replicas, readyReplicas: replicas, availableReplicas: replicas,
        conditions: [{ type: 'Available', status: 'True' }, { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' }],
      });
    });
  }

  private setStatus(object: KubeObject, status: Record<string, unknown>): void {
    const current = this.store.get(objectKey(object));
    if (current) this.put({ ...current, status });
  }
}

function podStatus(fault: string | undefined): Record<string, unknown> {
  if (fault) return { phase: 'Pending', containerStatuses: [{ name: 'app', ready: false, restartCount: 3, state: { waiting: { reason: fault, message: `fake ${fault}` } } }] };
  return { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [{ name: 'app', ready: true, restartCount: 0, state: { running: {} } }] };
}

class FakeClient implements ClusterClient {
  readonly cluster: string;
  private readonly handles = new Set<WatchHandle>();
  constructor(private readonly fake: FakeCluster) {
    this.cluster = fake.name;
  }

  async discover(): Promise<Discovery> {
    this.fake.check();
    return { lookup: (apiVersion, kind) => this.fake.lookup(apiVersion, kind), all: () => [...KINDS] };
  }
  async get(ref: Parameters<ClusterClient['get']>[0]): Promise<KubeObject | undefined> {
    this.fake.check();
    this.fake.stats.get++;
    return this.fake.getObject(objectKey(ref));
  }
  async list(options: ListOptions) {
    this.fake.check();
    this.fake.stats.list++;
    return this.fake.list(options);
  }
  async apply(object: KubeObject): Promise<ApplyResult> {
    await Promise.resolve();
    this.fake.check();
    this.fake.stats.patch++;
    return this.fake.apply(object);
  }
  async delete(ref: Parameters<ClusterClient['delete']>[0]): Promise<boolean> {
    this.fake.check();
    this.fake.stats.delete++;
    return this.fake.delete(objectKey(ref));
  }
  async watch(options: WatchOptions, onEvent: (event: WatchEvent) => void): Promise<WatchHandle> {
    this.fake.check();
    this.fake.stats.watch++;
    const handle = this.fake.watch(options, onEvent);
    this.handles.add(handle);
    return handle;
  }
  stats(): RequestStats {
    return { ...this.fake.stats };
  }
  close(): void {
    for (const h of this.handles) h.stop();
  }
}

function matches(object: KubeObject, options: ListOptions): boolean {
  if (object.kind !== options.kind || groupOf(object.apiVersion) !== groupOf(options.apiVersion)) return false;
  if (options.namespace !== undefined && object.metadata.namespace !== options.namespace) return false;
  if (!options.labelSelector) return true;
  return options.labelSelector.split(',').every((term) => {
    const [k, v] = term.split('=');
    return object.metadata.labels?.[k!] === v;
  });
}

function changes(before: KubeObject | undefined, object: KubeObject): { specChanged: boolean; metaChanged: boolean } {
  if (!before) return { specChanged: true, metaChanged: true };
  const meta = (o: KubeObject) => canonical([o.metadata.labels, o.metadata.annotations]);
  return { specChanged: canonical(strip(before)) !== canonical(strip(object)), metaChanged: meta(before) !== meta(object) };
}

function strip(object: KubeObject): unknown {
  const { metadata: _m, status: _s, ...rest } = object;
  return rest;
}

function canonical(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record).sort().filter((k) => record[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`).join(',')}}`;
}
