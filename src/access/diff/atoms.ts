/**
 * Access as a set of atoms — (holder, verb, group, resource, name, URL,
 * scope) — so two configurations compare by effect, not by layout: a
 * binding renamed, moved to another file or split in two yields the same
 * atoms. Wildcards stay tokens (`*` is "everything, now and later").
 */
import type { SourceRef } from '../../core/resource.js';
import type { ClusterAccess } from '../eks/effective.js';
import { heldRules } from '../review/held.js';
import { describePath, holderKey } from '../review/finding.js';
import type { HeldRule, Holder } from '../review/types.js';

export interface PermissionAtom {
  holder: Holder;
  verb: string;
  /** '' for non-resource URLs. */
  apiGroup: string;
  /** `resource` or `resource/sub`; '' for non-resource URLs. */
  resource: string;
  /** '' = any name. */
  name: string;
  /** Non-resource URL ('' for resources). */
  url: string;
  /** '' = cluster-wide; a namespace; or access-policy namespace patterns joined by ','. */
  scope: string;
}

/** An atom with how it is held (several paths may hold the same atom). */
export interface HeldAtom {
  atom: PermissionAtom;
  key: string;
  held: HeldRule[];
}

export function atomKey(a: PermissionAtom): string {
  return [holderKey(a.holder), a.verb, a.apiGroup, a.resource, a.name, a.url, a.scope].join('\u0000');
}

/** Every atom the cluster's own configuration grants (built-in bindings excluded: both sides have them). */
export function accessAtoms(access: ClusterAccess): Map<string, HeldAtom> {
  const out = new Map<string, HeldAtom>();
  for (const held of heldRules(access)) {
    for (const atom of atomsOf(held)) {
      const key = atomKey(atom);
      const entry = out.get(key);
      if (entry) entry.held.push(held);
      else out.set(key, { atom, key, held: [held] });
    }
  }
  return out;
}

function atomsOf(held: HeldRule): PermissionAtom[] {
  const { rule } = held;
  const out: PermissionAtom[] = [];
  const base = { holder: held.holder, scope: held.scope };
  for (const verb of rule.verbs) {
    for (const url of rule.nonResourceURLs) if (held.scope === '') out.push({ ...base, verb, apiGroup: '', resource: '', name: '', url });
    for (const apiGroup of rule.apiGroups) {
      for (const resource of rule.resources) {
        const names = rule.resourceNames.length > 0 ? rule.resourceNames : [''];
        for (const name of names) out.push({ ...base, verb, apiGroup, resource, name, url: '' });
      }
    }
  }
  return out;
}

/**
 * Does `a` already grant everything `b` does (same holder)? Wildcard verbs,
 * groups and resources, any-name and cluster-wide scope cover the specific.
 */
export function covers(a: PermissionAtom, b: PermissionAtom): boolean {
  if (holderKey(a.holder) !== holderKey(b.holder)) return false;
  if (!(a.verb === '*' || a.verb === b.verb)) return false;
  if (!(a.scope === '' || a.scope === b.scope)) return false;
  if (b.url !== '' || a.url !== '') return a.url !== '' && b.url !== '' && urlCovers(a.url, b.url);
  return resourceCovers(a, b);
}

function resourceCovers(a: PermissionAtom, b: PermissionAtom): boolean {
  if (!(a.apiGroup === '*' || a.apiGroup === b.apiGroup)) return false;
  if (!(a.name === '' || a.name === b.name)) return false;
  if (a.resource === b.resource || a.resource === '*') return true;
  const slash = b.resource.indexOf('/');
  return slash > 0 && a.resource === `*/${b.resource.slice(slash + 1)}`;
}

function urlCovers(a: string, b: string): boolean {
  if (a === '*' || a === b) return true;
  return a.endsWith('*') && b.replace(/\*+$/, '').startsWith(a.replace(/\*+$/, ''));
}

/** The first path holding an atom, in words, and its estate location. */
export function viaOf(atom: HeldAtom): { via: string; origin?: SourceRef } {
  const held = atom.held[0]!;
  const origin = held.rbac?.binding.origin ?? held.policy?.mapping.origin;
  return origin ? { via: describePath([held]), origin } : { via: describePath([held]) };
}
