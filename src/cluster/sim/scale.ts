/**
 * The /scale subresource of Deployments, ReplicaSets, StatefulSets and
 * ReplicationControllers: an autoscaling/v1 Scale view of spec.replicas, as
 * `kubectl scale` and autoscalers use it. Writes are Update operations
 * recorded against the subresource, so a later apply of replicas conflicts
 * with the scaler as on a real server.
 */
import type { KubeObject } from '../types.js';
import { isObject, type JsonObject } from './object-utils.js';
import { applyPatch, patchTypeOf } from './patch.js';
import { fieldManager, dryRun, keyOfRequest, missing, requireScope, type Reply, type ResourceRequest } from './request.js';
import { ApiError, badRequest } from './status-errors.js';
import { parse as parseYaml } from 'yaml';

function selectorString(spec: JsonObject): string {
  const selector = isObject(spec.selector) ? spec.selector : {};
  const labels = isObject(selector.matchLabels) ? selector.matchLabels : spec.selector && !selector.matchLabels ? selector : {};
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(',');
}

export function scaleOf(object: KubeObject): JsonObject {
  const spec = isObject(object.spec) ? object.spec : {};
  const status = isObject(object.status) ? object.status : {};
  const { name, namespace, uid, resourceVersion, creationTimestamp } = object.metadata;
  return {
    apiVersion: 'autoscaling/v1',
    kind: 'Scale',
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas: spec.replicas ?? 1 },
    status: { replicas: status.replicas ?? 0, selector: selectorString(spec) },
  };
}

function parseBody(request: ResourceRequest): unknown {
  if (typeof request.body !== 'string') return request.body;
  try {
    return parseYaml(request.body) as unknown;
  } catch (err) {
    throw badRequest(`error decoding body: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export function handleScale(method: string, request: ResourceRequest): Reply {
  requireScope(request, false);
  const live = request.store.get(keyOfRequest(request));
  if (!live) throw missing(request);
  if (method === 'GET') return { code: 200, body: scaleOf(live) };
  let wanted: unknown;
  if (method === 'PUT') wanted = request.body;
  else if (method === 'PATCH') {
    const type = patchTypeOf(request.contentType);
    if (!type) throw new ApiError('UnsupportedMediaType', 'unsupported patch type');
    const body = parseBody(request);
    wanted = type === 'apply' ? applyPatch(scaleOf(live), body, 'merge', true) : applyPatch(scaleOf(live), body, type, true);
  } else throw new ApiError('MethodNotAllowed', 'the server does not allow this method on the requested resource');
  if (!isObject(wanted) || !isObject(wanted.spec) || typeof wanted.spec.replicas !== 'number' || wanted.spec.replicas < 0) {
    throw new ApiError('Invalid', `Scale.autoscaling "${request.name}" is invalid: spec.replicas: Invalid value: must be a non-negative integer`);
  }
  const version = isObject(wanted.metadata) ? wanted.metadata.resourceVersion : undefined;
  if (version && version !== live.metadata.resourceVersion) throw new ApiError('Conflict', `Operation cannot be fulfilled on ${request.resource.resource}.${request.resource.group} "${request.name}": the object has been modified; please apply your changes to the latest version and try again`);
  const next = { ...live, spec: { ...(live.spec as JsonObject), replicas: wanted.spec.replicas } };
  const stored = request.store.update(next, { subresource: 'scale', manager: fieldManager(request), dryRun: dryRun(request.query) });
  return { code: 200, body: scaleOf(stored) };
}
