import { diag, DiagnosticError, type SourceLocation } from '../core/diagnostic.js';
import { gvkString, type Gvk } from '../core/resource-id.js';
import type { Resource } from '../core/resource.js';
import { RenderCode } from './errors.js';
import type { SortOptions } from './kustomization.js';
import type { ResMap } from './resmap.js';

/** kustomize's default legacy order ("DO NOT CHANGE" upstream). */
export const DEFAULT_ORDER_FIRST: readonly string[] = [
  'Namespace',
  'ResourceQuota',
  'StorageClass',
  'CustomResourceDefinition',
  'ServiceAccount',
  'PodSecurityPolicy',
  'Role',
  'ClusterRole',
  'RoleBinding',
  'ClusterRoleBinding',
  'ConfigMap',
  'Secret',
  'Endpoints',
  'Service',
  'LimitRange',
  'PriorityClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'Deployment',
  'StatefulSet',
  'CronJob',
  'PodDisruptionBudget',
];
export const DEFAULT_ORDER_LAST: readonly string[] = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];

/**
 * Output order. Without top-level `sortOptions` kubectl uses the legacy
 * order; `fifo` keeps accumulation order. Options are validated as kustomize does.
 */
export function sortResources(resources: ResMap, options: SortOptions | undefined, where: Partial<SourceLocation>): void {
  const order = options ? options.order : 'legacy';
  if (order !== 'fifo' && order !== 'legacy') {
    throw new DiagnosticError([diag(RenderCode.SortInvalid, "the field 'sortOptions.order' must be one of [fifo, legacy]", where)]);
  }
  if (order === 'fifo') {
    if (options?.legacySortOptions) {
      throw new DiagnosticError([
        diag(RenderCode.SortInvalid, "the field 'sortOptions.legacySortOptions' is set but the selected sort order is 'fifo', not 'legacy'", where),
      ]);
    }
    return;
  }
  const legacy = options?.legacySortOptions ?? { orderFirst: [...DEFAULT_ORDER_FIRST], orderLast: [...DEFAULT_ORDER_LAST] };
  resources.setOrder(legacySorted(resources.all(), legacy.orderFirst ?? [], legacy.orderLast ?? []));
}

function legacySorted(resources: Resource[], orderFirst: readonly string[], orderLast: readonly string[]): Resource[] {
  const rank = new Map<string, number>();
  orderFirst.forEach((kind, i) => rank.set(kind, i - orderFirst.length));
  orderLast.forEach((kind, i) => rank.set(kind, i + 1));
  const keyed = resources.map((r) => {
    const id = r.id;
    return {
      r,
      rank: rank.get(id.kind) ?? 0,
      gvk: legacyGvkString(id),
      // kustomize compares `<Gvk.String()>|<namespace or ~X>|<name or ~N>` as one string.
      within: `${gvkString(id)}|${id.namespace || '~X'}|${id.name || '~N'}`,
    };
  });
  keyed.sort((a, b) => {
    if (a.gvk !== b.gvk) return a.rank !== b.rank ? a.rank - b.rank : compare(a.gvk, b.gvk);
    return compare(a.within, b.within);
  });
  return keyed.map((k) => k.r);
}

/** `group_version_kind` with `~G`/`~V`/`~K` for empty parts, so core kinds sort after grouped ones. */
function legacyGvkString(gvk: Gvk): string {
  return `${gvk.group || '~G'}_${gvk.version || '~V'}_${gvk.kind || '~K'}`;
}

const BEYOND_SURROGATES = /[\uD800-\uFFFF]/;

/** Byte-wise (UTF-8) comparison, as Go compares strings; UTF-16 order agrees below U+D800. */
function compare(a: string, b: string): number {
  if (a === b) return 0;
  if (BEYOND_SURROGATES.test(a) || BEYOND_SURROGATES.test(b)) return Buffer.compare(Buffer.from(a), Buffer.from(b));
  return a < b ? -1 : 1;
}
