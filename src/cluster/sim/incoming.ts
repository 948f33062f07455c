/**
 * Checks an object sent by a client against the URL it was sent to and
 * normalises it the way the API server does before storing: apiVersion of
 * the URL, namespace from the URL, name checks, status dropped when the kind
 * has a /status subresource, and the namespace must exist and not be
 * terminating.
 */
import type { KubeObject } from '../types.js';
import { isObject, type JsonObject } from './object-utils.js';
import { groupVersionOf, type ResourceRequest } from './request.js';
import { ApiError, badRequest } from './status-errors.js';

export type WriteMode = 'create' | 'update' | 'apply' | 'status';

function invalid(request: ResourceRequest, name: string, message: string): ApiError {
  const { resource } = request;
  const qualified = resource.group ? `${resource.kind}.${resource.group}` : resource.kind;
  return new ApiError('Invalid', `${qualified} "${name}" is invalid: ${message}`, { name, group: resource.group, kind: resource.kind });
}

/** apiVersion and kind must be those of the URL (apply must state them). */
function checkType(request: ResourceRequest, body: JsonObject, mode: WriteMode): string {
  const expected = groupVersionOf(request.resource);
  const apiVersion = typeof body.apiVersion === 'string' ? body.apiVersion : '';
  const kind = typeof body.kind === 'string' ? body.kind : '';
  if (mode === 'apply' && (!apiVersion || !kind)) throw badRequest('apply patches must set apiVersion and kind');
  if (apiVersion && apiVersion !== expected) throw badRequest(`the API version in the data (${apiVersion}) does not match the expected API version (${expected})`);
  if (kind && kind !== request.resource.kind) throw badRequest(`the kind in the data (${kind}) does not match the expected kind (${request.resource.kind})`);
  return expected;
}

/** Name and namespace as the URL says; read-only fields dropped from apply configurations. */
function checkMetadata(request: ResourceRequest, given: unknown, mode: WriteMode): JsonObject {
  const metadata: JsonObject = isObject(given) ? { ...given } : {};
  const name = typeof metadata.name === 'string' ? metadata.name : '';
  if (mode === 'create') {
    if (!name && !metadata.generateName) throw invalid(request, '', 'metadata.name: Required value: name or generateName is required');
    if (metadata.resourceVersion) throw invalid(request, name, 'metadata.resourceVersion: Invalid value: resourceVersion should not be set on objects to be created');
  } else {
    if (name && name !== request.name) throw badRequest(`the name of the object (${name}) does not match the name on the URL (${request.name})`);
    metadata.name = request.name;
  }
  if (request.resource.namespaced) {
    if (metadata.namespace && metadata.namespace !== request.namespace) throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
    metadata.namespace = request.namespace;
  } else delete metadata.namespace;
  if (mode === 'apply') {
    for (const field of ['managedFields', 'uid', 'creationTimestamp', 'generation', 'deletionTimestamp', 'selfLink']) delete metadata[field];
  }
  return metadata;
}

export function incomingObject(request: ResourceRequest, mode: WriteMode): KubeObject {
  const body = request.body;
  if (!isObject(body)) throw badRequest('the request body must be an object');
  const apiVersion = checkType(request, body, mode);
  const metadata = checkMetadata(request, body.metadata, mode);
  const object = { ...body, apiVersion, kind: request.resource.kind, metadata } as unknown as KubeObject;
  if (request.resource.status && mode !== 'status') delete object.status;
  return object;
}

/** Namespaced writes need a live Namespace (404 NotFound, or 403 when it is terminating). */
export function requireNamespace(request: ResourceRequest): void {
  if (!request.resource.namespaced || !request.namespace) return;
  const namespace = request.store.get({ group: '', kind: 'Namespace', name: request.namespace });
  if (!namespace) throw new ApiError('NotFound', `namespaces "${request.namespace}" not found`, { name: request.namespace, kind: 'namespaces' });
  if (namespace.metadata.deletionTimestamp) {
    throw new ApiError('Forbidden', `${request.resource.resource} "${request.name ?? ''}" is forbidden: unable to create new content in namespace ${request.namespace} because it is being terminated`);
  }
}
