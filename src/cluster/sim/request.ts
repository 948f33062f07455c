/**
 * What a resource handler gets and returns: the resolved resource, the URL
 * parts, the query and the parsed body; a reply is a status code and a JSON
 * body. Also the conversions shared by handlers (served apiVersion, scope).
 */
import type { KubeObject } from '../types.js';
import type { ServedResource, SimDiscovery } from './discovery.js';
import type { SimStore, StoreKey } from './store.js';
import { ApiError, notFound } from './status-errors.js';

export interface ResourceRequest {
  store: SimStore;
  discovery: SimDiscovery;
  resource: ServedResource;
  namespace?: string;
  name?: string;
  subresource?: 'status' | 'scale';
  query: URLSearchParams;
  /** Parsed body (JSON, or YAML for apply), undefined when empty. */
  body: unknown;
  contentType?: string;
  userAgent?: string;
}

export interface Reply {
  code: number;
  body: unknown;
}

export function groupVersionOf(resource: ServedResource): string {
  return resource.group ? `${resource.group}/${resource.version}` : resource.version;
}

/** The store key a request addresses (name required). */
export function keyOfRequest(request: ResourceRequest): StoreKey {
  return { group: request.resource.group, kind: request.resource.kind, namespace: request.resource.namespaced ? request.namespace : undefined, name: request.name ?? '' };
}

/** The stored object as the requested version presents it (no conversion: only apiVersion changes). */
export function served(object: KubeObject, resource: ServedResource): KubeObject {
  const apiVersion = groupVersionOf(resource);
  return object.apiVersion === apiVersion ? object : { ...object, apiVersion };
}

export function dryRun(query: URLSearchParams): boolean {
  return query.getAll('dryRun').includes('All');
}

/** The field manager of a write: the `fieldManager` query, else the client's name from its User-Agent, as the API server derives it. */
export function fieldManager(request: ResourceRequest): string {
  const given = request.query.get('fieldManager');
  if (given) return given;
  return (request.userAgent ?? 'unknown').split('/')[0] || 'unknown';
}

/** 404 for the addressed object. */
export function missing(request: ResourceRequest): ApiError {
  return notFound(request.resource.resource, request.resource.group, request.name ?? '', request.resource.kind);
}

/** The namespaced-ness check of the URL: namespaced kinds need a namespace outside list/watch. */
export function requireScope(request: ResourceRequest, allowAllNamespaces: boolean): void {
  if (request.resource.namespaced && !request.namespace && !allowAllNamespaces) {
    throw new ApiError('NotFound', `the server could not find the requested resource`);
  }
  if (!request.resource.namespaced && request.namespace) {
    throw new ApiError('NotFound', `the server could not find the requested resource`);
  }
}
