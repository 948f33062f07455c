/**
 * The order a careful operator applies a set in: Namespaces, then
 * CustomResourceDefinitions (so the kinds they define exist), then other
 * cluster-scoped kinds, then namespaced ones, custom resources last. Within a
 * phase, Helm's install order by kind (ServiceAccounts and ConfigMaps before
 * the Deployments that mount them; webhooks last, so a webhook whose backend
 * is not up yet cannot block the rest). Deletion runs the same order backwards.
 */
import { groupOf, objectKey, type KubeObject } from './types.js';

export const Phase = { Namespaces: 0, Definitions: 1, ClusterScoped: 2, Namespaced: 3, CustomResources: 4 } as const;
export type Phase = (typeof Phase)[keyof typeof Phase];

/** Helm's InstallOrder (pkg/release/util/kind_sorter.go), plus the admission kinds at the end. */
const KIND_ORDER = [
  'Namespace', 'NetworkPolicy', 'ResourceQuota', 'LimitRange', 'PodSecurityPolicy', 'PodDisruptionBudget', 'ServiceAccount',
  'Secret', 'SecretList', 'ConfigMap', 'StorageClass', 'PersistentVolume', 'PersistentVolumeClaim', 'CustomResourceDefinition',
  'ClusterRole', 'ClusterRoleList', 'ClusterRoleBinding', 'ClusterRoleBindingList', 'Role', 'RoleList', 'RoleBinding', 'RoleBindingList',
  'Service', 'DaemonSet', 'Pod', 'ReplicationController', 'ReplicaSet', 'Deployment', 'HorizontalPodAutoscaler', 'StatefulSet', 'Job',
  'CronJob', 'IngressClass', 'Ingress', 'APIService', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding',
  'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration',
];
const KIND_RANK = new Map(KIND_ORDER.map((kind, i) => [kind, i]));

/** API groups Kubernetes itself serves; anything else is a custom resource. */
const BUILTIN_GROUPS = new Set([
  '', 'apps', 'batch', 'autoscaling', 'policy', 'networking.k8s.io', 'rbac.authorization.k8s.io', 'storage.k8s.io', 'apiextensions.k8s.io',
  'admissionregistration.k8s.io', 'scheduling.k8s.io', 'coordination.k8s.io', 'node.k8s.io', 'discovery.k8s.io', 'certificates.k8s.io',
  'flowcontrol.apiserver.k8s.io', 'apiregistration.k8s.io', 'events.k8s.io', 'authentication.k8s.io', 'authorization.k8s.io',
  'resource.k8s.io', 'internal.apiserver.k8s.io', 'storagemigration.k8s.io',
]);

export interface KindFacts {
  namespaced(object: KubeObject): boolean;
  /** Groups defined by CustomResourceDefinitions in the set (e.g. gateway.networking.k8s.io looks built in but is not). */
  customGroups: ReadonlySet<string>;
}

export function isCustomResource(object: KubeObject, customGroups: ReadonlySet<string>): boolean {
  const group = groupOf(object.apiVersion);
  return customGroups.has(group) || !BUILTIN_GROUPS.has(group);
}

export function phaseOf(object: KubeObject, facts: KindFacts): Phase {
  if (object.kind === 'Namespace' && groupOf(object.apiVersion) === '') return Phase.Namespaces;
  if (object.kind === 'CustomResourceDefinition' && groupOf(object.apiVersion) === 'apiextensions.k8s.io') return Phase.Definitions;
  if (isCustomResource(object, facts.customGroups)) return Phase.CustomResources;
  return facts.namespaced(object) ? Phase.Namespaced : Phase.ClusterScoped;
}

function compareWithinPhase(a: KubeObject, b: KubeObject): number {
  const rank = (o: KubeObject) => KIND_RANK.get(o.kind) ?? KIND_ORDER.length;
  return rank(a) - rank(b) || cmp(a.kind, b.kind) || cmp(objectKey(a), objectKey(b));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Objects grouped by phase, each group in apply order; empty phases are left out. */
export function applyPhases(objects: readonly KubeObject[], facts: KindFacts): { phase: Phase; objects: KubeObject[] }[] {
  const groups = new Map<Phase, KubeObject[]>();
  for (const object of objects) {
    const phase = phaseOf(object, facts);
    groups.set(phase, [...(groups.get(phase) ?? []), object]);
  }
  return [...groups.entries()].sort(([a], [b]) => a - b).map(([phase, group]) => ({ phase, objects: group.sort(compareWithinPhase) }));
}

/** The apply order reversed: custom resources first, Namespaces and CRDs last. */
export function deleteOrder(objects: readonly KubeObject[], facts: KindFacts): KubeObject[] {
  return applyPhases(objects, facts)
    .flatMap((p) => p.objects)
    .reverse();
}
