/**
 * POST (create), PUT (replace), PATCH (apply, merge, strategic, JSON patch)
 * and DELETE, on the main resource and on /status. Every write honours
 * `dryRun=All`; store refusals become Kubernetes Status errors.
 */
import { parse as parseYaml } from 'yaml';
import type { DeletePropagation, KubeObject } from '../types.js';
import { computeApply } from './apply.js';
import { mergeApplied } from './apply-merge.js';
import { withDefaults } from './defaults.js';
import { incomingObject, requireNamespace } from './incoming.js';
import { isBuiltinGroup } from './list-types.js';
import { isObject } from './object-utils.js';
import { applyPatch, patchTypeOf } from './patch.js';
import { dryRun, fieldManager, keyOfRequest, missing, requireScope, served, type Reply, type ResourceRequest } from './request.js';
import { requestSelector } from './selectors.js';
import { ApiError, badRequest, fromStoreError } from './status-errors.js';
import { SimStoreError } from './store.js';

/** Runs a store write, turning its refusals into API errors about the addressed object. */
function storeWrite<T>(request: ResourceRequest, name: string, write: () => T): T {
  try {
    return write();
  } catch (err) {
    if (err instanceof SimStoreError) throw fromStoreError(err.reason, request.resource.resource, request.resource.group, name, err.message);
    throw err;
  }
}

export function createObject(request: ResourceRequest): Reply {
  requireScope(request, false);
  if (request.name) throw new ApiError('MethodNotAllowed', 'POST is not allowed on a named object');
  const object = withDefaults(incomingObject(request, 'create'));
  requireNamespace(request);
  const created = storeWrite(request, object.metadata.name, () => request.store.create(object, fieldManager(request), { dryRun: dryRun(request.query) }));
  return { code: 201, body: served(created, request.resource) };
}

export function replaceObject(request: ResourceRequest): Reply {
  requireScope(request, false);
  if (!request.name) throw new ApiError('MethodNotAllowed', 'PUT needs an object name');
  const status = request.subresource === 'status';
  const object = incomingObject(request, status ? 'status' : 'update');
  const options = { subresource: status ? ('status' as const) : undefined, wholeObject: !status && !request.resource.status, manager: fieldManager(request), dryRun: dryRun(request.query) };
  const updated = storeWrite(request, request.name, () => request.store.update(status ? object : withDefaults(object), options));
  return { code: 200, body: served(updated, request.resource) };
}

function parseApplyBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  if (body.trimStart().startsWith('{')) {
    try {
      return JSON.parse(body) as unknown; // JSON is YAML; clients mostly send it, and JSON.parse is far cheaper
    } catch {
      // not JSON after all: let the YAML parser say what is wrong
    }
  }
  try {
    return parseYaml(body) as unknown;
  } catch (err) {
    throw badRequest(`error decoding YAML: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export function patchObject(request: ResourceRequest): Reply {
  requireScope(request, false);
  if (!request.name) throw new ApiError('MethodNotAllowed', 'PATCH needs an object name');
  const type = patchTypeOf(request.contentType);
  if (!type) throw new ApiError('UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json`);
  if (type === 'apply') return serverSideApply({ ...request, body: parseApplyBody(request.body) });
  if (typeof request.body === 'string') request = { ...request, body: safeJson(request.body) };
  const live = request.store.get(keyOfRequest(request));
  if (!live) throw missing(request);
  const patched = applyPatch(live, request.body, type, isBuiltinGroup(request.resource.group)) as KubeObject;
  return replaceObject({ ...request, body: { ...patched, metadata: { ...patched.metadata, resourceVersion: (patched.metadata ?? {}).resourceVersion } } });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw badRequest(`error decoding patch: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function serverSideApply(request: ResourceRequest): Reply {
  const manager = request.query.get('fieldManager');
  if (!manager) throw new ApiError('Invalid', 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch');
  const status = request.subresource === 'status';
  const applied = incomingObject(request, status ? 'status' : 'apply');
  const live = request.store.get(keyOfRequest(request));
  const wantedVersion = applied.metadata.resourceVersion;
  if (wantedVersion && live && wantedVersion !== live.metadata.resourceVersion) {
    throw fromStoreError('Conflict', request.resource.resource, request.resource.group, request.name ?? '', `Operation cannot be fulfilled on x "${request.name}": the object has been modified; please apply your changes to the latest version and try again`);
  }
  delete applied.metadata.resourceVersion;
  const isDryRun = dryRun(request.query);
  if (status) {
    if (!live) throw missing(request);
    // Status applies merge without ownership tracking (status writers are controllers, which force anyway).
    const next = { ...live, status: mergeApplied(live.status, applied.status, 'status', isBuiltinGroup(request.resource.group)) };
    return { code: 200, body: served(storeWrite(request, live.metadata.name, () => request.store.update(next, { subresource: 'status', manager, dryRun: isDryRun })), request.resource) };
  }
  const computed = withDefaults(computeApply({ live, applied, manager, force: ['true', '1'].includes(request.query.get('force') ?? '') }));
  if (!live) {
    requireNamespace(request);
    const created = storeWrite(request, applied.metadata.name, () => request.store.create(computed, undefined, { dryRun: isDryRun }));
    return { code: 201, body: served(created, request.resource) };
  }
  const updated = storeWrite(request, live.metadata.name, () => request.store.update(computed, { wholeObject: !request.resource.status, dryRun: isDryRun }));
  return { code: 200, body: served(updated, request.resource) };
}

function propagationOf(request: ResourceRequest): DeletePropagation {
  const options = isObject(request.body) ? request.body : {};
  const policy = request.query.get('propagationPolicy') ?? options.propagationPolicy;
  if (policy === 'Foreground' || policy === 'Background' || policy === 'Orphan') return policy;
  if (policy !== undefined && policy !== null) throw badRequest(`invalid propagationPolicy "${String(policy)}"`);
  const orphan = request.query.get('orphanDependents') ?? options.orphanDependents;
  return orphan === 'true' || orphan === true ? 'Orphan' : 'Background';
}

function isDeleteDryRun(request: ResourceRequest): boolean {
  const options = isObject(request.body) ? request.body : {};
  return dryRun(request.query) || (Array.isArray(options.dryRun) && options.dryRun.includes('All'));
}

export function deleteObject(request: ResourceRequest): Reply {
  requireScope(request, !request.name);
  if (!request.name) return deleteCollection(request);
  const key = keyOfRequest(request);
  const live = request.store.get(key);
  if (!live) throw missing(request);
  const preconditions = isObject(request.body) && isObject(request.body.preconditions) ? request.body.preconditions : {};
  if ((preconditions.uid && preconditions.uid !== live.metadata.uid) || (preconditions.resourceVersion && preconditions.resourceVersion !== live.metadata.resourceVersion)) {
    throw new ApiError('Conflict', `Operation cannot be fulfilled on ${request.resource.resource} "${request.name}": precondition failed`);
  }
  if (isDeleteDryRun(request)) return { code: 200, body: served(live, request.resource) };
  const last = request.store.delete(key, propagationOf(request))!;
  if (request.store.get(key)) return { code: 202, body: served(last, request.resource) };
  const { resource } = request;
  return { code: 200, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details: { name: request.name, group: resource.group, kind: resource.resource, uid: live.metadata.uid } } };
}

function deleteCollection(request: ResourceRequest): Reply {
  const { resource, store } = request;
  const selector = requestSelector(request.query);
  const doomed = store.list(resource.group, resource.kind, resource.namespaced ? request.namespace : undefined).filter(selector);
  if (!isDeleteDryRun(request)) for (const object of doomed) store.delete({ group: resource.group, kind: resource.kind, namespace: object.metadata.namespace, name: object.metadata.name }, propagationOf(request));
  return { code: 200, body: { apiVersion: `${resource.group ? resource.group + '/' : ''}${resource.version}`, kind: `${resource.kind}List`, metadata: { resourceVersion: String(store.resourceVersion) }, items: doomed } };
}
