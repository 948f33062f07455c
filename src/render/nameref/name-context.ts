import { idString, type ResourceId } from '../../core/resource-id.js';
import type { Resource } from '../../core/resource.js';

/**
 * Per-resource bookkeeping that name-reference resolution needs, kept in
 * Resource.meta (kustomize keeps the same in internal build annotations).
 *
 * The name prefix/suffix transformers must call addNamePrefix/addNameSuffix
 * on every resource whose metadata/name they handle: when two objects share
 * an original name, a reference resolves to the one renamed by the same
 * kustomizations as the referrer.
 */
const PREFIXES = 'nameref.prefixes';
const SUFFIXES = 'nameref.suffixes';
const REFERRED_BY = 'nameref.referredBy';

/** Records a prefix applied to the resource's name, innermost kustomization first. Empty prefixes are not recorded. */
export function addNamePrefix(resource: Resource, prefix: string): void {
  appendTo(resource, PREFIXES, prefix);
}

/** Records a suffix applied to the resource's name, innermost kustomization first. Empty suffixes are not recorded. */
export function addNameSuffix(resource: Resource, suffix: string): void {
  appendTo(resource, SUFFIXES, suffix);
}

export function namePrefixes(resource: Resource): readonly string[] {
  return listAt(resource, PREFIXES);
}

export function nameSuffixes(resource: Resource): readonly string[] {
  return listAt(resource, SUFFIXES);
}

/** Notes that `referrer` points at `resource` (kustomize's refBy). */
export function recordReferral(resource: Resource, referrer: ResourceId): void {
  appendTo(resource, REFERRED_BY, idString(referrer));
}

/** Ids (kustomize's ResId strings) of the objects whose references resolved to this one. */
export function referredBy(resource: Resource): readonly string[] {
  return listAt(resource, REFERRED_BY);
}

/**
 * True when both lists end the same way: the shorter one is a tail of the
 * longer, or both are empty. Outer kustomizations append last, so this asks
 * "renamed by the same outer kustomizations".
 */
export function sameEnding(a: readonly string[], b: readonly string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length === 0) return long.length === 0;
  const offset = long.length - short.length;
  return short.every((value, i) => long[i + offset] === value);
}

export function samePrefixesAndSuffixes(a: Resource, b: Resource): boolean {
  return sameEnding(namePrefixes(a), namePrefixes(b)) && sameEnding(nameSuffixes(a), nameSuffixes(b));
}

function listAt(resource: Resource, key: string): readonly string[] {
  const value = resource.meta[key];
  return Array.isArray(value) ? (value as string[]) : [];
}

/** Always a fresh array: Resource.clone copies meta shallowly, so lists must never be mutated in place. */
function appendTo(resource: Resource, key: string, value: string): void {
  if (value === '') return;
  resource.meta[key] = [...listAt(resource, key), value];
}
