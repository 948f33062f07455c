/**
 * API discovery: which kinds a server serves, under which resource name, and
 * whether they live in namespaces. Read from the legacy discovery endpoints
 * (/api, /api/v1, /apis, /apis/<group>/<version>), which every API server
 * and the simulated fleet serve.
 */
import type { Discovery, ResourceInfo } from './types.js';

interface ApiResource {
  name: string;
  kind: string;
  namespaced: boolean;
  verbs?: string[];
}

export interface ApiResourceList {
  groupVersion: string;
  resources: ApiResource[];
}

interface ApiGroupList {
  groups?: { name: string; versions?: { groupVersion: string }[]; preferredVersion?: { groupVersion: string } }[];
}

/** Discovery over resource lists; earlier lists win, so pass preferred versions first. */
export function buildDiscovery(lists: readonly ApiResourceList[]): Discovery {
  const byKind = new Map<string, ResourceInfo>();
  const all: ResourceInfo[] = [];
  for (const list of lists) {
    const slash = list.groupVersion.indexOf('/');
    const group = slash < 0 ? '' : list.groupVersion.slice(0, slash);
    const version = list.groupVersion.slice(slash + 1);
    for (const r of list.resources ?? []) {
      // Subresources (`deployments/scale`) are not kinds one can apply.
      if (r.name.includes('/')) continue;
      const key = `${list.groupVersion}|${r.kind}`;
      if (byKind.has(key)) continue;
      const info: ResourceInfo = { group, version, kind: r.kind, resource: r.name, namespaced: r.namespaced, verbs: r.verbs ?? [] };
      byKind.set(key, info);
      all.push(info);
    }
  }
  return {
    lookup: (apiVersion, kind) => byKind.get(`${apiVersion}|${kind}`),
    all: () => [...all],
  };
}

/** The served resource for a group and kind, in the server's preferred version. */
export function lookupGroupKind(discovery: Discovery, group: string, kind: string): ResourceInfo | undefined {
  return discovery.all().find((r) => r.group === group && r.kind === kind);
}

export function apiVersionOf(info: Pick<ResourceInfo, 'group' | 'version'>): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}

/** `/api/v1/namespaces/ns/pods` or `/apis/apps/v1/deployments` (all namespaces or cluster-scoped). */
export function collectionPath(info: ResourceInfo, namespace?: string): string {
  const root = info.group ? `/apis/${info.group}/${info.version}` : `/api/${info.version}`;
  const ns = info.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${root}${ns}/${info.resource}`;
}

/**
 * Reads every group version. One failing group version (an aggregated API
 * whose backend is down, say) does not hide the rest, as with kubectl; the
 * two root documents must load.
 */
export async function fetchDiscovery(getJson: (path: string) => Promise<unknown>): Promise<Discovery> {
  const [core, groups] = await Promise.all([getJson('/api') as Promise<{ versions?: string[] }>, getJson('/apis') as Promise<ApiGroupList>]);
  const paths = (core.versions ?? ['v1']).map((v) => `/api/${v}`);
  for (const group of groups.groups ?? []) {
    const preferred = group.preferredVersion?.groupVersion;
    const versions = (group.versions ?? []).map((v) => v.groupVersion);
    const ordered = preferred ? [preferred, ...versions.filter((v) => v !== preferred)] : versions;
    for (const gv of ordered) paths.push(`/apis/${gv}`);
  }
  const lists = await Promise.all(paths.map((path) => (getJson(path) as Promise<ApiResourceList>).catch(skipBrokenGroup)));
  return buildDiscovery(lists.filter((l): l is ApiResourceList => l !== undefined && Array.isArray(l.resources)));
}

/** A group version the server cannot describe right now is left out; a server we cannot reach is not. */
function skipBrokenGroup(error: unknown): undefined {
  const code = (error as { code?: string }).code;
  if (code === 'CLUSTER_NOT_FOUND' || code === 'CLUSTER_SERVER_ERROR' || code === 'CLUSTER_FORBIDDEN') return undefined;
  throw error;
}
