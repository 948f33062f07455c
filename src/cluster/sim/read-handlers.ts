/**
 * GET of one object and LIST of a collection (selectors applied, items in
 * namespace/name order as etcd returns them). `limit`/`continue` are
 * accepted and everything is returned in one page, which paging clients
 * handle as a last page.
 */
import type { KubeObject } from '../types.js';
import { isBuiltinGroup } from './list-types.js';
import { groupVersionOf, keyOfRequest, missing, requireScope, served, type Reply, type ResourceRequest } from './request.js';
import { requestSelector } from './selectors.js';

export function getObject(request: ResourceRequest): Reply {
  requireScope(request, false);
  const object = request.store.get(keyOfRequest(request));
  if (!object) throw missing(request);
  return { code: 200, body: served(object, request.resource) };
}

function byNamespaceAndName(a: KubeObject, b: KubeObject): number {
  const na = a.metadata.namespace ?? '';
  const nb = b.metadata.namespace ?? '';
  if (na !== nb) return na < nb ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

/** Typed lists of built-in kinds carry no apiVersion/kind per item; lists of custom resources do. */
function listItem(object: KubeObject, keepType: boolean, apiVersion: string): unknown {
  if (keepType) return object.apiVersion === apiVersion ? object : { ...object, apiVersion };
  const { apiVersion: _a, kind: _k, ...rest } = object;
  return rest;
}

export function listObjects(request: ResourceRequest): Reply {
  requireScope(request, true);
  const { resource, store } = request;
  const selector = requestSelector(request.query);
  const items = store.list(resource.group, resource.kind, resource.namespaced ? request.namespace : undefined).filter(selector);
  items.sort(byNamespaceAndName);
  const apiVersion = groupVersionOf(resource);
  const keepType = !isBuiltinGroup(resource.group);
  return {
    code: 200,
    body: { apiVersion, kind: `${resource.kind}List`, metadata: { resourceVersion: String(store.resourceVersion) }, items: items.map((o) => listItem(o, keepType, apiVersion)) },
  };
}
