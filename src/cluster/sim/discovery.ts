/**
 * What the simulated server serves: the built-in resources of Kubernetes 1.26
 * (data/discovery-1-26.ts, derived from the real OpenAPI document) plus the
 * custom resources of every established CustomResourceDefinition in the
 * store. Answers both the discovery documents (/api, /apis, …) and the
 * routing question "which kind lives at this URL".
 */
import { DISCOVERY, KUBERNETES_VERSION } from './data/discovery-1-26.js';
import type { KubeObject } from '../types.js';
import { isObject } from './object-utils.js';

export interface ServedResource {
  group: string;
  version: string;
  /** Plural, e.g. `deployments`. */
  resource: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  verbs: readonly string[];
  /** Served with a /status subresource (status is then ignored by writes to the main resource). */
  status: boolean;
  /** Served with a /scale subresource (autoscaling/v1 Scale over spec.replicas). */
  scale?: boolean;
  shortNames?: readonly string[];
  categories?: readonly string[];
}

/**
 * Short names and categories are not in the OpenAPI document; these are the
 * 1.26 server's own, so that `kubectl get deploy` and `kubectl get all` work.
 */
const SHORT_NAMES: Readonly<Record<string, readonly string[]>> = {
  componentstatuses: ['cs'], configmaps: ['cm'], endpoints: ['ep'], events: ['ev'], limitranges: ['limits'], namespaces: ['ns'], nodes: ['no'],
  persistentvolumeclaims: ['pvc'], persistentvolumes: ['pv'], pods: ['po'], replicationcontrollers: ['rc'], resourcequotas: ['quota'],
  serviceaccounts: ['sa'], services: ['svc'], customresourcedefinitions: ['crd', 'crds'], daemonsets: ['ds'], deployments: ['deploy'],
  replicasets: ['rs'], statefulsets: ['sts'], horizontalpodautoscalers: ['hpa'], cronjobs: ['cj'], certificatesigningrequests: ['csr'],
  ingresses: ['ing'], networkpolicies: ['netpol'], poddisruptionbudgets: ['pdb'], priorityclasses: ['pc'], storageclasses: ['sc'],
};
const ALL_CATEGORY = new Set(['pods', 'services', 'replicationcontrollers', 'daemonsets', 'deployments', 'replicasets', 'statefulsets', 'horizontalpodautoscalers', 'cronjobs', 'jobs']);

const BUILTIN = new Map<string, Map<string, ServedResource>>();
for (const [groupVersion, rows] of Object.entries(DISCOVERY)) {
  const [group, version] = groupVersion.includes('/') ? groupVersion.split('/') : ['', groupVersion];
  const byResource = new Map<string, ServedResource>();
  for (const [resource, kind, namespaced, verbs, status, scale] of rows) {
    const served: ServedResource = { group: group!, version: version!, resource, singular: kind.toLowerCase(), kind, namespaced: namespaced === 1, verbs: verbs.split(','), status: status === 1, scale: scale === 1 };
    if (SHORT_NAMES[resource] && group !== 'events.k8s.io') served.shortNames = SHORT_NAMES[resource];
    if (ALL_CATEGORY.has(resource)) served.categories = ['all'];
    byResource.set(resource, served);
  }
  BUILTIN.set(groupVersion, byResource);
}

const CRD_VERBS = ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'];

/** Kubernetes version order: GA before beta before alpha, higher numbers first. */
export function versionPriority(version: string): number {
  const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(version);
  if (!m) return -1;
  const stage = m[2] === 'alpha' ? 0 : m[2] === 'beta' ? 1 : 2;
  return stage * 1_000_000 + Number(m[1]) * 1000 + Number(m[3] ?? 0);
}

/** `metadata.name` of the CRD → the resources it serves. */
function crdResources(crd: KubeObject): ServedResource[] {
  const spec = isObject(crd.spec) ? crd.spec : {};
  const names = isObject(spec.names) ? spec.names : {};
  const group = String(spec.group ?? '');
  const plural = String(names.plural ?? '');
  const kind = String(names.kind ?? '');
  if (!group || !plural || !kind) return [];
  const versions = Array.isArray(spec.versions) ? spec.versions.filter(isObject) : [];
  return versions
    .filter((v) => v.served !== false)
    .map((v) => ({
      group,
      version: String(v.name),
      resource: plural,
      singular: String(names.singular ?? kind.toLowerCase()),
      kind,
      namespaced: spec.scope !== 'Cluster',
      verbs: CRD_VERBS,
      status: isObject(v.subresources) && v.subresources.status !== undefined,
      shortNames: Array.isArray(names.shortNames) ? names.shortNames.map(String) : undefined,
    }));
}

export class SimDiscovery {
  /** CRD name → the resources it serves while established. */
  readonly #custom = new Map<string, ServedResource[]>();

  /** Serves (or, with an empty list, stops serving) the resources of one CRD. */
  setCustomResourceDefinition(crd: KubeObject, established: boolean): void {
    const resources = established ? crdResources(crd) : [];
    if (resources.length) this.#custom.set(crd.metadata.name, resources);
    else this.#custom.delete(crd.metadata.name);
  }

  removeCustomResourceDefinition(name: string): ServedResource[] {
    const resources = this.#custom.get(name) ?? [];
    this.#custom.delete(name);
    return resources;
  }

  /** The resource at /api(s)/<groupVersion>/…/<resource>, or undefined (404). */
  resolve(groupVersion: string, resource: string): ServedResource | undefined {
    const builtin = BUILTIN.get(groupVersion)?.get(resource);
    if (builtin) return builtin;
    for (const resources of this.#custom.values()) {
      for (const r of resources) if (r.resource === resource && gv(r) === groupVersion) return r;
    }
    return undefined;
  }

  /** The resource serving a kind at an apiVersion. */
  byKind(groupVersion: string, kind: string): ServedResource | undefined {
    for (const r of this.resources(groupVersion)) if (r.kind === kind) return r;
    return undefined;
  }

  /** Every served resource of one group/version. */
  resources(groupVersion: string): ServedResource[] {
    const out = [...(BUILTIN.get(groupVersion)?.values() ?? [])];
    for (const resources of this.#custom.values()) for (const r of resources) if (gv(r) === groupVersion) out.push(r);
    return out;
  }

  /** Group → versions, preferred (highest priority) first. */
  groups(): Map<string, string[]> {
    const groups = new Map<string, Set<string>>();
    const add = (group: string, version: string) => {
      if (!groups.has(group)) groups.set(group, new Set());
      groups.get(group)!.add(version);
    };
    for (const groupVersion of BUILTIN.keys()) if (groupVersion.includes('/')) add(...(groupVersion.split('/') as [string, string]));
    for (const resources of this.#custom.values()) for (const r of resources) add(r.group, r.version);
    return new Map([...groups].map(([g, v]) => [g, [...v].sort((a, b) => versionPriority(b) - versionPriority(a))]));
  }

  versionDocument(): Record<string, unknown> {
    const [, major = '1', minor = '26'] = /^v(\d+)\.(\d+)/.exec(KUBERNETES_VERSION) ?? [];
    return { major, minor, gitVersion: KUBERNETES_VERSION, gitCommit: '0000000000000000000000000000000000000000', gitTreeState: 'clean', buildDate: '2023-04-14T13:14:41Z', goVersion: 'go1.19.8', compiler: 'gc', platform: 'linux/amd64' };
  }

  /** GET /api */
  coreVersionsDocument(serverAddress: string): Record<string, unknown> {
    return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
  }

  /** GET /apis */
  groupListDocument(): Record<string, unknown> {
    return { kind: 'APIGroupList', apiVersion: 'v1', groups: [...this.groups()].map(([name, versions]) => groupDocument(name, versions)) };
  }

  /** GET /apis/<group>, or undefined when the group is not served. */
  groupDocument(group: string): Record<string, unknown> | undefined {
    const versions = this.groups().get(group);
    return versions ? { kind: 'APIGroup', apiVersion: 'v1', ...groupDocument(group, versions) } : undefined;
  }

  /** GET /api/v1 or /apis/<group>/<version>, or undefined when not served. */
  resourceListDocument(groupVersion: string): Record<string, unknown> | undefined {
    const resources = this.resources(groupVersion);
    if (!resources.length) return undefined;
    const list: Array<Record<string, unknown>> = [];
    for (const r of resources) {
      const entry: Record<string, unknown> = { name: r.resource, singularName: r.singular, namespaced: r.namespaced, kind: r.kind, verbs: r.verbs };
      if (r.shortNames?.length) entry.shortNames = r.shortNames;
      if (r.categories?.length) entry.categories = r.categories;
      list.push(entry);
      if (r.status) list.push({ name: `${r.resource}/status`, singularName: '', namespaced: r.namespaced, kind: r.kind, verbs: ['get', 'patch', 'update'] });
      if (r.scale) list.push({ name: `${r.resource}/scale`, singularName: '', namespaced: r.namespaced, group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] });
    }
    return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion, resources: list };
  }
}

function gv(r: ServedResource): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}

function groupDocument(name: string, versions: string[]): Record<string, unknown> {
  const entries = versions.map((version) => ({ groupVersion: `${name}/${version}`, version }));
  return { name, versions: entries, preferredVersion: entries[0] };
}
