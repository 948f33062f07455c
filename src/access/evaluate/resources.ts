/**
 * Resource names as kubectl accepts them — plural, singular, kind, short
 * name, `plural.group` — resolved to (group, plural, scope). Built-in API
 * resources are a table (kubectl api-resources, Kubernetes 1.30); the
 * cluster's CustomResourceDefinitions and a live cluster's discovery add
 * their own.
 */
import { isArray, isObject, type JsonObject } from '../../core/json.js';

export interface ApiResource {
  group: string;
  /** Plural resource name: what RBAC rules speak of. */
  resource: string;
  kind: string;
  singular: string;
  shortNames: string[];
  namespaced: boolean;
}

// plural, kind, group, namespaced, short names (kubectl api-resources, Kubernetes 1.30)
const BUILT_IN: [string, string, string, boolean, string[]][] = [
  ['bindings', 'Binding', '', true, []],
  ['componentstatuses', 'ComponentStatus', '', false, ['cs']],
  ['configmaps', 'ConfigMap', '', true, ['cm']],
  ['endpoints', 'Endpoints', '', true, ['ep']],
  ['events', 'Event', '', true, ['ev']],
  ['limitranges', 'LimitRange', '', true, ['limits']],
  ['namespaces', 'Namespace', '', false, ['ns']],
  ['nodes', 'Node', '', false, ['no']],
  ['persistentvolumeclaims', 'PersistentVolumeClaim', '', true, ['pvc']],
  ['persistentvolumes', 'PersistentVolume', '', false, ['pv']],
  ['pods', 'Pod', '', true, ['po']],
  ['podtemplates', 'PodTemplate', '', true, []],
  ['replicationcontrollers', 'ReplicationController', '', true, ['rc']],
  ['resourcequotas', 'ResourceQuota', '', true, ['quota']],
  ['secrets', 'Secret', '', true, []],
  ['serviceaccounts', 'ServiceAccount', '', true, ['sa']],
  ['services', 'Service', '', true, ['svc']],
  ['mutatingwebhookconfigurations', 'MutatingWebhookConfiguration', 'admissionregistration.k8s.io', false, []],
  ['validatingwebhookconfigurations', 'ValidatingWebhookConfiguration', 'admissionregistration.k8s.io', false, []],
  ['validatingadmissionpolicies', 'ValidatingAdmissionPolicy', 'admissionregistration.k8s.io', false, []],
  ['validatingadmissionpolicybindings', 'ValidatingAdmissionPolicyBinding', 'admissionregistration.k8s.io', false, []],
  ['customresourcedefinitions', 'CustomResourceDefinition', 'apiextensions.k8s.io', false, ['crd', 'crds']],
  ['apiservices', 'APIService', 'apiregistration.k8s.io', false, []],
  ['controllerrevisions', 'ControllerRevision', 'apps', true, []],
  ['daemonsets', 'DaemonSet', 'apps', true, ['ds']],
  ['deployments', 'Deployment', 'apps', true, ['deploy']],
  ['replicasets', 'ReplicaSet', 'apps', true, ['rs']],
  ['statefulsets', 'StatefulSet', 'apps', true, ['sts']],
  ['selfsubjectreviews', 'SelfSubjectReview', 'authentication.k8s.io', false, []],
  ['tokenreviews', 'TokenReview', 'authentication.k8s.io', false, []],
  ['localsubjectaccessreviews', 'LocalSubjectAccessReview', 'authorization.k8s.io', true, []],
  ['selfsubjectaccessreviews', 'SelfSubjectAccessReview', 'authorization.k8s.io', false, []],
  ['selfsubjectrulesreviews', 'SelfSubjectRulesReview', 'authorization.k8s.io', false, []],
  ['subjectaccessreviews', 'SubjectAccessReview', 'authorization.k8s.io', false, []],
  ['horizontalpodautoscalers', 'HorizontalPodAutoscaler', 'autoscaling', true, ['hpa']],
  ['cronjobs', 'CronJob', 'batch', true, ['cj']],
  ['jobs', 'Job', 'batch', true, []],
  ['certificatesigningrequests', 'CertificateSigningRequest', 'certificates.k8s.io', false, ['csr']],
  // Not an API kind: the resource approvers are checked against (`approve` on signers/NAME).
  ['signers', 'Signer', 'certificates.k8s.io', false, []],
  ['leases', 'Lease', 'coordination.k8s.io', true, []],
  ['endpointslices', 'EndpointSlice', 'discovery.k8s.io', true, []],
  ['flowschemas', 'FlowSchema', 'flowcontrol.apiserver.k8s.io', false, []],
  ['prioritylevelconfigurations', 'PriorityLevelConfiguration', 'flowcontrol.apiserver.k8s.io', false, []],
  ['ingressclasses', 'IngressClass', 'networking.k8s.io', false, []],
  ['ingresses', 'Ingress', 'networking.k8s.io', true, ['ing']],
  ['networkpolicies', 'NetworkPolicy', 'networking.k8s.io', true, ['netpol']],
  ['runtimeclasses', 'RuntimeClass', 'node.k8s.io', false, []],
  ['poddisruptionbudgets', 'PodDisruptionBudget', 'policy', true, ['pdb']],
  ['clusterrolebindings', 'ClusterRoleBinding', 'rbac.authorization.k8s.io', false, []],
  ['clusterroles', 'ClusterRole', 'rbac.authorization.k8s.io', false, []],
  ['rolebindings', 'RoleBinding', 'rbac.authorization.k8s.io', true, []],
  ['roles', 'Role', 'rbac.authorization.k8s.io', true, []],
  ['priorityclasses', 'PriorityClass', 'scheduling.k8s.io', false, ['pc']],
  ['csidrivers', 'CSIDriver', 'storage.k8s.io', false, []],
  ['csinodes', 'CSINode', 'storage.k8s.io', false, []],
  ['csistoragecapacities', 'CSIStorageCapacity', 'storage.k8s.io', true, []],
  ['storageclasses', 'StorageClass', 'storage.k8s.io', false, ['sc']],
  ['volumeattachments', 'VolumeAttachment', 'storage.k8s.io', false, []],
];

export function builtInResources(): ApiResource[] {
  return BUILT_IN.map(([resource, kind, group, namespaced, shortNames]) => ({ group, resource, kind, singular: kind.toLowerCase(), shortNames, namespaced }));
}

/** The resources a CustomResourceDefinition serves (apiextensions.k8s.io/v1). */
export function resourceOfCrd(crd: JsonObject): ApiResource | undefined {
  if (crd.kind !== 'CustomResourceDefinition' || !isObject(crd.spec)) return undefined;
  const spec = crd.spec;
  const names = isObject(spec.names) ? spec.names : {};
  if (typeof spec.group !== 'string' || typeof names.plural !== 'string' || typeof names.kind !== 'string') return undefined;
  return {
    group: spec.group,
    resource: names.plural,
    kind: names.kind,
    singular: typeof names.singular === 'string' ? names.singular : names.kind.toLowerCase(),
    shortNames: isArray(names.shortNames) ? names.shortNames.filter((s): s is string => typeof s === 'string') : [],
    namespaced: spec.scope !== 'Cluster',
  };
}

export interface ResolvedResource {
  group: string;
  resource: string;
  subresource: string;
  /** Unknown resources are assumed namespaced unless they look like a cluster-scoped RBAC target. */
  namespaced: boolean;
  known: boolean;
}

/** Name lookups over a set of API resources: exact plural first, then singular, short names and kinds. */
export class ResourceCatalog {
  private readonly all: ApiResource[];

  constructor(resources: readonly ApiResource[]) {
    this.all = [...resources];
  }

  static withCrds(objects: readonly JsonObject[], extra: readonly ApiResource[] = []): ResourceCatalog {
    const crds = objects.map(resourceOfCrd).filter((r): r is ApiResource => r !== undefined);
    return new ResourceCatalog([...builtInResources(), ...crds, ...extra]);
  }

  /**
   * `pods`, `pod`, `po`, `Pod`, `deployments.apps`, `deploy/scale`,
   * `*`. Group wins when given; `pods` (core) is preferred over a CRD
   * named the same, as kubectl's priority does.
   */
  resolve(text: string): ResolvedResource {
    const slash = text.indexOf('/');
    const typePart = slash < 0 ? text : text.slice(0, slash);
    const subresource = slash < 0 ? '' : text.slice(slash + 1);
    if (typePart === '*') return { group: '*', resource: '*', subresource, namespaced: true, known: true };
    const found = this.find(typePart);
    if (found) return { group: found.group, resource: found.resource, subresource, namespaced: found.namespaced, known: true };
    const dot = typePart.indexOf('.');
    const resource = dot < 0 ? typePart.toLowerCase() : typePart.slice(0, dot).toLowerCase();
    const group = dot < 0 ? '' : typePart.slice(dot + 1);
    return { group, resource, subresource, namespaced: true, known: false };
  }

  /** Scope of a (group, plural) pair; namespaced when unknown. */
  isNamespaced(group: string, resource: string): boolean {
    const r = this.all.find((a) => a.group === group && a.resource === resource);
    return r ? r.namespaced : true;
  }

  list(): readonly ApiResource[] {
    return this.all;
  }

  private find(name: string): ApiResource | undefined {
    const lower = name.toLowerCase();
    const byName = (r: ApiResource, n: string): boolean => r.resource === n || r.singular === n || r.shortNames.includes(n) || r.kind.toLowerCase() === n;
    const plain = this.all.filter((r) => byName(r, lower));
    if (plain.length > 0) return plain.find((r) => r.resource === lower) ?? plain[0];
    // `deployments.apps`, `deploy.apps`, `certificates.cert-manager.io`: the longest group suffix that fits.
    for (let dot = lower.indexOf('.'); dot > 0; dot = lower.indexOf('.', dot + 1)) {
      const head = lower.slice(0, dot);
      const group = name.slice(dot + 1);
      const match = this.all.find((r) => byName(r, head) && (r.group === group || r.group.startsWith(`${group}.`)));
      if (match) return match;
    }
    return undefined;
  }
}
