/**
 * The escalation review's shapes: a check (one per file, in the registry),
 * the grants it looks at (RBAC paths and EKS policy associations, each with
 * who holds it), and a finding that says who, how, where, and which estate
 * line to change.
 */
import type { SourceRef } from '../../core/resource.js';
import type { GrantPath, PolicyRule, Subject } from '../evaluate/types.js';
import type { IdentityMapping } from '../eks/mappings.js';

export type ReviewSeverity = 'critical' | 'high' | 'medium' | 'low';
export const SEVERITIES: readonly ReviewSeverity[] = ['critical', 'high', 'medium', 'low'];

/** Who holds a permission: an RBAC subject, or an IAM principal (EKS access policy, identity mapping). */
export type Holder = Subject | { kind: 'IAMPrincipal'; name: string };

/** One rule someone holds, and how: through RBAC or through an EKS access policy. */
export interface HeldRule {
  holder: Holder;
  rule: PolicyRule;
  /** '' = cluster-wide; else the namespace (RoleBinding) or namespace patterns (access policy) joined by ','. */
  scope: string;
  rbac?: GrantPath;
  policy?: { mapping: IdentityMapping; policyName: string; ruleIndex: number };
}

export interface ReviewFinding {
  check: string;
  severity: ReviewSeverity;
  cluster: string;
  holder: Holder;
  /** IAM principals mapped to the holder group (aws-auth / access entries), when any. */
  principals: string[];
  /** What is held, in words (`get, list secrets`). */
  message: string;
  /** binding → role → rule(s), or access entry → policy, or the mapping. */
  path: string;
  scope: string;
  /** Where to change it: the binding's (or mapping's) estate file and line; absent for live objects. */
  origin?: SourceRef;
  /** The role's estate location, when it differs from the binding's. */
  roleOrigin?: SourceRef;
  /** A stable identity of the finding across runs (check, cluster-independent object and holder). */
  key: string;
}

export interface ReviewContext {
  cluster: string;
  /** Every rule held through a non-built-in binding or an access policy. */
  held: readonly HeldRule[];
  mappings: readonly IdentityMapping[];
  /** Group → IAM principals mapped into it. */
  groupPrincipals: ReadonlyMap<string, readonly string[]>;
}

export interface ReviewCheck {
  id: string;
  severity: ReviewSeverity;
  title: string;
  /** Why it matters (one or two sentences). */
  description: string;
  remediation: string;
  run(ctx: ReviewContext): ReviewFinding[];
}
