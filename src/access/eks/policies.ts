/**
 * EKS access policies: AWS-managed, allow-only, fixed rule sets associated
 * with an access entry at cluster or namespace scope. They are not RBAC
 * objects (`kubectl auth can-i --list` never shows them, impersonation drops
 * them), so they are modelled apart and unioned with RBAC. Rules from the
 * EKS user guide's access-policy reference (access-policy-reference.adoc).
 */
import type { PolicyRule } from '../evaluate/types.js';
import { EKS_POLICY_PREFIX } from '../model.js';

const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update'];
const ALL = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

function r(apiGroups: string[], resources: string[], verbs: string[]): PolicyRule {
  return { apiGroups, resources, verbs, resourceNames: [], nonResourceURLs: [] };
}

/** What ViewPolicy grants; EditPolicy and AdminPolicy repeat it. */
const VIEW: PolicyRule[] = [
  r(['apps'], ['controllerrevisions', 'daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status', 'replicasets', 'replicasets/scale', 'replicasets/status', 'statefulsets', 'statefulsets/scale', 'statefulsets/status'], READ),
  r(['autoscaling'], ['horizontalpodautoscalers', 'horizontalpodautoscalers/status'], READ),
  r(['batch'], ['cronjobs', 'cronjobs/status', 'jobs', 'jobs/status'], READ),
  r(['discovery.k8s.io'], ['endpointslices'], READ),
  r(['extensions'], ['daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status', 'ingresses', 'ingresses/status', 'networkpolicies', 'replicasets', 'replicasets/scale', 'replicasets/status', 'replicationcontrollers/scale'], READ),
  r(['networking.k8s.io'], ['ingresses', 'ingresses/status', 'networkpolicies'], READ),
  r(['policy'], ['poddisruptionbudgets', 'poddisruptionbudgets/status'], READ),
  r([''], ['configmaps', 'endpoints', 'persistentvolumeclaims', 'persistentvolumeclaims/status', 'pods', 'replicationcontrollers', 'replicationcontrollers/scale', 'serviceaccounts', 'services', 'services/status'], READ),
  r([''], ['bindings', 'events', 'limitranges', 'namespaces/status', 'pods/log', 'pods/status', 'replicationcontrollers/status', 'resourcequotas', 'resourcequotas/status'], READ),
  r([''], ['namespaces'], READ),
];

const EDIT_EXTRA: PolicyRule[] = [
  r(['apps'], ['daemonsets', 'deployments', 'deployments/rollback', 'deployments/scale', 'replicasets', 'replicasets/scale', 'statefulsets', 'statefulsets/scale'], WRITE),
  r(['autoscaling'], ['horizontalpodautoscalers'], WRITE),
  r(['batch'], ['cronjobs', 'jobs'], WRITE),
  r(['extensions'], ['daemonsets', 'deployments', 'deployments/rollback', 'deployments/scale', 'ingresses', 'networkpolicies', 'replicasets', 'replicasets/scale', 'replicationcontrollers/scale'], WRITE),
  r(['networking.k8s.io'], ['ingresses', 'networkpolicies'], WRITE),
  r(['policy'], ['poddisruptionbudgets'], WRITE),
  r([''], ['pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy', 'secrets', 'services/proxy'], READ),
  r([''], ['serviceaccounts'], ['impersonate']),
  r([''], ['pods', 'pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy'], WRITE),
  r([''], ['configmaps', 'events', 'persistentvolumeclaims', 'replicationcontrollers', 'replicationcontrollers/scale', 'secrets', 'serviceaccounts', 'services', 'services/proxy'], WRITE),
];

const ADMIN_EXTRA: PolicyRule[] = [
  r(['authorization.k8s.io'], ['localsubjectaccessreviews'], ['create']),
  r(['rbac.authorization.k8s.io'], ['rolebindings', 'roles'], ALL),
];

export interface EksAccessPolicy {
  name: string;
  arn: string;
  /** The ClusterRole it resembles, for display. */
  like?: string;
  rules: PolicyRule[];
}

function policy(name: string, rules: PolicyRule[], like?: string): EksAccessPolicy {
  return { name, arn: `${EKS_POLICY_PREFIX}${name}`, rules, ...(like ? { like } : {}) };
}

export const EKS_ACCESS_POLICIES: readonly EksAccessPolicy[] = [
  policy('AmazonEKSClusterAdminPolicy', [r(['*'], ['*'], ['*']), { apiGroups: [], resources: [], verbs: ['*'], resourceNames: [], nonResourceURLs: ['*'] }], 'cluster-admin'),
  policy('AmazonEKSAdminPolicy', [...EDIT_EXTRA, ...VIEW, ...ADMIN_EXTRA], 'admin'),
  policy('AmazonEKSEditPolicy', [...EDIT_EXTRA, ...VIEW], 'edit'),
  policy('AmazonEKSViewPolicy', VIEW, 'view'),
  policy('AmazonEKSAdminViewPolicy', [r(['*'], ['*'], READ)]),
  policy('AmazonEKSSecretReaderPolicy', [r([''], ['secrets'], READ)]),
];

/** The policy an ARN (or a bare name) names; undefined for policies not modelled here. */
export function accessPolicy(arnOrName: string): EksAccessPolicy | undefined {
  const name = arnOrName.startsWith(EKS_POLICY_PREFIX) ? arnOrName.slice(EKS_POLICY_PREFIX.length) : arnOrName;
  return EKS_ACCESS_POLICIES.find((p) => p.name === name);
}
