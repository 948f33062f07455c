/**
 * Whether an object is namespaced. Built-in cluster-scoped kinds are listed
 * by name (across all their API versions); custom kinds use the scope of a
 * CustomResourceDefinition in the set; failing that, a `Cluster…` kind name
 * (ClusterIssuer, ClusterSecretStore, ClusterPolicy …) is taken as
 * cluster-scoped, the convention controllers follow.
 */
import type { Resource } from '../../core/resource.js';
import type { ContextIndex } from './indexes.js';

const BUILT_IN_CLUSTER_KINDS = new Set([
  'Namespace', 'Node', 'PersistentVolume', 'ComponentStatus',
  'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'APIService',
  'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration',
  'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding', 'MutatingAdmissionPolicy', 'MutatingAdmissionPolicyBinding',
  'StorageClass', 'CSIDriver', 'CSINode', 'VolumeAttachment', 'VolumeAttributesClass',
  'PriorityClass', 'IngressClass', 'RuntimeClass', 'CertificateSigningRequest', 'ClusterTrustBundle',
  'FlowSchema', 'PriorityLevelConfiguration', 'PodSecurityPolicy', 'StorageVersionMigration',
  'IPAddress', 'ServiceCIDR', 'DeviceClass', 'ResourceSlice',
  'TokenReview', 'SelfSubjectReview', 'SubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview',
]);

function isBuiltInGroup(group: string): boolean {
  return group === '' || group.endsWith('.k8s.io') || ['apps', 'batch', 'policy', 'autoscaling', 'extensions'].includes(group);
}

export function isNamespaced(resource: Resource, index: ContextIndex): boolean {
  const { group } = resource.id;
  const kind = resource.kind;
  if (isBuiltInGroup(group) && BUILT_IN_CLUSTER_KINDS.has(kind)) return false;
  const declared = index.customScope(group, kind);
  if (declared !== undefined) return declared !== 'Cluster';
  if (isBuiltInGroup(group)) return true;
  return !/^Cluster[A-Z]/.test(kind);
}
