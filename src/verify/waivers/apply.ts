/**
 * Applying waivers: a finding is waived when a live (not expired) waiver
 * covers its rule, its object and its cluster. Expired waivers waive
 * nothing and fail the run; waivers that waived nothing are reported, so
 * stale exceptions get cleaned up. Only the estate's waivers file can waive:
 * nothing on the workload itself (labels, annotations) is consulted.
 */
import type { ResourceId } from '../../core/resource-id.js';
import type { Finding } from '../finding.js';
import { globMatch } from './glob.js';
import type { Waiver } from './parse.js';

export const WAIVER_EXPIRED_RULE = 'hm/waiver-expired';
export const WAIVER_UNUSED_RULE = 'hm/waiver-unused';
export const WAIVER_CATEGORY = 'waivers';

export interface WaivedFinding {
  finding: Finding;
  waiver: Waiver;
}

export interface WaiverOutcome {
  kept: Finding[];
  waived: WaivedFinding[];
}

/** `YYYY-MM-DD` of a date in UTC. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A waiver applies through the whole of its `expires` day. */
export function isExpired(waiver: Waiver, today: string): boolean {
  return waiver.expires < today;
}

export function waiverCovers(waiver: Waiver, ruleId: string, resource: ResourceId, cluster?: string): boolean {
  if (!ruleMatches(waiver.rule, ruleId)) return false;
  const sel = waiver.resource;
  if (!globMatch(sel.kind, resource.kind) || !globMatch(sel.namespace, resource.namespace) || !globMatch(sel.name, resource.name)) return false;
  if (!waiver.clusters) return true;
  return cluster !== undefined && waiver.clusters.some((c) => globMatch(c, cluster));
}

function ruleMatches(rule: string, ruleId: string): boolean {
  return globMatch(rule, ruleId) || ruleId.startsWith(`${rule}/`);
}

/** Splits findings into kept and waived; findings about waivers themselves can never be waived. */
export function applyWaivers(findings: readonly Finding[], waivers: readonly Waiver[], today: string, cluster?: string): WaiverOutcome {
  const live = waivers.filter((w) => !isExpired(w, today));
  const out: WaiverOutcome = { kept: [], waived: [] };
  for (const finding of findings) {
    const waiver = finding.category === WAIVER_CATEGORY ? undefined : live.find((w) => waiverCovers(w, finding.ruleId, finding.resource, cluster));
    if (waiver) out.waived.push({ finding, waiver });
    else out.kept.push(finding);
  }
  return out;
}

const WAIVER_KIND = { group: 'harbormaster.dev', version: 'v1alpha1', kind: 'Waiver', namespace: '' };

/** An error for each expired waiver and a note for each live one that waived nothing. */
export function waiverStatusFindings(waivers: readonly Waiver[], usedIds: ReadonlySet<string>, today: string): Finding[] {
  const out: Finding[] = [];
  for (const w of waivers) {
    const resource: ResourceId = { ...WAIVER_KIND, name: w.id };
    if (isExpired(w, today)) {
      out.push({
        ruleId: WAIVER_EXPIRED_RULE,
        severity: 'error',
        category: WAIVER_CATEGORY,
        resource,
        fieldPath: 'expires',
        path: ['expires'],
        message: `waiver ${w.id} for ${w.rule} expired on ${w.expires} (owner ${w.owner}); it no longer waives anything`,
        remediation: 'Fix the findings it covered, or agree a new date with the owner and update expires.',
        source: w.expiresAt,
      });
    } else if (!usedIds.has(w.id)) {
      out.push({
        ruleId: WAIVER_UNUSED_RULE,
        severity: 'info',
        category: WAIVER_CATEGORY,
        resource,
        fieldPath: '',
        path: [],
        message: `waiver ${w.id} for ${w.rule} matched no finding`,
        remediation: 'Remove the waiver if the exception is no longer needed.',
        source: w.source,
      });
    }
  }
  return out;
}
