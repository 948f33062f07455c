/**
 * Who gains and who loses what, per cluster, between two configurations:
 * atom sets compared, then gains the base already covered (and losses the
 * head still covers) dropped, so only changes in effect remain. Gains are
 * run through the escalation checks so risky ones stand out; identity
 * mappings (IAM → groups) are compared too.
 */
import type { SourceRef } from '../../core/resource.js';
import type { ClusterAccess } from '../eks/effective.js';
import type { IdentityMapping } from '../eks/mappings.js';
import { holderKey } from '../review/finding.js';
import { groupPrincipals } from '../review/held.js';
import { REVIEW_CHECKS } from '../review/registry.js';
import type { HeldRule, Holder, ReviewContext, ReviewFinding } from '../review/types.js';
import { accessAtoms, covers, viaOf, type HeldAtom, type PermissionAtom } from './atoms.js';

export interface AtomChange {
  atom: PermissionAtom;
  via: string;
  origin?: SourceRef;
  /** Escalation checks the gain trips (ids). */
  escalations: string[];
}

export interface HolderChange {
  holder: Holder;
  principals: string[];
  gained: AtomChange[];
  lost: AtomChange[];
}

export interface MappingChange {
  change: 'gained' | 'lost';
  mapping: IdentityMapping;
}

export interface ClusterAccessDiff {
  cluster: string;
  /** 'added' / 'removed' when the cluster exists on one side only. */
  status: 'changed' | 'unchanged' | 'added' | 'removed';
  holders: HolderChange[];
  mappings: MappingChange[];
  /** Escalation findings among the gains (for SARIF). */
  escalations: ReviewFinding[];
}

export function diffClusterAccess(cluster: string, base: ClusterAccess | undefined, head: ClusterAccess | undefined): ClusterAccessDiff {
  const before = base ? accessAtoms(base) : new Map<string, HeldAtom>();
  const after = head ? accessAtoms(head) : new Map<string, HeldAtom>();
  const gained = effective([...after.values()].filter((a) => !before.has(a.key)), before);
  const lost = effective([...before.values()].filter((a) => !after.has(a.key)), after);
  const mappings = diffMappings(base?.identities.mappings ?? [], head?.identities.mappings ?? []);
  const escalations = head ? escalationsOf(cluster, head, gained, mappings) : [];
  const holders = holderChanges(gained, lost, escalations, groupPrincipals(head ?? base!));
  const status = !base ? 'added' : !head ? 'removed' : holders.length === 0 && mappings.length === 0 ? 'unchanged' : 'changed';
  return { cluster, status, holders, mappings, escalations };
}

/** Gains and losses per holder, each gain with the escalation checks it trips. */
function holderChanges(gained: readonly HeldAtom[], lost: readonly HeldAtom[], escalations: readonly ReviewFinding[], principalsOf: ReadonlyMap<string, string[]>): HolderChange[] {
  const flagged = new Map<string, string[]>();
  for (const f of escalations) for (const k of f.key.split('\u0001').slice(1)) flagged.set(k, [...(flagged.get(k) ?? []), f.check]);
  const holders = new Map<string, HolderChange>();
  const entry = (holder: Holder): HolderChange => {
    const key = holderKey(holder);
    let h = holders.get(key);
    if (!h) holders.set(key, (h = { holder, principals: holder.kind === 'Group' ? (principalsOf.get(holder.name) ?? []) : [], gained: [], lost: [] }));
    return h;
  };
  for (const a of gained) entry(a.atom.holder).gained.push({ atom: a.atom, ...viaOf(a), escalations: [...new Set(flagged.get(a.key) ?? [])] });
  for (const a of lost) entry(a.atom.holder).lost.push({ atom: a.atom, ...viaOf(a), escalations: [] });
  return [...holders.values()].sort((a, b) => holderKey(a.holder).localeCompare(holderKey(b.holder)));
}

/** Changed atoms the other side does not already cover. */
function effective(changed: HeldAtom[], other: Map<string, HeldAtom>): HeldAtom[] {
  const byHolder = new Map<string, PermissionAtom[]>();
  for (const a of other.values()) {
    const k = holderKey(a.atom.holder);
    const list = byHolder.get(k);
    if (list) list.push(a.atom);
    else byHolder.set(k, [a.atom]);
  }
  return changed.filter((a) => !(byHolder.get(holderKey(a.atom.holder)) ?? []).some((o) => covers(o, a.atom)));
}

function mappingKey(m: IdentityMapping): string {
  return JSON.stringify([m.source, m.arn.toLowerCase(), m.username, [...m.groups].sort(), m.policies, m.entryType ?? '']);
}

function diffMappings(base: readonly IdentityMapping[], head: readonly IdentityMapping[]): MappingChange[] {
  const before = new Set(base.map(mappingKey));
  const after = new Set(head.map(mappingKey));
  return [
    ...head.filter((m) => !before.has(mappingKey(m))).map((mapping): MappingChange => ({ change: 'gained', mapping })),
    ...base.filter((m) => !after.has(mappingKey(m))).map((mapping): MappingChange => ({ change: 'lost', mapping })),
  ];
}

/**
 * The escalation checks over the gains only. Each gained atom becomes a
 * one-verb rule; a finding's key carries the atom keys it came from.
 */
function escalationsOf(cluster: string, head: ClusterAccess, gained: readonly HeldAtom[], mappings: readonly MappingChange[]): ReviewFinding[] {
  const held: HeldRule[] = gained.map((a) => {
    const { atom } = a;
    const rule = { verbs: [atom.verb], apiGroups: atom.url ? [] : [atom.apiGroup], resources: atom.url ? [] : [atom.resource], resourceNames: atom.name ? [atom.name] : [], nonResourceURLs: atom.url ? [atom.url] : [] };
    return { ...a.held[0]!, rule, atomKey: a.key } as HeldRule & { atomKey: string };
  });
  const ctx: ReviewContext = {
    cluster,
    held,
    mappings: mappings.filter((m) => m.change === 'gained').map((m) => m.mapping),
    groupPrincipals: groupPrincipals(head),
  };
  const findings: ReviewFinding[] = [];
  for (const check of REVIEW_CHECKS) {
    for (const single of held) {
      // One held rule at a time so each finding maps back to its atom.
      const found = check.run({ ...ctx, held: [single], mappings: [] });
      for (const f of found) findings.push({ ...f, key: `${f.key}\u0001${(single as HeldRule & { atomKey: string }).atomKey}` });
    }
    findings.push(...check.run({ ...ctx, held: [] }));
  }
  return mergeByKey(findings);
}

/** Findings of one check over one holder and path are one finding, whatever the atoms. */
function mergeByKey(findings: ReviewFinding[]): ReviewFinding[] {
  const out = new Map<string, ReviewFinding>();
  for (const f of findings) {
    const [base, ...atoms] = f.key.split('\u0001');
    const prev = out.get(base!);
    if (!prev) out.set(base!, f);
    else {
      prev.key = [prev.key, ...atoms].join('\u0001');
      if (!prev.message.includes(f.message)) prev.message = `${prev.message}; ${f.message}`;
    }
  }
  return [...out.values()];
}
