/**
 * An in-memory ClusterClient for unit tests of the apply logic: a store keyed
 * by objectKey, discovery from a table (CRDs add their kind after a number of
 * refreshes), every call recorded, and failures injectable per object.
 */
import { buildDiscovery, type ApiResourceList } from '../../src/cluster/discovery.js';
import { canonicalJson } from '../../src/cluster/object-hash.js';
import {
  ClusterError,
  objectKey,
  type ApplyOptions,
  type ApplyResult,
  type ClusterClient,
  type Discovery,
  type KubeObject,
  type ListOptions,
  type ListResult,
  type ObjectRef,
  type RequestStats,
  type WatchHandle,
} from '../../src/cluster/types.js';

const BUILTIN: ApiResourceList[] = [
  {
    groupVersion: 'v1',
    resources: [
      { name: 'namespaces', kind: 'Namespace', namespaced: false },
      { name: 'configmaps', kind: 'ConfigMap', namespaced: true },
      { name: 'secrets', kind: 'Secret', namespaced: true },
      { name: 'services', kind: 'Service', namespaced: true },
      { name: 'serviceaccounts', kind: 'ServiceAccount', namespaced: true },
    ],
  },
  { groupVersion: 'apps/v1', resources: [{ name: 'deployments', kind: 'Deployment', namespaced: true }] },
  { groupVersion: 'rbac.authorization.k8s.io/v1', resources: [{ name: 'clusterroles', kind: 'ClusterRole', namespaced: false }] },
  { groupVersion: 'apiextensions.k8s.io/v1', resources: [{ name: 'customresourcedefinitions', kind: 'CustomResourceDefinition', namespaced: false }] },
];

export interface Call {
  verb: 'get' | 'list' | 'patch' | 'delete' | 'discover';
  key: string;
  fieldManager?: string;
  labelSelector?: string;
}

export class MemoryClient implements ClusterClient {
  readonly cluster = 'mem';
  readonly objects = new Map<string, KubeObject>();
  readonly calls: Call[] = [];
  /** objectKey → error thrown by apply (once per apply). */
  readonly failApply = new Map<string, ClusterError>();
  /** `apiVersion/kind` whose cluster-wide LIST is forbidden (an identity allowed only into some namespaces). */
  readonly forbidClusterWideList = new Set<string>();
  /** Refreshes of discovery before an applied CRD's kind is served. */
  crdDelay = 0;
  private readonly extraLists: ApiResourceList[] = [];
  private readonly pendingCrds: { list: ApiResourceList; after: number }[] = [];
  private refreshes = 0;
  private version = 1;
  private readonly counts: RequestStats = { get: 0, list: 0, watch: 0, patch: 0, post: 0, put: 0, delete: 0, retries: 0 };

  seed(...objects: KubeObject[]): void {
    for (const o of objects) this.objects.set(objectKey(o), { ...o, metadata: { ...o.metadata, resourceVersion: String(this.version++) } });
  }

  async discover(options: { refresh?: boolean } = {}): Promise<Discovery> {
    this.calls.push({ verb: 'discover', key: options.refresh ? 'refresh' : '' });
    if (options.refresh) this.refreshes++;
    return this.served();
  }

  private served(): Discovery {
    for (const p of this.pendingCrds.filter((p) => p.after <= this.refreshes)) {
      this.extraLists.push(p.list);
      this.pendingCrds.splice(this.pendingCrds.indexOf(p), 1);
    }
    return buildDiscovery([...BUILTIN, ...this.extraLists]);
  }

  async get(ref: ObjectRef): Promise<KubeObject | undefined> {
    this.counts.get++;
    this.calls.push({ verb: 'get', key: objectKey(ref) });
    return this.objects.get(objectKey(ref));
  }

  async list(options: ListOptions): Promise<ListResult> {
    this.counts.list++;
    this.calls.push({ verb: 'list', key: `${options.apiVersion}/${options.kind}/${options.namespace ?? ''}`, labelSelector: options.labelSelector });
    if (options.namespace === undefined && this.forbidClusterWideList.has(`${options.apiVersion}/${options.kind}`)) {
      throw new ClusterError('CLUSTER_FORBIDDEN', `${options.kind.toLowerCase()}s is forbidden at the cluster scope`, this.cluster);
    }
    const [labelKey, labelValue] = (options.labelSelector ?? '=').split('=');
    const items = [...this.objects.values()].filter(
      (o) =>
        o.kind === options.kind &&
        o.apiVersion.split('/').slice(0, -1).join('/') === options.apiVersion.split('/').slice(0, -1).join('/') &&
        (options.namespace === undefined || o.metadata.namespace === options.namespace) &&
        (!labelKey || o.metadata.labels?.[labelKey] === labelValue),
    );
    return { items, resourceVersion: String(this.version) };
  }

  async apply(object: KubeObject, options: ApplyOptions = {}): Promise<ApplyResult> {
    const key = objectKey(object);
    this.counts.patch++;
    this.calls.push({ verb: 'patch', key, fieldManager: options.fieldManager });
    const failure = this.failApply.get(key);
    if (failure) throw failure;
    if (!this.served().lookup(object.apiVersion, object.kind)) throw new ClusterError('CLUSTER_UNKNOWN_KIND', `unknown ${object.kind}`, this.cluster);
    const live = this.objects.get(key);
    const { resourceVersion: _rv, ...liveMeta } = live?.metadata ?? { name: '' };
    const same = live && canonicalJson({ ...live, metadata: liveMeta }) === canonicalJson(object);
    if (options.dryRun) return { object, created: !live, changed: !same };
    if (same) return { object: live, created: false, changed: false };
    const stored = { ...object, metadata: { ...object.metadata, resourceVersion: String(this.version++) } };
    this.objects.set(key, stored);
    if (object.kind === 'CustomResourceDefinition') this.defineCrd(object);
    return { object: stored, created: !live, changed: true };
  }

  async delete(ref: ObjectRef): Promise<boolean> {
    this.counts.delete++;
    this.calls.push({ verb: 'delete', key: objectKey(ref) });
    return this.objects.delete(objectKey(ref));
  }

  async watch(): Promise<WatchHandle> {
    throw new Error('not used');
  }

  stats(): RequestStats {
    return { ...this.counts };
  }

  close(): void {}

  writes(): Call[] {
    return this.calls.filter((c) => c.verb === 'patch' || c.verb === 'delete');
  }

  private defineCrd(crd: KubeObject): void {
    const spec = crd.spec as { group: string; scope: string; names: { kind: string; plural: string }; versions: { name: string }[] };
    for (const v of spec.versions) {
      const list = { groupVersion: `${spec.group}/${v.name}`, resources: [{ name: spec.names.plural, kind: spec.names.kind, namespaced: spec.scope === 'Namespaced' }] };
      this.pendingCrds.push({ list, after: this.refreshes + this.crdDelay });
    }
  }
}
