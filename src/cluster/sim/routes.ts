/**
 * URL paths of the Kubernetes REST API, parsed into what a request is about:
 * a discovery document or a resource (group, version, plural, namespace,
 * name, subresource).
 */

export type Route =
  | { type: 'version' }
  | { type: 'api' }
  | { type: 'apis' }
  | { type: 'group'; group: string }
  | { type: 'resourceList'; groupVersion: string }
  | { type: 'resource'; groupVersion: string; resource: string; namespace?: string; name?: string; subresource?: string }
  | { type: 'health' };

function resourceRoute(groupVersion: string, rest: string[]): Route | undefined {
  if (rest.length === 0) return { type: 'resourceList', groupVersion };
  // /namespaces/{ns}/<resource>[/<name>[/<sub>]] is namespaced, unless it is the Namespace itself (≤ 3 segments).
  const namespaceSubresource = rest.length === 3 && (rest[2] === 'status' || rest[2] === 'finalize');
  if (rest[0] === 'namespaces' && rest.length >= 3 && !namespaceSubresource) {
    const [, namespace, resource, name, subresource, ...extra] = rest;
    if (extra.length) return undefined;
    return { type: 'resource', groupVersion, resource: resource!, namespace, name, subresource };
  }
  const [resource, name, subresource, ...extra] = rest;
  if (extra.length) return undefined;
  return { type: 'resource', groupVersion, resource: resource!, name, subresource };
}

/** The route of a URL path, or undefined (404). */
export function parseRoute(pathname: string): Route | undefined {
  const parts = pathname.split('/').filter((p) => p.length > 0).map(decodeURIComponent);
  if (parts.length === 1 && parts[0] === 'version') return { type: 'version' };
  if (parts.length === 1 && ['healthz', 'livez', 'readyz'].includes(parts[0]!)) return { type: 'health' };
  if (parts[0] === 'api') {
    if (parts.length === 1) return { type: 'api' };
    return resourceRoute(parts[1]!, parts.slice(2));
  }
  if (parts[0] === 'apis') {
    if (parts.length === 1) return { type: 'apis' };
    if (parts.length === 2) return { type: 'group', group: parts[1]! };
    return resourceRoute(`${parts[1]}/${parts[2]}`, parts.slice(3));
  }
  return undefined;
}
