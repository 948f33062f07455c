import type { FieldSpec } from './field-specs.js';

/**
 * kustomize v5.5's built-in field specs (api/internal/konfig/builtinpluginconsts),
 * as data. Order matters only for readability; every matching spec is applied.
 */

const create = true;

/** Pod-template label paths: `labels{includeTemplates}` and part of commonLabels. */
export const TEMPLATE_LABEL_SPECS: readonly FieldSpec[] = [
  { path: 'spec/template/metadata/labels', create, version: 'v1', kind: 'ReplicationController' },
  { path: 'spec/template/metadata/labels', create, kind: 'Deployment' },
  { path: 'spec/template/metadata/labels', create, kind: 'ReplicaSet' },
  { path: 'spec/template/metadata/labels', create, kind: 'DaemonSet' },
  { path: 'spec/template/metadata/labels', create, group: 'apps', kind: 'StatefulSet' },
  { path: 'spec/volumeClaimTemplates[]/metadata/labels', create, group: 'apps', kind: 'StatefulSet' },
  { path: 'spec/template/metadata/labels', create, group: 'batch', kind: 'Job' },
  { path: 'spec/jobTemplate/metadata/labels', create, group: 'batch', kind: 'CronJob' },
  { path: 'spec/jobTemplate/spec/template/metadata/labels', create, group: 'batch', kind: 'CronJob' },
];

export const METADATA_LABEL_SPEC: FieldSpec = { path: 'metadata/labels', create };

/** Label selectors: commonLabels and `labels{includeSelectors}` write these too. */
export const SELECTOR_LABEL_SPECS: readonly FieldSpec[] = [
  { path: 'spec/selector', create, version: 'v1', kind: 'Service' },
  { path: 'spec/selector', create, version: 'v1', kind: 'ReplicationController' },
  { path: 'spec/selector/matchLabels', create, kind: 'Deployment' },
  ...affinitySelectorSpecs('Deployment'),
  { path: 'spec/selector/matchLabels', create, kind: 'ReplicaSet' },
  { path: 'spec/selector/matchLabels', create, kind: 'DaemonSet' },
  { path: 'spec/selector/matchLabels', create, group: 'apps', kind: 'StatefulSet' },
  ...affinitySelectorSpecs('StatefulSet'),
  { path: 'spec/selector/matchLabels', group: 'batch', kind: 'Job' },
  { path: 'spec/jobTemplate/spec/selector/matchLabels', group: 'batch', kind: 'CronJob' },
  { path: 'spec/selector/matchLabels', group: 'policy', kind: 'PodDisruptionBudget' },
  { path: 'spec/podSelector/matchLabels', group: 'networking.k8s.io', kind: 'NetworkPolicy' },
  { path: 'spec/ingress/from/podSelector/matchLabels', group: 'networking.k8s.io', kind: 'NetworkPolicy' },
  { path: 'spec/egress/to/podSelector/matchLabels', group: 'networking.k8s.io', kind: 'NetworkPolicy' },
];

function affinitySelectorSpecs(kind: string): FieldSpec[] {
  const spec = 'spec/template/spec';
  return [
    `${spec}/affinity/podAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels`,
    `${spec}/affinity/podAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels`,
    `${spec}/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels`,
    `${spec}/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels`,
    `${spec}/topologySpreadConstraints/labelSelector/matchLabels`,
  ].map((path) => ({ path, group: 'apps', kind }));
}

/** commonLabels and `labels{includeSelectors: true}`. */
export const COMMON_LABEL_SPECS: readonly FieldSpec[] = [...SELECTOR_LABEL_SPECS, METADATA_LABEL_SPEC, ...TEMPLATE_LABEL_SPECS];

export const COMMON_ANNOTATION_SPECS: readonly FieldSpec[] = [
  { path: 'metadata/annotations', create },
  { path: 'spec/template/metadata/annotations', create, version: 'v1', kind: 'ReplicationController' },
  { path: 'spec/template/metadata/annotations', create, kind: 'Deployment' },
  { path: 'spec/template/metadata/annotations', create, kind: 'ReplicaSet' },
  { path: 'spec/template/metadata/annotations', create, kind: 'DaemonSet' },
  { path: 'spec/template/metadata/annotations', create, kind: 'StatefulSet' },
  { path: 'spec/template/metadata/annotations', create, group: 'batch', kind: 'Job' },
  { path: 'spec/jobTemplate/metadata/annotations', create, group: 'batch', kind: 'CronJob' },
  { path: 'spec/jobTemplate/spec/template/metadata/annotations', create, group: 'batch', kind: 'CronJob' },
];

export const NAME_PREFIX_SPECS: readonly FieldSpec[] = [{ path: 'metadata/name' }];
export const NAME_SUFFIX_SPECS: readonly FieldSpec[] = [{ path: 'metadata/name' }];

/**
 * Namespace specs beyond `metadata/namespace` (which the transformer handles
 * itself, skipping cluster-scoped kinds) and RoleBinding subjects (also special).
 */
export const NAMESPACE_SPECS: readonly FieldSpec[] = [
  { path: 'metadata/namespace', create },
  { path: 'subjects', kind: 'RoleBinding' },
  { path: 'subjects', kind: 'ClusterRoleBinding' },
  { path: 'spec/service/namespace', create, group: 'apiregistration.k8s.io', kind: 'APIService' },
  { path: 'spec/conversion/webhook/clientConfig/service/namespace', group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition' },
];

export const IMAGE_SPECS: readonly FieldSpec[] = [
  { path: 'spec/containers[]/image', create },
  { path: 'spec/initContainers[]/image', create },
  { path: 'spec/template/spec/containers[]/image', create },
  { path: 'spec/template/spec/initContainers[]/image', create },
];

export const REPLICA_SPECS: readonly FieldSpec[] = [
  { path: 'spec/replicas', create, kind: 'Deployment' },
  { path: 'spec/replicas', create, kind: 'StatefulSet' },
  { path: 'spec/replicas', create, kind: 'ReplicaSet' },
  { path: 'spec/replicas', create, kind: 'ReplicationController' },
];
