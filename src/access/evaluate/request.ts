/**
 * A request as a user types it (`get deployments.apps web -n shop`,
 * `get /healthz`) → the authorizer's attributes. Cluster-scoped resources
 * ignore the namespace, as the API server does.
 */
import type { ResourceCatalog } from './resources.js';
import type { AccessRequest } from './types.js';

export interface RequestText {
  verb: string;
  /** `RESOURCE[.GROUP][/SUBRESOURCE]` or a non-resource URL starting with `/`. */
  resource: string;
  name?: string;
  /** undefined: any namespace (who-can) or cluster-wide (can-i). */
  namespace?: string;
}

export interface ParsedRequest {
  request: AccessRequest;
  /** Set when the resource is not one the catalog knows (evaluated as typed). */
  warning?: string;
}

export const KNOWN_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'use', 'bind', 'escalate', 'impersonate', 'approve', 'sign', 'proxy', '*'];

export function parseRequest(text: RequestText, catalog: ResourceCatalog): ParsedRequest {
  const verb = text.verb.toLowerCase();
  if (text.resource.startsWith('/')) return { request: { kind: 'nonResource', verb, path: text.resource } };
  const r = catalog.resolve(text.resource);
  const request: AccessRequest = { kind: 'resource', verb, apiGroup: r.group, resource: r.resource, subresource: r.subresource, name: text.name ?? '' };
  if (!r.namespaced) request.namespace = '';
  else if (text.namespace !== undefined) request.namespace = text.namespace;
  const out: ParsedRequest = { request };
  if (!r.known) out.warning = `the resource type ${text.resource} is not known here; evaluated as ${r.resource}${r.group ? `.${r.group}` : ''} (namespaced)`;
  return out;
}
