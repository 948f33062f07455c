import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseApiVersion } from '../../src/core/resource-id.js';
import {
  elementSchema, fieldSchema, isClusterScoped, isMergeList, listMergeInfo, schemaForType, type SchemaNode,
} from '../../src/render/schema.js';

/**
 * `kubectl kustomize` with `namespace: zz` over one object of every listed
 * apiVersion/kind: these kept no metadata.namespace (cluster-scoped) …
 */
const CLUSTER_SCOPED = [
  'admissionregistration.k8s.io/v1 MutatingWebhookConfiguration',
  'admissionregistration.k8s.io/v1beta1 MutatingWebhookConfiguration',
  'admissionregistration.k8s.io/v1 ValidatingWebhookConfiguration',
  'admissionregistration.k8s.io/v1beta1 ValidatingWebhookConfiguration',
  'apiextensions.k8s.io/v1 CustomResourceDefinition', 'apiextensions.k8s.io/v1beta1 CustomResourceDefinition',
  'apiregistration.k8s.io/v1 APIService', 'apiregistration.k8s.io/v1beta1 APIService',
  'certificates.k8s.io/v1 CertificateSigningRequest', 'certificates.k8s.io/v1beta1 CertificateSigningRequest',
  'flowcontrol.apiserver.k8s.io/v1beta1 FlowSchema',
  'flowcontrol.apiserver.k8s.io/v1beta1 PriorityLevelConfiguration', 'networking.k8s.io/v1 IngressClass',
  'networking.k8s.io/v1beta1 IngressClass', 'node.k8s.io/v1 RuntimeClass', 'node.k8s.io/v1beta1 RuntimeClass',
  'rbac.authorization.k8s.io/v1 ClusterRole', 'rbac.authorization.k8s.io/v1beta1 ClusterRole',
  'rbac.authorization.k8s.io/v1 ClusterRoleBinding', 'rbac.authorization.k8s.io/v1beta1 ClusterRoleBinding',
  'scheduling.k8s.io/v1 PriorityClass', 'scheduling.k8s.io/v1beta1 PriorityClass',
  'storage.k8s.io/v1 CSIDriver', 'storage.k8s.io/v1beta1 CSIDriver', 'storage.k8s.io/v1 CSINode',
  'storage.k8s.io/v1beta1 CSINode', 'storage.k8s.io/v1 StorageClass', 'storage.k8s.io/v1beta1 StorageClass',
  'storage.k8s.io/v1 VolumeAttachment', 'storage.k8s.io/v1beta1 VolumeAttachment',
  'policy/v1beta1 PodSecurityPolicy', 'v1 ComponentStatus', 'v1 Node', 'v1 NodeProxyOptions',
  'v1 PersistentVolume',
];

/** … and these got one (namespaced, including every type kustomize's schema does not know). */
const NAMESPACED = [
  'admissionregistration.k8s.io/v1beta2 MutatingWebhookConfiguration',
  'admissionregistration.k8s.io/v1beta3 MutatingWebhookConfiguration',
  'admissionregistration.k8s.io/v1alpha1 MutatingWebhookConfiguration',
  'admissionregistration.k8s.io/v2 MutatingWebhookConfiguration',
  'admissionregistration.k8s.io/v1beta2 ValidatingWebhookConfiguration',
  'admissionregistration.k8s.io/v1beta3 ValidatingWebhookConfiguration',
  'admissionregistration.k8s.io/v1alpha1 ValidatingWebhookConfiguration',
  'admissionregistration.k8s.io/v2 ValidatingWebhookConfiguration',
  'admissionregistration.k8s.io/v1 ValidatingAdmissionPolicy',
  'admissionregistration.k8s.io/v1beta1 ValidatingAdmissionPolicy',
  'admissionregistration.k8s.io/v1beta2 ValidatingAdmissionPolicy',
  'admissionregistration.k8s.io/v1beta3 ValidatingAdmissionPolicy',
  'admissionregistration.k8s.io/v1alpha1 ValidatingAdmissionPolicy',
  'admissionregistration.k8s.io/v2 ValidatingAdmissionPolicy',
  'admissionregistration.k8s.io/v1 ValidatingAdmissionPolicyBinding',
  'admissionregistration.k8s.io/v1beta1 ValidatingAdmissionPolicyBinding',
  'admissionregistration.k8s.io/v1beta2 ValidatingAdmissionPolicyBinding',
  'admissionregistration.k8s.io/v1beta3 ValidatingAdmissionPolicyBinding',
  'admissionregistration.k8s.io/v1alpha1 ValidatingAdmissionPolicyBinding',
  'admissionregistration.k8s.io/v2 ValidatingAdmissionPolicyBinding',
  'apiextensions.k8s.io/v1beta2 CustomResourceDefinition',
  'apiextensions.k8s.io/v1beta3 CustomResourceDefinition',
  'apiextensions.k8s.io/v1alpha1 CustomResourceDefinition', 'apiextensions.k8s.io/v2 CustomResourceDefinition',
  'apiregistration.k8s.io/v1beta2 APIService', 'apiregistration.k8s.io/v1beta3 APIService',
  'apiregistration.k8s.io/v1alpha1 APIService', 'apiregistration.k8s.io/v2 APIService',
  'certificates.k8s.io/v1beta2 CertificateSigningRequest',
  'certificates.k8s.io/v1beta3 CertificateSigningRequest',
  'certificates.k8s.io/v1alpha1 CertificateSigningRequest', 'certificates.k8s.io/v2 CertificateSigningRequest',
  'certificates.k8s.io/v1 ClusterTrustBundle', 'certificates.k8s.io/v1beta1 ClusterTrustBundle',
  'certificates.k8s.io/v1beta2 ClusterTrustBundle', 'certificates.k8s.io/v1beta3 ClusterTrustBundle',
  'certificates.k8s.io/v1alpha1 ClusterTrustBundle', 'certificates.k8s.io/v2 ClusterTrustBundle',
  'flowcontrol.apiserver.k8s.io/v1 FlowSchema', 'flowcontrol.apiserver.k8s.io/v1beta2 FlowSchema',
  'flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema', 'flowcontrol.apiserver.k8s.io/v1alpha1 FlowSchema',
  'flowcontrol.apiserver.k8s.io/v2 FlowSchema', 'flowcontrol.apiserver.k8s.io/v1 PriorityLevelConfiguration',
  'flowcontrol.apiserver.k8s.io/v1beta2 PriorityLevelConfiguration',
  'flowcontrol.apiserver.k8s.io/v1beta3 PriorityLevelConfiguration',
  'flowcontrol.apiserver.k8s.io/v1alpha1 PriorityLevelConfiguration',
  'flowcontrol.apiserver.k8s.io/v2 PriorityLevelConfiguration', 'networking.k8s.io/v1beta2 IngressClass',
  'networking.k8s.io/v1beta3 IngressClass', 'networking.k8s.io/v1alpha1 IngressClass',
  'networking.k8s.io/v2 IngressClass', 'networking.k8s.io/v1 ClusterCIDR',
  'networking.k8s.io/v1beta1 ClusterCIDR', 'networking.k8s.io/v1beta2 ClusterCIDR',
  'networking.k8s.io/v1beta3 ClusterCIDR', 'networking.k8s.io/v1alpha1 ClusterCIDR',
  'networking.k8s.io/v2 ClusterCIDR', 'networking.k8s.io/v1 Ingress', 'networking.k8s.io/v1beta1 Ingress',
  'networking.k8s.io/v1beta2 Ingress', 'networking.k8s.io/v1beta3 Ingress',
  'networking.k8s.io/v1alpha1 Ingress', 'networking.k8s.io/v2 Ingress', 'node.k8s.io/v1beta2 RuntimeClass',
  'node.k8s.io/v1beta3 RuntimeClass', 'node.k8s.io/v1alpha1 RuntimeClass', 'node.k8s.io/v2 RuntimeClass',
  'rbac.authorization.k8s.io/v1beta2 ClusterRole', 'rbac.authorization.k8s.io/v1beta3 ClusterRole',
  'rbac.authorization.k8s.io/v1alpha1 ClusterRole', 'rbac.authorization.k8s.io/v2 ClusterRole',
  'rbac.authorization.k8s.io/v1beta2 ClusterRoleBinding',
  'rbac.authorization.k8s.io/v1beta3 ClusterRoleBinding',
  'rbac.authorization.k8s.io/v1alpha1 ClusterRoleBinding', 'rbac.authorization.k8s.io/v2 ClusterRoleBinding',
  'rbac.authorization.k8s.io/v1 Role', 'rbac.authorization.k8s.io/v1beta1 Role',
  'rbac.authorization.k8s.io/v1beta2 Role', 'rbac.authorization.k8s.io/v1beta3 Role',
  'rbac.authorization.k8s.io/v1alpha1 Role', 'rbac.authorization.k8s.io/v2 Role',
  'scheduling.k8s.io/v1beta2 PriorityClass', 'scheduling.k8s.io/v1beta3 PriorityClass',
  'scheduling.k8s.io/v1alpha1 PriorityClass', 'scheduling.k8s.io/v2 PriorityClass',
  'storage.k8s.io/v1beta2 CSIDriver', 'storage.k8s.io/v1beta3 CSIDriver', 'storage.k8s.io/v1alpha1 CSIDriver',
  'storage.k8s.io/v2 CSIDriver', 'storage.k8s.io/v1beta2 CSINode', 'storage.k8s.io/v1beta3 CSINode',
  'storage.k8s.io/v1alpha1 CSINode', 'storage.k8s.io/v2 CSINode', 'storage.k8s.io/v1beta2 StorageClass',
  'storage.k8s.io/v1beta3 StorageClass', 'storage.k8s.io/v1alpha1 StorageClass',
  'storage.k8s.io/v2 StorageClass', 'storage.k8s.io/v1beta2 VolumeAttachment',
  'storage.k8s.io/v1beta3 VolumeAttachment', 'storage.k8s.io/v1alpha1 VolumeAttachment',
  'storage.k8s.io/v2 VolumeAttachment', 'storage.k8s.io/v1 CSIStorageCapacity',
  'storage.k8s.io/v1beta1 CSIStorageCapacity', 'storage.k8s.io/v1beta2 CSIStorageCapacity',
  'storage.k8s.io/v1beta3 CSIStorageCapacity', 'storage.k8s.io/v1alpha1 CSIStorageCapacity',
  'storage.k8s.io/v2 CSIStorageCapacity', 'policy/v1 PodSecurityPolicy', 'policy/v1beta2 PodSecurityPolicy',
  'policy/v1beta3 PodSecurityPolicy', 'policy/v1alpha1 PodSecurityPolicy', 'policy/v2 PodSecurityPolicy',
  'policy/v1 PodDisruptionBudget', 'policy/v1beta1 PodDisruptionBudget', 'policy/v1beta2 PodDisruptionBudget',
  'policy/v1beta3 PodDisruptionBudget', 'policy/v1alpha1 PodDisruptionBudget', 'policy/v2 PodDisruptionBudget',
  'resource.k8s.io/v1 ResourceClass', 'resource.k8s.io/v1beta1 ResourceClass',
  'resource.k8s.io/v1beta2 ResourceClass', 'resource.k8s.io/v1beta3 ResourceClass',
  'resource.k8s.io/v1alpha1 ResourceClass', 'resource.k8s.io/v2 ResourceClass',
  'resource.k8s.io/v1 ResourceClaim', 'resource.k8s.io/v1beta1 ResourceClaim',
  'resource.k8s.io/v1beta2 ResourceClaim', 'resource.k8s.io/v1beta3 ResourceClaim',
  'resource.k8s.io/v1alpha1 ResourceClaim', 'resource.k8s.io/v2 ResourceClaim',
  'internal.apiserver.k8s.io/v1 StorageVersion', 'internal.apiserver.k8s.io/v1beta1 StorageVersion',
  'internal.apiserver.k8s.io/v1beta2 StorageVersion', 'internal.apiserver.k8s.io/v1beta3 StorageVersion',
  'internal.apiserver.k8s.io/v1alpha1 StorageVersion', 'internal.apiserver.k8s.io/v2 StorageVersion',
  'authentication.k8s.io/v1 TokenReview', 'authentication.k8s.io/v1beta1 TokenReview',
  'authentication.k8s.io/v1beta2 TokenReview', 'authentication.k8s.io/v1beta3 TokenReview',
  'authentication.k8s.io/v1alpha1 TokenReview', 'authentication.k8s.io/v2 TokenReview',
  'authentication.k8s.io/v1 SelfSubjectReview', 'authentication.k8s.io/v1beta1 SelfSubjectReview',
  'authentication.k8s.io/v1beta2 SelfSubjectReview', 'authentication.k8s.io/v1beta3 SelfSubjectReview',
  'authentication.k8s.io/v1alpha1 SelfSubjectReview', 'authentication.k8s.io/v2 SelfSubjectReview',
  'authorization.k8s.io/v1 SubjectAccessReview', 'authorization.k8s.io/v1beta1 SubjectAccessReview',
  'authorization.k8s.io/v1beta2 SubjectAccessReview', 'authorization.k8s.io/v1beta3 SubjectAccessReview',
  'authorization.k8s.io/v1alpha1 SubjectAccessReview', 'authorization.k8s.io/v2 SubjectAccessReview',
  'authorization.k8s.io/v1 SelfSubjectAccessReview', 'authorization.k8s.io/v1beta1 SelfSubjectAccessReview',
  'authorization.k8s.io/v1beta2 SelfSubjectAccessReview',
  'authorization.k8s.io/v1beta3 SelfSubjectAccessReview',
  'authorization.k8s.io/v1alpha1 SelfSubjectAccessReview', 'authorization.k8s.io/v2 SelfSubjectAccessReview',
  'authorization.k8s.io/v1 SelfSubjectRulesReview', 'authorization.k8s.io/v1beta1 SelfSubjectRulesReview',
  'authorization.k8s.io/v1beta2 SelfSubjectRulesReview', 'authorization.k8s.io/v1beta3 SelfSubjectRulesReview',
  'authorization.k8s.io/v1alpha1 SelfSubjectRulesReview', 'authorization.k8s.io/v2 SelfSubjectRulesReview',
  'authorization.k8s.io/v1 LocalSubjectAccessReview', 'authorization.k8s.io/v1beta1 LocalSubjectAccessReview',
  'authorization.k8s.io/v1beta2 LocalSubjectAccessReview',
  'authorization.k8s.io/v1beta3 LocalSubjectAccessReview',
  'authorization.k8s.io/v1alpha1 LocalSubjectAccessReview', 'authorization.k8s.io/v2 LocalSubjectAccessReview',
  'v1beta1 ComponentStatus', 'v1beta2 ComponentStatus', 'v1beta3 ComponentStatus', 'v1alpha1 ComponentStatus',
  'v2 ComponentStatus', 'v1beta1 Node', 'v1beta2 Node', 'v1beta3 Node', 'v1alpha1 Node', 'v2 Node',
  'v1beta1 NodeProxyOptions', 'v1beta2 NodeProxyOptions', 'v1beta3 NodeProxyOptions',
  'v1alpha1 NodeProxyOptions', 'v2 NodeProxyOptions', 'v1beta1 PersistentVolume', 'v1beta2 PersistentVolume',
  'v1beta3 PersistentVolume', 'v1alpha1 PersistentVolume', 'v2 PersistentVolume', 'v1 ConfigMap',
  'v1beta1 ConfigMap', 'v1beta2 ConfigMap', 'v1beta3 ConfigMap', 'v1alpha1 ConfigMap', 'v2 ConfigMap',
];

function gvkOf(type: string) {
  const [apiVersion, kind] = type.split(' ') as [string, string];
  return { ...parseApiVersion(apiVersion), kind };
}

describe('isClusterScoped', () => {
  it('agrees with kubectl on cluster-scoped types', () => {
    assert.deepEqual(CLUSTER_SCOPED.filter((t) => !isClusterScoped(gvkOf(t))), []);
  });
  it('agrees with kubectl on namespaced and unknown types', () => {
    assert.deepEqual(NAMESPACED.filter((t) => isClusterScoped(gvkOf(t))), []);
  });
});

function at(root: SchemaNode | undefined, ...path: string[]): SchemaNode | undefined {
  return path.reduce<SchemaNode | undefined>((node, step) => (step === '[]' ? elementSchema(node) : fieldSchema(node, step)), root);
}

describe('schema walker', () => {
  const deployment = schemaForType('apps/v1', 'Deployment');
  const podSpec = at(deployment, 'spec', 'template', 'spec');

  it('finds merge keys along a path', () => {
    assert.deepEqual(listMergeInfo(at(podSpec, 'containers')), { strategy: 'merge', keys: ['name'] });
    assert.deepEqual(listMergeInfo(at(podSpec, 'containers', '[]', 'env')), { strategy: 'merge', keys: ['name'] });
    assert.deepEqual(listMergeInfo(at(podSpec, 'volumes')), { strategy: 'merge,retainKeys', keys: ['name'] });
    assert.deepEqual(listMergeInfo(at(deployment, 'metadata', 'ownerReferences')), { strategy: 'merge', keys: ['uid'] });
  });

  it('prefers list-map keys, giving composite keys', () => {
    assert.deepEqual(listMergeInfo(at(podSpec, 'containers', '[]', 'ports')), { strategy: 'merge', keys: ['containerPort', 'protocol'] });
    assert.deepEqual(listMergeInfo(at(schemaForType('v1', 'Service'), 'spec', 'ports')), { strategy: 'merge', keys: ['port', 'protocol'] });
    assert.deepEqual(listMergeInfo(at(podSpec, 'topologySpreadConstraints')).keys, ['topologyKey', 'whenUnsatisfiable']);
  });

  it('knows primitive merge lists and replaced lists', () => {
    assert.equal(isMergeList(at(deployment, 'metadata', 'finalizers')), true);
    assert.deepEqual(listMergeInfo(at(deployment, 'metadata', 'finalizers')).keys, []);
    for (const replaced of ['tolerations', 'schedulingGates']) assert.equal(isMergeList(at(podSpec, replaced)), false, replaced);
    assert.equal(isMergeList(at(podSpec, 'containers', '[]', 'args')), false);
  });

  it('walks CronJob templates and typed maps', () => {
    const cron = at(schemaForType('batch/v1', 'CronJob'), 'spec', 'jobTemplate', 'spec', 'template', 'spec', 'containers');
    assert.equal(isMergeList(cron), true);
    const crd = schemaForType('apiextensions.k8s.io/v1', 'CustomResourceDefinition');
    const props = at(crd, 'spec', 'versions', '[]', 'schema', 'openAPIV3Schema', 'properties', 'anything', 'properties', 'more');
    assert.ok(props, 'JSONSchemaProps.properties is a map of JSONSchemaProps');
  });

  it('looks types up by exact apiVersion, with kustomize v1.21.2 types kept', () => {
    assert.ok(schemaForType('batch/v1beta1', 'CronJob'));
    assert.ok(schemaForType('policy/v1beta1', 'PodDisruptionBudget'));
    assert.equal(schemaForType('apps/v1beta2', 'Deployment'), undefined);
    assert.equal(schemaForType('autoscaling/v2', 'HorizontalPodAutoscaler'), undefined, 'newer than kustomize');
    assert.equal(schemaForType('example.com/v1', 'Foo'), undefined);
  });

  it('answers undefined off the schema', () => {
    assert.equal(at(deployment, 'spec', 'noSuchField'), undefined);
    assert.equal(elementSchema(at(deployment, 'spec')), undefined);
    assert.deepEqual(listMergeInfo(undefined), { strategy: '', keys: [] });
  });
});
