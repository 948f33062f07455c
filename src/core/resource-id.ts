/**
 * Identity of a Kubernetes object as kustomize sees it: group, version, kind,
 * name and namespace. `namespace` is '' when unset or cluster-scoped.
 */
export interface Gvk {
  group: string;
  version: string;
  kind: string;
}

export interface ResourceId extends Gvk {
  name: string;
  namespace: string;
}

/** Splits an apiVersion such as `apps/v1` or `v1` into group and version. */
export function parseApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  if (slash < 0) return { group: '', version: apiVersion };
  return { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

export function apiVersionOf(gvk: Gvk): string {
  return gvk.group === '' ? gvk.version : `${gvk.group}/${gvk.version}`;
}

/** kustomize's GVK string, e.g. `Deployment.v1.apps` or `ConfigMap.v1.[noGrp]`. */
export function gvkString(gvk: Gvk): string {
  return `${gvk.kind}.${gvk.version || '[noVer]'}.${gvk.group || '[noGrp]'}`;
}

/** kustomize's ResId string, e.g. `ConfigMap.v1.[noGrp]/a.[noNs]`; used in messages so they match kustomize's. */
export function idString(id: ResourceId): string {
  return `${gvkString(id)}/${id.name}.${id.namespace || '[noNs]'}`;
}

/** Short, human form for our own messages: `Deployment/web` or `Deployment/prod/web`. */
export function shortId(id: ResourceId): string {
  return id.namespace ? `${id.kind}/${id.namespace}/${id.name}` : `${id.kind}/${id.name}`;
}

export function sameGvk(a: Gvk, b: Gvk): boolean {
  return a.kind === b.kind && a.group === b.group && a.version === b.version;
}

export function sameId(a: ResourceId, b: ResourceId): boolean {
  return sameGvk(a, b) && a.name === b.name && a.namespace === b.namespace;
}
