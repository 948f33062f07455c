/**
 * The shape most checks share: "who holds any of these permissions", as
 * probes over held rules. Catch-all rules (`*` everything) are left to the
 * wildcard check so one cluster-admin binding is one finding, not twelve.
 */
import { findingsFrom, type RuleVerdict } from './finding.js';
import { isCatchAll, probeRule, type Probe, type ProbeMatch } from './probe.js';
import type { HeldRule, ReviewCheck, ReviewContext, ReviewSeverity } from './types.js';

export interface PermissionCheckSpec {
  id: string;
  severity: ReviewSeverity;
  title: string;
  description: string;
  remediation: string;
  probes: readonly Probe[];
  /** Only rules held where this returns true (e.g. in kube-system). */
  where?: (held: HeldRule) => boolean;
  /** A different severity for some matches (e.g. cluster-wide). */
  severityOf?: (held: HeldRule, match: ProbeMatch) => ReviewSeverity | undefined;
}

export function permissionCheck(spec: PermissionCheckSpec): ReviewCheck {
  const check: ReviewCheck = {
    id: spec.id,
    severity: spec.severity,
    title: spec.title,
    description: spec.description,
    remediation: spec.remediation,
    run: (ctx: ReviewContext) =>
      findingsFrom(check, ctx, (held): RuleVerdict | undefined => {
        if (isCatchAll(held.rule) || (spec.where && !spec.where(held))) return undefined;
        const matches = spec.probes.map((p) => probeRule(held.rule, p)).filter((m): m is ProbeMatch => m !== undefined);
        if (matches.length === 0) return undefined;
        const message = matches.map((m) => `${m.verbs.join(', ')} ${m.resources.join(', ')}`).join('; ') + namesNote(held);
        const severity = matches.map((m) => spec.severityOf?.(held, m)).find((s) => s !== undefined);
        return severity ? { message, severity } : { message };
      }),
  };
  return check;
}

function namesNote(held: HeldRule): string {
  return held.rule.resourceNames.length > 0 ? ` (only ${held.rule.resourceNames.join(', ')})` : '';
}

/** Held cluster-wide (ClusterRoleBinding or cluster-scoped access policy). */
export function clusterWide(held: HeldRule): boolean {
  return held.scope === '';
}
