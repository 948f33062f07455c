/**
 * The user-facing and discovery ClusterRoles every Kubernetes cluster
 * bootstraps, and the two bootstrap roles aggregated API servers bind
 * (kubernetes/kubernetes plugin/pkg/auth/authorizer/rbac/bootstrappolicy,
 * policy.go and testdata/cluster-roles.yaml, namespace-roles.yaml, 1.28–1.31).
 * admin, edit and view are aggregating roles: their content lives in the
 * system:aggregate-to-* roles, chained through the aggregate-to labels, so
 * custom roles labelled aggregate-to-view/edit/admin join them as they do in
 * a cluster.
 */
import type { JsonObject } from '../../core/json.js';

const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update'];
const READ_WRITE = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

export const BOOTSTRAP_LABEL = 'kubernetes.io/bootstrapping';
export const AGGREGATE_TO = (role: 'admin' | 'edit' | 'view'): string => `rbac.authorization.k8s.io/aggregate-to-${role}`;

interface RuleSpec {
  groups?: string[];
  resources?: string[];
  verbs: string[];
  names?: string[];
  urls?: string[];
}

function rule(spec: RuleSpec): JsonObject {
  const out: JsonObject = {};
  if (spec.groups) out.apiGroups = spec.groups;
  if (spec.names) out.resourceNames = spec.names;
  if (spec.resources) out.resources = spec.resources;
  if (spec.urls) out.nonResourceURLs = spec.urls;
  out.verbs = spec.verbs;
  return out;
}

function clusterRole(name: string, rules: RuleSpec[] | null, labels: Record<string, string> = {}, aggregateFrom?: 'admin' | 'edit' | 'view'): JsonObject {
  const obj: JsonObject = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: {
      name,
      labels: { [BOOTSTRAP_LABEL]: 'rbac-defaults', ...labels },
      annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' },
    },
    rules: rules === null ? [] : rules.map(rule),
  };
  if (aggregateFrom) obj.aggregationRule = { clusterRoleSelectors: [{ matchLabels: { [AGGREGATE_TO(aggregateFrom)]: 'true' } }] };
  return obj;
}

const label = (role: 'admin' | 'edit' | 'view'): Record<string, string> => ({ [AGGREGATE_TO(role)]: 'true' });

const AGGREGATE_TO_ADMIN: RuleSpec[] = [
  { groups: ['authorization.k8s.io'], resources: ['localsubjectaccessreviews'], verbs: ['create'] },
  { groups: ['rbac.authorization.k8s.io'], resources: ['rolebindings', 'roles'], verbs: READ_WRITE },
];

const AGGREGATE_TO_EDIT: RuleSpec[] = [
  { groups: [''], resources: ['pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy', 'secrets', 'services/proxy'], verbs: READ },
  { groups: [''], resources: ['serviceaccounts'], verbs: ['impersonate'] },
  { groups: [''], resources: ['pods', 'pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy'], verbs: WRITE },
  { groups: [''], resources: ['pods/eviction'], verbs: ['create'] },
  {
    groups: [''],
    resources: ['configmaps', 'events', 'persistentvolumeclaims', 'replicationcontrollers', 'replicationcontrollers/scale', 'secrets', 'serviceaccounts', 'services', 'services/proxy'],
    verbs: WRITE,
  },
  { groups: [''], resources: ['serviceaccounts/token'], verbs: ['create'] },
  {
    groups: ['apps'],
    resources: ['daemonsets', 'deployments', 'deployments/rollback', 'deployments/scale', 'replicasets', 'replicasets/scale', 'statefulsets', 'statefulsets/scale'],
    verbs: WRITE,
  },
  { groups: ['autoscaling'], resources: ['horizontalpodautoscalers'], verbs: WRITE },
  { groups: ['batch'], resources: ['cronjobs', 'jobs'], verbs: WRITE },
  {
    groups: ['extensions'],
    resources: ['daemonsets', 'deployments', 'deployments/rollback', 'deployments/scale', 'ingresses', 'networkpolicies', 'replicasets', 'replicasets/scale', 'replicationcontrollers/scale'],
    verbs: WRITE,
  },
  { groups: ['policy'], resources: ['poddisruptionbudgets'], verbs: WRITE },
  { groups: ['networking.k8s.io'], resources: ['ingresses', 'networkpolicies'], verbs: WRITE },
  { groups: ['coordination.k8s.io'], resources: ['leases'], verbs: READ_WRITE },
];

const AGGREGATE_TO_VIEW: RuleSpec[] = [
  {
    groups: [''],
    resources: ['configmaps', 'endpoints', 'persistentvolumeclaims', 'persistentvolumeclaims/status', 'pods', 'replicationcontrollers', 'replicationcontrollers/scale', 'serviceaccounts', 'services', 'services/status'],
    verbs: READ,
  },
  {
    groups: [''],
    resources: ['bindings', 'events', 'limitranges', 'namespaces/status', 'pods/log', 'pods/status', 'replicationcontrollers/status', 'resourcequotas', 'resourcequotas/status'],
    verbs: READ,
  },
  { groups: [''], resources: ['namespaces'], verbs: READ },
  { groups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: READ },
  {
    groups: ['apps'],
    resources: [
      'controllerrevisions', 'daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status',
      'replicasets', 'replicasets/scale', 'replicasets/status', 'statefulsets', 'statefulsets/scale', 'statefulsets/status',
    ],
    verbs: READ,
  },
  { groups: ['autoscaling'], resources: ['horizontalpodautoscalers', 'horizontalpodautoscalers/status'], verbs: READ },
  { groups: ['batch'], resources: ['cronjobs', 'cronjobs/status', 'jobs', 'jobs/status'], verbs: READ },
  {
    groups: ['extensions'],
    resources: [
      'daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status', 'ingresses', 'ingresses/status',
      'networkpolicies', 'replicasets', 'replicasets/scale', 'replicasets/status', 'replicationcontrollers/scale',
    ],
    verbs: READ,
  },
  { groups: ['policy'], resources: ['poddisruptionbudgets', 'poddisruptionbudgets/status'], verbs: READ },
  { groups: ['networking.k8s.io'], resources: ['ingresses', 'ingresses/status', 'networkpolicies'], verbs: READ },
];

/** The built-in ClusterRoles, as objects (rules of aggregating roles are computed by the evaluator). */
export function defaultClusterRoles(): JsonObject[] {
  return [
    clusterRole('cluster-admin', [
      { groups: ['*'], resources: ['*'], verbs: ['*'] },
      { urls: ['*'], verbs: ['*'] },
    ]),
    clusterRole('admin', null, {}, 'admin'),
    clusterRole('edit', null, label('admin'), 'edit'),
    clusterRole('view', null, label('edit'), 'view'),
    clusterRole('system:aggregate-to-admin', AGGREGATE_TO_ADMIN, label('admin')),
    clusterRole('system:aggregate-to-edit', AGGREGATE_TO_EDIT, label('edit')),
    clusterRole('system:aggregate-to-view', AGGREGATE_TO_VIEW, label('view')),
    clusterRole('system:basic-user', [
      { groups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'], verbs: ['create'] },
      { groups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'], verbs: ['create'] },
    ]),
    clusterRole('system:discovery', [
      { urls: ['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/livez', '/openapi', '/openapi/*', '/readyz', '/version', '/version/'], verbs: ['get'] },
    ]),
    clusterRole('system:public-info-viewer', [{ urls: ['/healthz', '/livez', '/readyz', '/version', '/version/'], verbs: ['get'] }]),
    // Referenced by aggregated API servers (metrics-server, prometheus-adapter) to delegate authentication.
    clusterRole('system:auth-delegator', [
      { groups: ['authentication.k8s.io'], resources: ['tokenreviews'], verbs: ['create'] },
      { groups: ['authorization.k8s.io'], resources: ['subjectaccessreviews'], verbs: ['create'] },
    ]),
  ];
}

/** The bootstrap Role aggregated API servers bind to read the front proxy's CA (namespace-roles.yaml). */
export function defaultRoles(): JsonObject[] {
  const reader = clusterRole('extension-apiserver-authentication-reader', [
    { groups: [''], resources: ['configmaps'], names: ['extension-apiserver-authentication'], verbs: READ },
  ]);
  return [{ ...reader, kind: 'Role', metadata: { ...(reader.metadata as JsonObject), namespace: 'kube-system' } }];
}
