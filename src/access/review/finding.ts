/**
 * Turning held rules into findings: one finding per check, holder and path
 * (binding → role, or access entry → policy), however many of the role's
 * rules match, so a role with five risky rules is one line to fix.
 */
import { formatSubject, subjectKey } from '../evaluate/subjects.js';
import type { HeldRule, Holder, ReviewCheck, ReviewContext, ReviewFinding, ReviewSeverity } from './types.js';

export interface RuleVerdict {
  /** What is held, e.g. `get, list secrets`. */
  message: string;
  /** Overrides the check's severity for this rule (e.g. cluster-wide is worse). */
  severity?: ReviewSeverity;
}

export function holderKey(holder: Holder): string {
  return holder.kind === 'IAMPrincipal' ? `IAMPrincipal:${holder.name}` : subjectKey(holder);
}

export function formatHolder(holder: Holder): string {
  return holder.kind === 'IAMPrincipal' ? `IAM ${holder.name}` : formatSubject(holder);
}

const RANK: Record<ReviewSeverity, number> = { critical: 0, high: 1, medium: 2, low: 3 };

export function worse(a: ReviewSeverity, b: ReviewSeverity): ReviewSeverity {
  return RANK[a] <= RANK[b] ? a : b;
}

export function compareSeverity(a: ReviewSeverity, b: ReviewSeverity): number {
  return RANK[a] - RANK[b];
}

/** Runs `judge` over every held rule; groups matches per holder and path. */
export function findingsFrom(check: ReviewCheck, ctx: ReviewContext, judge: (held: HeldRule) => RuleVerdict | undefined): ReviewFinding[] {
  const groups = new Map<string, { held: HeldRule; verdicts: RuleVerdict[]; rules: HeldRule[] }>();
  for (const held of ctx.held) {
    const verdict = judge(held);
    if (!verdict) continue;
    const key = `${holderKey(held.holder)}|${pathKey(held)}`;
    const group = groups.get(key);
    if (group) {
      group.verdicts.push(verdict);
      group.rules.push(held);
    } else groups.set(key, { held, verdicts: [verdict], rules: [held] });
  }
  return [...groups.entries()].map(([key, g]) => {
    const severity = g.verdicts.reduce<ReviewSeverity>((s, v) => worse(s, v.severity ?? check.severity), 'low');
    const finding: ReviewFinding = {
      check: check.id,
      severity,
      cluster: ctx.cluster,
      holder: g.held.holder,
      principals: principalsOf(g.held.holder, ctx),
      message: [...new Set(g.verdicts.map((v) => v.message))].join('; '),
      path: describePath(g.rules),
      scope: g.held.scope,
      key: `${check.id}|${key}`,
    };
    const origin = g.held.rbac?.binding.origin ?? g.held.policy?.mapping.origin;
    if (origin) finding.origin = origin;
    const roleOrigin = g.held.rbac?.role.origin;
    if (roleOrigin && (roleOrigin.file !== origin?.file || roleOrigin.line !== origin?.line)) finding.roleOrigin = roleOrigin;
    return finding;
  });
}

function principalsOf(holder: Holder, ctx: ReviewContext): string[] {
  return holder.kind === 'Group' ? [...(ctx.groupPrincipals.get(holder.name) ?? [])] : [];
}

function pathKey(held: HeldRule): string {
  if (held.rbac) {
    const { binding, role } = held.rbac;
    return `${binding.kind}/${binding.namespace}/${binding.name}/${role.kind}/${role.name}`;
  }
  const p = held.policy!;
  return `${p.mapping.object.kind}/${p.mapping.object.namespace}/${p.mapping.object.name}/${p.policyName}/${held.scope}`;
}

/** `ClusterRoleBinding x → ClusterRole edit → rules 3, 5 (from system:aggregate-to-edit)`. */
export function describePath(rules: readonly HeldRule[]): string {
  const first = rules[0]!;
  if (first.rbac) {
    const { binding, role } = first.rbac;
    const indexes = [...new Set(rules.map((r) => r.rbac!.rule.index + 1))];
    const from = [...new Set(rules.map((r) => r.rbac!.rule.aggregatedFrom).filter((f): f is string => f !== undefined))];
    const ns = binding.namespace ? `${binding.namespace}/` : '';
    const roleNs = role.namespace ? `${role.namespace}/` : '';
    return `${binding.kind} ${ns}${binding.name} → ${role.kind} ${roleNs}${role.name} → rule${indexes.length > 1 ? 's' : ''} ${indexes.join(', ')}${from.length ? ` (aggregated from ${from.join(', ')})` : ''}`;
  }
  const p = first.policy!;
  const o = p.mapping.object;
  return `${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name} → ${p.policyName} (${first.scope === '' ? 'cluster scope' : `namespaces ${first.scope}`})`;
}
