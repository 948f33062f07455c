/**
 * Derives the compact Kubernetes schema tables the renderer needs from an
 * OpenAPI v2 document and writes them as a TypeScript data module, so the
 * product never parses a large schema at run time.
 *
 *   node dist/scripts/derive-openapi-tables.js [openapi-v2.json] [out.ts]
 *
 * Two tables come out:
 * - cluster-scoped types (`apiVersion kind`), from the API paths: a type is
 *   namespaced when any GET path for it has a `namespaces/{namespace}` segment;
 * - strategic-merge facts: for every definition, only the fields that carry a
 *   patch strategy / merge key / list-map keys, or that lead (through $ref,
 *   array items or map values) to such a field; plus `apiVersion kind` → root
 *   definition.
 *
 * kustomize 5.5 embeds the Kubernetes v1.21.2 schema while we derive from a
 * newer one, so a short, documented adjustment list (checked against
 * `kubectl kustomize`) restores the answers kustomize gives for API versions
 * that were removed or added in between.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deriveClusterScoped, deriveMergeTables, type MergeTables, type OpenApiDocument } from '../src/render/schema-derive.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');
const input = process.argv[2] ?? '/work/shared/kubernetes/openapi-v2-k8s-1.26.json';
const output = process.argv[3] ?? resolve(repoRoot, 'src/render/data/openapi-tables.ts');

/**
 * Differences between the derived (newer) schema and kustomize's embedded
 * v1.21.2 one, each confirmed with `kubectl kustomize` (namespace transformer).
 */
const CLUSTER_SCOPED_ONLY_IN_KUSTOMIZE = [
  'admissionregistration.k8s.io/v1beta1 MutatingWebhookConfiguration',
  'admissionregistration.k8s.io/v1beta1 ValidatingWebhookConfiguration',
  'apiextensions.k8s.io/v1beta1 CustomResourceDefinition',
  'apiregistration.k8s.io/v1beta1 APIService',
  'certificates.k8s.io/v1beta1 CertificateSigningRequest',
  'flowcontrol.apiserver.k8s.io/v1beta1 FlowSchema',
  'flowcontrol.apiserver.k8s.io/v1beta1 PriorityLevelConfiguration',
  'networking.k8s.io/v1beta1 IngressClass',
  'node.k8s.io/v1beta1 RuntimeClass',
  'policy/v1beta1 PodSecurityPolicy',
  'rbac.authorization.k8s.io/v1beta1 ClusterRole',
  'rbac.authorization.k8s.io/v1beta1 ClusterRoleBinding',
  'scheduling.k8s.io/v1beta1 PriorityClass',
  'storage.k8s.io/v1beta1 CSIDriver',
  'storage.k8s.io/v1beta1 CSINode',
  'storage.k8s.io/v1beta1 StorageClass',
  'storage.k8s.io/v1beta1 VolumeAttachment',
];
/** Versions newer than v1.21.2: kustomize does not know them, so treats them as namespaced. */
const NAMESPACED_IN_KUSTOMIZE = [
  'flowcontrol.apiserver.k8s.io/v1beta2 FlowSchema',
  'flowcontrol.apiserver.k8s.io/v1beta2 PriorityLevelConfiguration',
  'flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema',
  'flowcontrol.apiserver.k8s.io/v1beta3 PriorityLevelConfiguration',
];
/**
 * Types present in v1.21.2 but since removed: they borrow the root definition
 * of the surviving version of the same kind (same merge keys in practice).
 * PodSecurityPolicy has no successor; only its metadata merges, like a ConfigMap's.
 */
const REMOVED_TYPE_ALIASES: Record<string, string> = {
  'admissionregistration.k8s.io/v1beta1 MutatingWebhookConfiguration': 'admissionregistration.k8s.io/v1 MutatingWebhookConfiguration',
  'admissionregistration.k8s.io/v1beta1 ValidatingWebhookConfiguration': 'admissionregistration.k8s.io/v1 ValidatingWebhookConfiguration',
  'apiextensions.k8s.io/v1beta1 CustomResourceDefinition': 'apiextensions.k8s.io/v1 CustomResourceDefinition',
  'apiregistration.k8s.io/v1beta1 APIService': 'apiregistration.k8s.io/v1 APIService',
  'authentication.k8s.io/v1beta1 TokenReview': 'authentication.k8s.io/v1 TokenReview',
  'authorization.k8s.io/v1beta1 LocalSubjectAccessReview': 'authorization.k8s.io/v1 LocalSubjectAccessReview',
  'authorization.k8s.io/v1beta1 SelfSubjectAccessReview': 'authorization.k8s.io/v1 SelfSubjectAccessReview',
  'authorization.k8s.io/v1beta1 SelfSubjectRulesReview': 'authorization.k8s.io/v1 SelfSubjectRulesReview',
  'authorization.k8s.io/v1beta1 SubjectAccessReview': 'authorization.k8s.io/v1 SubjectAccessReview',
  'autoscaling/v2beta1 HorizontalPodAutoscaler': 'autoscaling/v2 HorizontalPodAutoscaler',
  'autoscaling/v2beta2 HorizontalPodAutoscaler': 'autoscaling/v2 HorizontalPodAutoscaler',
  'batch/v1beta1 CronJob': 'batch/v1 CronJob',
  'certificates.k8s.io/v1beta1 CertificateSigningRequest': 'certificates.k8s.io/v1 CertificateSigningRequest',
  'coordination.k8s.io/v1beta1 Lease': 'coordination.k8s.io/v1 Lease',
  'discovery.k8s.io/v1beta1 EndpointSlice': 'discovery.k8s.io/v1 EndpointSlice',
  'events.k8s.io/v1beta1 Event': 'events.k8s.io/v1 Event',
  'extensions/v1beta1 Ingress': 'networking.k8s.io/v1 Ingress',
  'flowcontrol.apiserver.k8s.io/v1beta1 FlowSchema': 'flowcontrol.apiserver.k8s.io/v1beta2 FlowSchema',
  'flowcontrol.apiserver.k8s.io/v1beta1 PriorityLevelConfiguration': 'flowcontrol.apiserver.k8s.io/v1beta2 PriorityLevelConfiguration',
  'networking.k8s.io/v1beta1 Ingress': 'networking.k8s.io/v1 Ingress',
  'networking.k8s.io/v1beta1 IngressClass': 'networking.k8s.io/v1 IngressClass',
  'node.k8s.io/v1beta1 RuntimeClass': 'node.k8s.io/v1 RuntimeClass',
  'policy/v1beta1 PodDisruptionBudget': 'policy/v1 PodDisruptionBudget',
  'policy/v1beta1 PodSecurityPolicy': 'v1 ConfigMap',
  'rbac.authorization.k8s.io/v1beta1 ClusterRole': 'rbac.authorization.k8s.io/v1 ClusterRole',
  'rbac.authorization.k8s.io/v1beta1 ClusterRoleBinding': 'rbac.authorization.k8s.io/v1 ClusterRoleBinding',
  'rbac.authorization.k8s.io/v1beta1 Role': 'rbac.authorization.k8s.io/v1 Role',
  'rbac.authorization.k8s.io/v1beta1 RoleBinding': 'rbac.authorization.k8s.io/v1 RoleBinding',
  'scheduling.k8s.io/v1beta1 PriorityClass': 'scheduling.k8s.io/v1 PriorityClass',
  'storage.k8s.io/v1beta1 CSIDriver': 'storage.k8s.io/v1 CSIDriver',
  'storage.k8s.io/v1beta1 CSINode': 'storage.k8s.io/v1 CSINode',
  'storage.k8s.io/v1beta1 StorageClass': 'storage.k8s.io/v1 StorageClass',
  'storage.k8s.io/v1beta1 VolumeAttachment': 'storage.k8s.io/v1 VolumeAttachment',
};
/** Group/versions added after v1.21.2: kustomize has no schema for them (lists replace, even finalizers). */
const GROUP_VERSIONS_NEWER_THAN_KUSTOMIZE = [
  'autoscaling/v2',
  'flowcontrol.apiserver.k8s.io/v1beta2',
  'flowcontrol.apiserver.k8s.io/v1beta3',
  'resource.k8s.io/v1alpha1',
];
/** Types added after v1.21.2 inside older group/versions. */
const TYPES_NEWER_THAN_KUSTOMIZE = ['policy/v1 Eviction', 'storage.k8s.io/v1 CSIStorageCapacity', 'storage.k8s.io/v1 CSIStorageCapacityList'];
/** Merge facts on fields added after v1.21.2: kustomize replaces these lists. */
const FIELDS_NEWER_THAN_KUSTOMIZE = [
  'core.v1.PodSpec resourceClaims',
  'core.v1.PodSpec schedulingGates',
  'apiextensions.v1.JSONSchemaProps x-kubernetes-validations',
  'networking.v1.NetworkPolicy status',
];

const PREFIXES = [
  'io.k8s.api.',
  'io.k8s.apimachinery.pkg.apis.',
  'io.k8s.apiextensions-apiserver.pkg.apis.',
  'io.k8s.kube-aggregator.pkg.apis.',
];
function shortName(name: string): string {
  const prefix = PREFIXES.find((p) => name.startsWith(p));
  return prefix ? name.slice(prefix.length) : name;
}

function clusterScopedTypes(api: OpenApiDocument): string[] {
  const result = new Set(deriveClusterScoped(api));
  for (const key of NAMESPACED_IN_KUSTOMIZE) result.delete(key);
  for (const key of CLUSTER_SCOPED_ONLY_IN_KUSTOMIZE) result.add(key);
  return [...result].sort();
}

function mergeTables(api: OpenApiDocument): MergeTables {
  const { roots, defs } = deriveMergeTables(api, {
    shortName,
    skipField: (definition, field) => FIELDS_NEWER_THAN_KUSTOMIZE.includes(`${definition} ${field}`),
  });
  // Every group lists the generic meta types; they never appear in manifests.
  for (const [key, def] of Object.entries(roots)) {
    if (def === 'meta.v1.DeleteOptions' || def === 'meta.v1.WatchEvent') delete roots[key];
  }
  for (const [removed, survivor] of Object.entries(REMOVED_TYPE_ALIASES)) {
    const target = roots[survivor];
    if (!target) throw new Error(`alias target ${survivor} not in schema`);
    if (!roots[removed]) roots[removed] = target;
  }
  for (const key of Object.keys(roots)) {
    const groupVersion = key.split(' ')[0] as string;
    if (GROUP_VERSIONS_NEWER_THAN_KUSTOMIZE.includes(groupVersion) || TYPES_NEWER_THAN_KUSTOMIZE.includes(key)) delete roots[key];
  }
  const sortedRoots = Object.fromEntries(Object.entries(roots).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { roots: sortedRoots, defs };
}

function render(api: OpenApiDocument, source: string): string {
  const clusterScoped = clusterScopedTypes(api);
  const { roots, defs } = mergeTables(api);
  const json = (v: Json | object): string => JSON.stringify(v, null, 1).replace(/\n\s*/g, ' ');
  const lines = [
    '// Generated by scripts/derive-openapi-tables.ts — do not edit by hand.',
    `// Source: ${source.split('/').pop()} (adjusted to kustomize's embedded v1.21.2 answers, see the script).`,
    "import type { OpenApiTables } from './types.js';",
    '',
    'export const OPENAPI_TABLES: OpenApiTables = {',
    '  clusterScoped: [',
    ...clusterScoped.map((k) => `    ${JSON.stringify(k)},`),
    '  ],',
    '  roots: {',
    ...Object.entries(roots).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)},`),
    '  },',
    '  defs: {',
    ...Object.entries(defs).map(([k, v]) => `    ${JSON.stringify(k)}: ${json(v)},`),
    '  },',
    '};',
    '',
  ];
  return lines.join('\n');
}

const api = JSON.parse(readFileSync(input, 'utf8')) as OpenApiDocument;
writeFileSync(output, render(api, input));
console.log(`wrote ${output}`);
