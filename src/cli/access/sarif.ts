/**
 * SARIF 2.1.0 for access findings (review, and escalation gains of a diff),
 * in the shape `harbormaster verify` writes: rules from the check registry
 * with security-severity, repository-relative locations at the estate line,
 * fingerprints from the finding's identity (check, holder, path), clusters
 * in properties.
 */
import { createHash } from 'node:crypto';
import { formatHolder, REVIEW_CHECKS, type ReviewFinding, type ReviewSeverity } from '../../access/review/index.js';
import { physicalLocation, ruleDescriptor, sarifLog } from '../../verify/report/sarif.js';

const LEVEL: Record<ReviewSeverity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };
/** GitHub's scale: ≥9 critical, ≥7 high, ≥4 medium, above 0 low. */
const SECURITY_SEVERITY: Record<ReviewSeverity, string> = { critical: '9.5', high: '8.0', medium: '5.0', low: '2.0' };

export interface FoldedFinding {
  finding: ReviewFinding;
  clusters: string[];
}

export function renderAccessSarif(findings: readonly FoldedFinding[], context: { toolVersion: string; root: string; automationId: string }): string {
  const index = new Map(REVIEW_CHECKS.map((c, i) => [c.id, i]));
  return sarifLog({
    toolVersion: context.toolVersion,
    rules: REVIEW_CHECKS.map((c) =>
      ruleDescriptor({
        id: c.id,
        title: c.title,
        description: c.description,
        help: c.remediation,
        level: LEVEL[c.severity],
        securitySeverity: SECURITY_SEVERITY[c.severity],
        tags: ['kubernetes', 'rbac', 'security'],
      }),
    ),
    automationId: context.automationId,
    results: findings.map((f) => result(f, index, context.root)),
  });
}

function result({ finding: f, clusters }: FoldedFinding, index: ReadonlyMap<string, number>, root: string): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ruleId: f.check,
    level: LEVEL[f.severity],
    message: { text: `${formatHolder(f.holder)}: ${f.message} (${f.path}; ${f.scope === '' ? 'cluster-wide' : `in ${f.scope}`}; ${clusters.join(', ')})` },
    partialFingerprints: { 'harbormasterAccess/v1': createHash('sha256').update(f.key).digest('hex').slice(0, 32) },
    properties: { severity: f.severity, 'security-severity': SECURITY_SEVERITY[f.severity], holder: f.holder, principals: f.principals, path: f.path, scope: f.scope, clusters },
  };
  if (f.origin) {
    out.locations = [{ physicalLocation: physicalLocation(root, f.origin.file, Math.max(1, f.origin.line), 1) }];
  }
  const i = index.get(f.check);
  if (i !== undefined) out.ruleIndex = i;
  return out;
}

/** Findings that are the same in several clusters, once, with the clusters listed. */
export function foldFindings(findings: readonly ReviewFinding[]): FoldedFinding[] {
  const byKey = new Map<string, FoldedFinding>();
  for (const f of findings) {
    const key = `${f.key}|${f.severity}|${f.message}|${f.origin?.file ?? ''}:${f.origin?.line ?? 0}`;
    const entry = byKey.get(key);
    if (entry) entry.clusters.push(f.cluster);
    else byKey.set(key, { finding: f, clusters: [f.cluster] });
  }
  return [...byKey.values()];
}
