import { fail } from '../../core/diagnostic.js';
import { isObject } from '../../core/json.js';
import { idString } from '../../core/resource-id.js';
import type { Resource } from '../../core/resource.js';
import { RenderCode } from '../errors.js';
import { isClusterScoped } from '../schema.js';
import type { GvkSelector } from './builtin-table.js';
import { gvkSelected, sameNamespace } from './ids.js';
import { samePrefixesAndSuffixes } from './name-context.js';

/** One reference field being fixed: who holds it, which kind it names, and its field-spec path. */
export interface ReferenceSite {
  referrer: Resource;
  target: GvkSelector;
  path: string;
}

type Sieve = (candidate: Resource) => boolean;

/**
 * Picks the object a reference named `oldName` now means (kustomize's
 * selectReferral). Only renamed objects qualify: the name must be one of
 * their *previous* names. Then kind, roleRef kind/group, namespace and
 * finally "renamed by the same kustomizations" narrow the field. Several
 * survivors are fine when `identical` says they would give the same answer;
 * otherwise the reference is ambiguous.
 */
export function selectReferral(
  site: ReferenceSite,
  oldName: string,
  candidates: readonly Resource[],
  identical: (rs: Resource[]) => boolean,
): Resource | undefined {
  let found = candidates.filter(previousNameIs(oldName));
  found = found.filter(previousKindIs(site.target));
  found = found.filter(roleRefSieve(site));
  found = found.filter(sameNamespaceAsReferrer(site.referrer));
  if (found.length === 1) return found[0];
  found = found.filter((c) => samePrefixesAndSuffixes(c, site.referrer));
  if (found.length <= 1) return found[0];
  if (identical(found)) return found[0];
  const ids = found.map((r) => idString(r.id)).join(', ');
  return fail(RenderCode.NameRefAmbiguous, `found multiple possible referrals: ${ids}`, {
    file: site.referrer.origin.file,
    line: site.referrer.origin.line,
    yamlPath: site.path.replaceAll('/', '.'),
  }, `rename one of them or give the reference a namespace (referrer ${idString(site.referrer.id)})`);
}

export function allNamesEqual(rs: Resource[]): boolean {
  return rs.every((r) => r.name === rs[0]!.name);
}

export function allNamesAndNamespacesEqual(rs: Resource[]): boolean {
  return rs.every((r) => r.name === rs[0]!.name && r.namespace === rs[0]!.namespace);
}

function previousNameIs(name: string): Sieve {
  return (r) => r.previousIds.some((id) => id.name === name);
}

function previousKindIs(selector: GvkSelector): Sieve {
  return (r) => r.previousIds.some((id) => gvkSelected(id, selector));
}

/** A `roleRef/name` also names the kind and API group; both must match a previous id. */
function roleRefSieve(site: ReferenceSite): Sieve {
  if (!site.path.endsWith('roleRef/name')) return () => true;
  const roleRef = site.referrer.obj.roleRef;
  if (!isObject(roleRef)) return () => true;
  const { apiGroup, kind } = roleRef;
  if (apiGroup === undefined || apiGroup === null || kind === undefined || kind === null) return () => true;
  return previousKindIs({ group: String(apiGroup), kind: String(kind) });
}

/**
 * Namespaced objects must share the referrer's namespace, except
 * ServiceAccounts (a binding may name one anywhere); cluster-scoped objects,
 * and anything a cluster-scoped referrer names, always pass.
 */
function sameNamespaceAsReferrer(referrer: Resource): Sieve {
  const referrerId = referrer.id;
  if (isClusterScoped(referrerId)) return () => true;
  return (r) => isClusterScoped(r.id) || r.kind === 'ServiceAccount' || sameNamespace(referrerId, r.id);
}
