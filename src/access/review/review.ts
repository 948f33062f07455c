/**
 * The escalation review of one cluster: every check of the registry over the
 * rules held through the cluster's own bindings and access policies, and its
 * identity mappings. Built-in bootstrap bindings are left out (every cluster
 * has them); `includeBuiltIn` puts them back.
 */
import type { ClusterAccess } from '../eks/effective.js';
import { compareSeverity, holderKey } from './finding.js';
import { groupPrincipals, heldRules } from './held.js';
import { REVIEW_CHECKS } from './registry.js';
import type { ReviewCheck, ReviewContext, ReviewFinding } from './types.js';

export interface ReviewOptions {
  includeBuiltIn?: boolean;
  checks?: readonly ReviewCheck[];
}

export function reviewCluster(access: ClusterAccess, options: ReviewOptions = {}): ReviewFinding[] {
  const ctx: ReviewContext = {
    cluster: access.cluster,
    held: heldRules(access, options),
    mappings: access.identities.mappings,
    groupPrincipals: groupPrincipals(access),
  };
  const findings = (options.checks ?? REVIEW_CHECKS).flatMap((check) => check.run(ctx));
  return findings.sort(compareFindings);
}

export function compareFindings(a: ReviewFinding, b: ReviewFinding): number {
  return compareSeverity(a.severity, b.severity) || a.check.localeCompare(b.check) || holderKey(a.holder).localeCompare(holderKey(b.holder)) || a.path.localeCompare(b.path);
}
