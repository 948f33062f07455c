import type { ResourceId } from '../../core/resource-id.js';
import type { Resource } from '../../core/resource.js';
import type { ResMap } from '../resmap.js';
import { compileSelector } from '../select.js';
import type { IdSelector, ReplacementTarget, TargetSelect } from './types.js';

/**
 * Replacement selection (kustomize's ResId.IsSelectedBy): group, version, kind, name
 * and namespace compare exactly (no regexes, unlike patch targets); an empty field
 * matches anything. No namespace counts as `default`, for cluster-scoped kinds too:
 * the ids kustomize builds here never learn their scope (checked with kubectl).
 */
export function isSelectedBy(id: ResourceId, sel: IdSelector): boolean {
  if (sel.name && sel.name !== id.name) return false;
  if (sel.namespace && sel.namespace !== (id.namespace || 'default')) return false;
  if (sel.group && sel.group !== id.group) return false;
  if (sel.version && sel.version !== id.version) return false;
  return !sel.kind || sel.kind === id.kind;
}

function isEmptyId(sel: IdSelector): boolean {
  return !sel.group && !sel.version && !sel.kind && !sel.name && !sel.namespace;
}

function hasMetaSelector(sel: TargetSelect): boolean {
  return Boolean(sel.labelSelector || sel.annotationSelector);
}

/** Resources any of whose ids (current or previous) the source selects. */
export function sourceCandidates(resources: ResMap, sel: IdSelector): Resource[] {
  return resources.all().filter((r) => r.allIds.some((id) => isSelectedBy(id, sel)));
}

/**
 * Resources a target applies to, in ResMap order. Label and annotation selectors of
 * `select` must match; a `reject` entry excludes a resource if its label/annotation
 * part matches *or* its id part selects any of the resource's ids (kustomize checks
 * the two parts separately).
 */
export function targetResources(resources: ResMap, target: ReplacementTarget): Resource[] {
  const selectMeta = hasMetaSelector(target.select) ? metaMatcher(target.select) : undefined;
  const rejectMeta = target.reject.filter(hasMetaSelector).map(metaMatcher);
  const rejectIds = target.reject.filter((r) => !isEmptyId(r));
  return resources.all().filter((res) => {
    if (selectMeta && !selectMeta(res)) return false;
    if (rejectMeta.some((matches) => matches(res))) return false;
    const ids = res.allIds;
    if (!ids.some((id) => isSelectedBy(id, target.select))) return false;
    return !rejectIds.some((r) => ids.some((id) => isSelectedBy(id, r)));
  });
}

/** Whether a resource's labels and annotations satisfy the selector's label/annotation parts. */
function metaMatcher(sel: TargetSelect): (resource: Resource) => boolean {
  const only: TargetSelect = {};
  if (sel.labelSelector) only.labelSelector = sel.labelSelector;
  if (sel.annotationSelector) only.annotationSelector = sel.annotationSelector;
  return compileSelector(only);
}
