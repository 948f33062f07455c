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

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
interface Schema {
  $ref?: string;
  type?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  'x-kubernetes-patch-strategy'?: string;
  'x-kubernetes-patch-merge-key'?: string;
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-list-type'?: string;
  'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string }[];
}
interface OpenApi {
  paths: Record<string, { get?: { 'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string } } }>;
  definitions: Record<string, Schema>;
}

/** Field descriptor in the output: r = object $ref, a = array items, m = map values, s/k/t = strategy, keys, list type. */
interface Desc {
  r?: string;
  a?: Desc;
  m?: Desc;
  s?: string;
  k?: string[];
  t?: string;
}

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
 */
const REMOVED_TYPE_ALIASES: Record<string, string> = {
  'admissionregistration.k8s.io/v1beta1 MutatingWebhookConfiguration': 'admissionregistration.k8s.io/v1 MutatingWebhookConfiguration',
  'admissionregistration.k8s.io/v1beta1 ValidatingWebhookConfiguration': 'admissionregistration.k8s.io/v1 ValidatingWebhookConfiguration',
  'apiextensions.k8s.io/v1beta1 CustomResourceDefinition': 'apiextensions.k8s.io/v1 CustomResourceDefinition',
  'autoscaling/v2beta1 HorizontalPodAutoscaler': 'autoscaling/v2 HorizontalPodAutoscaler',
  'autoscaling/v2beta2 HorizontalPodAutoscaler': 'autoscaling/v2 HorizontalPodAutoscaler',
  'batch/v1beta1 CronJob': 'batch/v1 CronJob',
  'discovery.k8s.io/v1beta1 EndpointSlice': 'discovery.k8s.io/v1 EndpointSlice',
  'events.k8s.io/v1beta1 Event': 'events.k8s.io/v1 Event',
  'extensions/v1beta1 Ingress': 'networking.k8s.io/v1 Ingress',
  'networking.k8s.io/v1beta1 Ingress': 'networking.k8s.io/v1 Ingress',
  'policy/v1beta1 PodDisruptionBudget': 'policy/v1 PodDisruptionBudget',
  'storage.k8s.io/v1beta1 CSINode': 'storage.k8s.io/v1 CSINode',
};

const PREFIXES = [
  'io.k8s.api.',
  'io.k8s.apimachinery.pkg.apis.',
  'io.k8s.apiextensions-apiserver.pkg.apis.',
  'io.k8s.kube-aggregator.pkg.apis.',
];
function shortName(ref: string): string {
  const name = ref.replace('#/definitions/', '');
  const prefix = PREFIXES.find((p) => name.startsWith(p));
  return prefix ? name.slice(prefix.length) : name;
}

function typeKey(g: { group: string; version: string; kind: string }): string {
  return `${g.group ? `${g.group}/${g.version}` : g.version} ${g.kind}`;
}

function clusterScopedTypes(api: OpenApi): string[] {
  const namespaced = new Map<string, boolean>();
  for (const [path, item] of Object.entries(api.paths)) {
    const gvk = item.get?.['x-kubernetes-group-version-kind'];
    if (!gvk) continue;
    const key = typeKey(gvk);
    if (path.includes('namespaces/{namespace}')) namespaced.set(key, true);
    else if (!namespaced.has(key)) namespaced.set(key, false);
  }
  const result = new Set([...namespaced].filter(([, ns]) => !ns).map(([key]) => key));
  for (const key of NAMESPACED_IN_KUSTOMIZE) result.delete(key);
  for (const key of CLUSTER_SCOPED_ONLY_IN_KUSTOMIZE) result.add(key);
  return [...result].sort();
}

/** Describes a property schema; undefined when nothing relevant lies below it. */
function describe(schema: Schema, relevant: (def: string) => boolean): Desc | undefined {
  const desc: Desc = {};
  const strategy = schema['x-kubernetes-patch-strategy'];
  const keys = schema['x-kubernetes-list-map-keys'] ??
    (schema['x-kubernetes-patch-merge-key'] ? [schema['x-kubernetes-patch-merge-key']] : undefined);
  if (strategy) desc.s = strategy;
  if (keys) desc.k = keys;
  if (schema['x-kubernetes-list-type'] && schema['x-kubernetes-list-type'] !== 'atomic') {
    desc.t = schema['x-kubernetes-list-type'];
  }
  if (schema.$ref) {
    const def = shortName(schema.$ref);
    if (relevant(def)) desc.r = def;
  } else if (schema.type === 'array' && schema.items) {
    const items = describe(schema.items, relevant);
    // A merge-strategy list needs an element schema even when it leads nowhere (finalizers).
    if (items || desc.s) desc.a = items ?? {};
  } else if (typeof schema.additionalProperties === 'object') {
    const values = describe(schema.additionalProperties, relevant);
    if (values) desc.m = values;
  }
  return Object.keys(desc).length > 0 ? desc : undefined;
}

/** Definitions from which a field with strategic-merge facts can be reached. */
function relevantDefinitions(defs: Record<string, Schema>): Set<string> {
  const relevant = new Set<string>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const [name, schema] of Object.entries(defs)) {
      const short = shortName(name);
      if (relevant.has(short)) continue;
      const props = Object.values(schema.properties ?? {});
      if (props.some((p) => describe(p, (d) => relevant.has(d)) !== undefined)) {
        relevant.add(short);
        changed = true;
      }
    }
  }
  return relevant;
}

function mergeTables(api: OpenApi): { roots: Record<string, string>; defs: Record<string, Record<string, Desc>> } {
  const relevant = relevantDefinitions(api.definitions);
  const defs: Record<string, Record<string, Desc>> = {};
  for (const [name, schema] of Object.entries(api.definitions).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!relevant.has(shortName(name))) continue;
    const fields: Record<string, Desc> = {};
    for (const [field, prop] of Object.entries(schema.properties ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
      const desc = describe(prop, (d) => relevant.has(d));
      if (desc) fields[field] = desc;
    }
    defs[shortName(name)] = fields;
  }
  const roots: Record<string, string> = {};
  for (const [name, schema] of Object.entries(api.definitions)) {
    const short = shortName(name);
    // Every group lists the generic meta types; they never appear in manifests.
    if (short === 'meta.v1.DeleteOptions' || short === 'meta.v1.WatchEvent') continue;
    for (const gvk of schema['x-kubernetes-group-version-kind'] ?? []) {
      // Root types with no relevant field still need an entry: it stops the
      // apiVersion/kind lookup from being retried on nested objects.
      roots[typeKey(gvk)] = short;
    }
  }
  for (const [removed, survivor] of Object.entries(REMOVED_TYPE_ALIASES)) {
    const target = roots[survivor];
    if (!target) throw new Error(`alias target ${survivor} not in schema`);
    if (!roots[removed]) roots[removed] = target;
  }
  const sortedRoots = Object.fromEntries(Object.entries(roots).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { roots: sortedRoots, defs };
}

function render(api: OpenApi, source: string): string {
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

const api = JSON.parse(readFileSync(input, 'utf8')) as OpenApi;
writeFileSync(output, render(api, input));
console.log(`wrote ${output}`);
