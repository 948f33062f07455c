import type { Resource } from '../../core/resource.js';
import type { ResMap } from '../resmap.js';
import { BUILTIN_NAME_REFERENCES, type GvkSelector, type NameBackReference, type NameFieldSpec } from './builtin-table.js';
import { CandidateIndex } from './candidates.js';
import { fixReferenceField, splitFieldPath } from './fix-field.js';
import { gvkSelected } from './ids.js';
import type { ReferenceSite } from './select-referral.js';

export { addNamePrefix, addNameSuffix, namePrefixes, nameSuffixes, referredBy } from './name-context.js';
export { BUILTIN_NAME_REFERENCES, type NameBackReference, type NameFieldSpec } from './builtin-table.js';

/**
 * Top level only, after hash suffixes: makes references (configMapRef,
 * roleRef, subjects, scaleTargetRef, …) follow the objects they name through
 * every rename (prefix, suffix, namespace, hash). A port of kustomize v5.5's
 * nameReference transformer; `table` defaults to its built-in configuration.
 */
export function fixNameReferences(resources: ResMap, table: readonly NameBackReference[] = BUILTIN_NAME_REFERENCES): void {
  const sitesByKind = templatesOf(table);
  const all = resources.all();
  const index = new CandidateIndex(all);
  const templatesByGvk = new Map<string, SiteTemplate[]>();
  for (const referrer of all) {
    const sites = referenceSites(referrer, sitesByKind, templatesByGvk);
    if (sites.length === 0) continue;
    const pool = index.poolFor(referrer);
    for (const site of sites) fixReferenceField(site, pool);
  }
}

/** Site templates per table: the built-in table serves every build of a fleet, so its sorting and grouping is done once. */
const templatesByTable = new WeakMap<readonly NameBackReference[], Map<string, SiteTemplate[]>>();

function templatesOf(table: readonly NameBackReference[]): Map<string, SiteTemplate[]> {
  let templates = templatesByTable.get(table);
  if (!templates) {
    templates = siteTemplatesByKind([...table].sort((a, b) => compareGvk(a.target, b.target)));
    templatesByTable.set(table, templates);
  }
  return templates;
}

type SiteTemplate = Omit<ReferenceSite, 'referrer'> & { spec: NameFieldSpec; /** The path's first field. */ head: string };

/**
 * Reference fields grouped by the referrer kind they apply to (specs
 * without a kind apply to every kind), keeping table order within a kind.
 */
function siteTemplatesByKind(backRefs: readonly NameBackReference[]): Map<string, SiteTemplate[]> {
  const templates = backRefs.flatMap((backRef) =>
    backRef.referrers.map((spec) => ({ spec, target: backRef.target, path: spec.path, head: splitFieldPath(spec.path)[0]! })),
  );
  const byKind = new Map<string, SiteTemplate[]>();
  for (const kind of new Set(templates.map((t) => t.spec.kind ?? ''))) {
    byKind.set(kind, templates.filter((t) => !t.spec.kind || t.spec.kind === kind));
  }
  return byKind;
}

/**
 * The reference fields a resource may hold, chosen by its *original* kind, in
 * table order; fields whose first step is absent are left out (they hold nothing).
 */
function referenceSites(referrer: Resource, byKind: Map<string, SiteTemplate[]>, byGvk: Map<string, SiteTemplate[]>): ReferenceSite[] {
  const gvk = referrer.originalId;
  const gvkKey = `${gvk.group}/${gvk.version}/${gvk.kind}`;
  let templates = byGvk.get(gvkKey);
  if (!templates) {
    templates = (byKind.get(gvk.kind) ?? byKind.get('') ?? []).filter((t) => gvkSelected(gvk, t.spec));
    byGvk.set(gvkKey, templates);
  }
  const obj = referrer.obj;
  const sites: ReferenceSite[] = [];
  for (const t of templates) if (Object.hasOwn(obj, t.head)) sites.push({ referrer, target: t.target, path: t.path });
  return sites;
}

/** kustomize's legacy kind ranking, used to order its nameReference configuration (Gvk.IsLessThan). */
const ORDER_FIRST = [
  'Namespace', 'ResourceQuota', 'StorageClass', 'CustomResourceDefinition', 'ServiceAccount', 'PodSecurityPolicy',
  'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'ConfigMap', 'Secret', 'Endpoints', 'Service',
  'LimitRange', 'PriorityClass', 'PersistentVolume', 'PersistentVolumeClaim', 'Deployment', 'StatefulSet',
  'CronJob', 'PodDisruptionBudget',
];
const ORDER_LAST = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];

function kindRank(kind: string): number {
  const first = ORDER_FIRST.indexOf(kind);
  if (first >= 0) return first - ORDER_FIRST.length;
  const last = ORDER_LAST.indexOf(kind);
  return last >= 0 ? last + 1 : 0;
}

function compareGvk(a: GvkSelector, b: GvkSelector): number {
  const rank = kindRank(a.kind ?? '') - kindRank(b.kind ?? '');
  if (rank !== 0) return rank;
  const ka = stableKey(a);
  const kb = stableKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function stableKey(g: GvkSelector): string {
  return `${g.group || '~G'}_${g.version || '~V'}_${g.kind || '~K'}`;
}
