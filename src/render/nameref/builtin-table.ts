/**
 * kustomize v5.5's built-in nameReference configuration: for each kind of
 * object that may be renamed, the fields of other objects that hold its
 * name. Paths use kustomize's field-spec syntax (`/` between fields, `\/`
 * inside a key, lists traversed implicitly).
 *
 * Faithful to v5.5, including its gaps: ConfigMap/Secret references inside
 * ReplicationController and ephemeralContainers are not listed; ReplicaSet
 * and PodTemplate have no serviceAccountName/claimName/priorityClassName
 * entries; the IngressClass entry names the group `networking.k8s.io/v1`, so
 * it never matches. HTTPRoute is not listed (added after v5.5).
 */
export interface GvkSelector {
  group?: string;
  version?: string;
  kind?: string;
}

export interface NameFieldSpec extends GvkSelector {
  path: string;
}

export interface NameBackReference {
  target: GvkSelector;
  referrers: NameFieldSpec[];
}

/** The sub-paths of a pod spec that name a ConfigMap or a Secret. */
const configMapPodPaths = [
  'volumes/configMap/name',
  'containers/env/valueFrom/configMapKeyRef/name',
  'initContainers/env/valueFrom/configMapKeyRef/name',
  'containers/envFrom/configMapRef/name',
  'initContainers/envFrom/configMapRef/name',
  'volumes/projected/sources/configMap/name',
];
const secretPodPaths = [
  'volumes/secret/secretName',
  'containers/env/valueFrom/secretKeyRef/name',
  'initContainers/env/valueFrom/secretKeyRef/name',
  'containers/envFrom/secretRef/name',
  'initContainers/envFrom/secretRef/name',
  'imagePullSecrets/name',
  'volumes/projected/sources/secret/name',
];

/** Where each workload keeps its pod spec. Pod is `v1` only; ReplicationController is deliberately absent. */
const podSpecHolders: { selector: GvkSelector; prefix: string }[] = [
  { selector: { version: 'v1', kind: 'Pod' }, prefix: 'spec' },
  { selector: { kind: 'PodTemplate' }, prefix: 'template/spec' },
  { selector: { kind: 'Deployment' }, prefix: 'spec/template/spec' },
  { selector: { kind: 'ReplicaSet' }, prefix: 'spec/template/spec' },
  { selector: { kind: 'DaemonSet' }, prefix: 'spec/template/spec' },
  { selector: { kind: 'StatefulSet' }, prefix: 'spec/template/spec' },
  { selector: { kind: 'Job' }, prefix: 'spec/template/spec' },
  { selector: { kind: 'CronJob' }, prefix: 'spec/jobTemplate/spec/template/spec' },
];

function inPodSpecs(subPaths: string[]): NameFieldSpec[] {
  return podSpecHolders.flatMap(({ selector, prefix }) => subPaths.map((p) => ({ ...selector, path: `${prefix}/${p}` })));
}

/** Workloads with a `serviceAccountName`-style field: no ReplicaSet, no PodTemplate, but ReplicationController. */
function inWorkloads(subPath: string): NameFieldSpec[] {
  return [
    { kind: 'Pod', path: `spec/${subPath}` },
    { kind: 'StatefulSet', path: `spec/template/spec/${subPath}` },
    { kind: 'Deployment', path: `spec/template/spec/${subPath}` },
    { kind: 'ReplicationController', path: `spec/template/spec/${subPath}` },
    { kind: 'CronJob', path: `spec/jobTemplate/spec/template/spec/${subPath}` },
    { kind: 'Job', path: `spec/template/spec/${subPath}` },
    { kind: 'DaemonSet', path: `spec/template/spec/${subPath}` },
  ];
}

const hpa = [{ kind: 'HorizontalPodAutoscaler', path: 'spec/scaleTargetRef/name' }];
const rbac = 'rbac.authorization.k8s.io';
const admission = 'admissionregistration.k8s.io';

export const BUILTIN_NAME_REFERENCES: NameBackReference[] = [
  { target: { kind: 'Deployment' }, referrers: hpa },
  { target: { kind: 'ReplicationController' }, referrers: hpa },
  { target: { kind: 'ReplicaSet' }, referrers: hpa },
  { target: { kind: 'StatefulSet' }, referrers: hpa },
  {
    target: { version: 'v1', kind: 'ConfigMap' },
    referrers: [
      ...inPodSpecs(configMapPodPaths),
      { kind: 'Node', path: 'spec/configSource/configMap' },
      { kind: 'Role', path: 'rules/resourceNames' },
      { kind: 'ClusterRole', path: 'rules/resourceNames' },
      { kind: 'Ingress', path: 'metadata/annotations/nginx.ingress.kubernetes.io\\/fastcgi-params-configmap' },
    ],
  },
  {
    target: { version: 'v1', kind: 'Secret' },
    referrers: [
      ...inPodSpecs(secretPodPaths),
      { kind: 'Ingress', path: 'spec/tls/secretName' },
      { kind: 'Ingress', path: 'metadata/annotations/ingress.kubernetes.io\\/auth-secret' },
      { kind: 'Ingress', path: 'metadata/annotations/nginx.ingress.kubernetes.io\\/auth-secret' },
      { kind: 'Ingress', path: 'metadata/annotations/nginx.ingress.kubernetes.io\\/auth-tls-secret' },
      { kind: 'ServiceAccount', path: 'imagePullSecrets/name' },
      { kind: 'StorageClass', path: 'parameters/secretName' },
      { kind: 'StorageClass', path: 'parameters/adminSecretName' },
      { kind: 'StorageClass', path: 'parameters/userSecretName' },
      { kind: 'StorageClass', path: 'parameters/secretRef' },
      { kind: 'Role', path: 'rules/resourceNames' },
      { kind: 'ClusterRole', path: 'rules/resourceNames' },
      { group: 'serving.knative.dev', version: 'v1', kind: 'Service', path: 'spec/template/spec/containers/env/valueFrom/secretKeyRef/name' },
      { kind: 'PersistentVolume', path: 'spec/azureFile/secretName' },
    ],
  },
  {
    target: { version: 'v1', kind: 'Service' },
    referrers: [
      { group: 'apps', kind: 'StatefulSet', path: 'spec/serviceName' },
      { kind: 'Ingress', path: 'spec/rules/http/paths/backend/serviceName' },
      { kind: 'Ingress', path: 'spec/backend/serviceName' },
      { kind: 'Ingress', path: 'spec/rules/http/paths/backend/service/name' },
      { kind: 'Ingress', path: 'spec/defaultBackend/service/name' },
      { group: 'apiregistration.k8s.io', kind: 'APIService', path: 'spec/service/name' },
      { group: admission, kind: 'ValidatingWebhookConfiguration', path: 'webhooks/clientConfig/service' },
      { group: admission, kind: 'MutatingWebhookConfiguration', path: 'webhooks/clientConfig/service' },
    ],
  },
  { target: { group: rbac, kind: 'Role' }, referrers: [{ group: rbac, kind: 'RoleBinding', path: 'roleRef/name' }] },
  {
    target: { group: rbac, kind: 'ClusterRole' },
    referrers: [
      { group: rbac, kind: 'RoleBinding', path: 'roleRef/name' },
      { group: rbac, kind: 'ClusterRoleBinding', path: 'roleRef/name' },
    ],
  },
  {
    target: { version: 'v1', kind: 'ServiceAccount' },
    referrers: [
      { group: rbac, kind: 'RoleBinding', path: 'subjects' },
      { group: rbac, kind: 'ClusterRoleBinding', path: 'subjects' },
      ...inWorkloads('serviceAccountName'),
    ],
  },
  { target: { version: 'v1', kind: 'PersistentVolumeClaim' }, referrers: inWorkloads('volumes/persistentVolumeClaim/claimName') },
  {
    target: { version: 'v1', kind: 'PersistentVolume' },
    referrers: [
      { kind: 'PersistentVolumeClaim', path: 'spec/volumeName' },
      { kind: 'ClusterRole', path: 'rules/resourceNames' },
    ],
  },
  {
    target: { group: 'storage.k8s.io', version: 'v1', kind: 'StorageClass' },
    referrers: [
      { kind: 'PersistentVolume', path: 'spec/storageClassName' },
      { kind: 'PersistentVolumeClaim', path: 'spec/storageClassName' },
      { kind: 'StatefulSet', path: 'spec/volumeClaimTemplates/spec/storageClassName' },
    ],
  },
  { target: { group: 'scheduling.k8s.io', version: 'v1', kind: 'PriorityClass' }, referrers: inWorkloads('priorityClassName') },
  {
    target: { group: 'networking.k8s.io/v1', version: 'v1', kind: 'IngressClass' },
    referrers: [{ kind: 'Ingress', path: 'spec/ingressClassName' }],
  },
  {
    target: { group: admission, kind: 'ValidatingAdmissionPolicy' },
    referrers: [{ group: admission, kind: 'ValidatingAdmissionPolicyBinding', path: 'spec/policyName' }],
  },
];
