/**
 * The admission request the apiserver would build for creating a rendered
 * object: group/version/kind, the plural resource, name and namespace (the
 * default namespace for namespaced objects that set none), operation
 * CREATE, and the object as validating admission sees it (namespace filled
 * in; Namespaces carry the `kubernetes.io/metadata.name` label the
 * apiserver adds).
 */
import { isObject, type JsonObject } from '../../core/json.js';
import type { Resource } from '../../core/resource.js';
import type { KindCatalog } from './catalog.js';
import { labelsOf } from './selector.js';

export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

export interface AdmissionRequest {
  resource: Resource;
  group: string;
  version: string;
  kind: string;
  /** Plural resource name, e.g. `deployments`. */
  plural: string;
  subresource: string;
  namespaced: boolean;
  name: string;
  /** '' for cluster-scoped objects. */
  namespace: string;
  operation: 'CREATE';
  /** The object as admission sees it. */
  object: JsonObject;
  labels: Record<string, string>;
}

export interface UserInfo {
  username: string;
  uid?: string;
  groups: string[];
}

export const OFFLINE_USER: UserInfo = { username: 'system:harbormaster:offline', groups: ['system:authenticated'] };

function withMetadata(obj: JsonObject, change: (metadata: JsonObject) => void): JsonObject {
  const metadata: JsonObject = isObject(obj.metadata) ? { ...obj.metadata } : {};
  change(metadata);
  return { ...obj, metadata };
}

export function isNamespaceObject(resource: Resource): boolean {
  return resource.kind === 'Namespace' && resource.id.group === '';
}

/** A Namespace object's labels as the apiserver stores them. */
export function namespaceView(obj: JsonObject, name: string): JsonObject {
  return withMetadata(obj, (metadata) => {
    const labels = isObject(metadata.labels) ? metadata.labels : {};
    metadata.labels = { ...labels, [NAMESPACE_NAME_LABEL]: name };
  });
}

export function admissionRequest(resource: Resource, catalog: KindCatalog, defaultNamespace: string): AdmissionRequest {
  const id = resource.id;
  const info = catalog.lookup(id.group, id.kind, id.namespace !== '');
  const namespace = info.namespaced ? id.namespace || defaultNamespace : '';
  let object = resource.obj;
  if (info.namespaced && id.namespace === '') object = withMetadata(object, (m) => { m.namespace = namespace; });
  if (isNamespaceObject(resource)) object = namespaceView(object, id.name);
  return {
    resource,
    group: id.group,
    version: id.version,
    kind: id.kind,
    plural: info.resource,
    subresource: '',
    namespaced: info.namespaced,
    name: id.name,
    namespace,
    operation: 'CREATE',
    object,
    labels: labelsOf(object),
  };
}

/** The `request` variable: admission.k8s.io AdmissionRequest attributes. */
export function requestVariable(req: AdmissionRequest, user: UserInfo): JsonObject {
  const kind = { group: req.group, version: req.version, kind: req.kind };
  const resource = { group: req.group, version: req.version, resource: req.plural };
  const userInfo: JsonObject = { username: user.username, groups: user.groups };
  if (user.uid !== undefined) userInfo.uid = user.uid;
  return {
    kind,
    resource,
    subResource: req.subresource,
    requestKind: kind,
    requestResource: resource,
    name: req.name,
    namespace: req.namespace,
    operation: req.operation,
    userInfo,
    dryRun: false,
    options: { apiVersion: 'meta.k8s.io/v1', kind: 'CreateOptions' },
  };
}
