/**
 * The shape every hardening rule shares. A rule is declared as data (id,
 * category, default severity, description, remediation) plus a `check` that
 * calls `report` for each offending field; `defineRule` turns that into a
 * verify Rule producing Findings located on the resource.
 */
import type { Resource } from '../../core/resource.js';
import { findingFor, type FieldPath, type Finding, type Severity } from '../finding.js';
import type { Rule, VerifyContext } from '../rule.js';

export type RuleCategory = 'security' | 'reliability' | 'efficiency' | 'hygiene' | 'networking' | 'rbac' | 'api-versions';

/** Every hardening rule id starts with this. */
export const RULE_PREFIX = 'hm/';

export interface HardeningRule extends Rule {
  readonly category: RuleCategory;
  readonly remediation: string;
}

/** Per-finding adjustments: a sharper remediation, or a different severity for one case. */
export interface ReportExtra {
  severity?: Severity;
  remediation?: string;
}

export type Report = (path: FieldPath, message: string, extra?: ReportExtra) => void;

export interface RuleSpec {
  /** Kebab-case name; the id is `hm/<name>`. */
  name: string;
  category: RuleCategory;
  severity: Severity;
  description: string;
  remediation: string;
  /**
   * The `kind`s the rule looks at; others are skipped before `check` runs,
   * which keeps a full run cheap (most rules concern a few kinds). Omit for
   * rules that look at every object.
   */
  kinds?: readonly string[];
  check(resource: Resource, context: VerifyContext, report: Report): void;
}

export function defineRule(spec: RuleSpec): HardeningRule {
  const id = `${RULE_PREFIX}${spec.name}`;
  const kinds = spec.kinds ? new Set(spec.kinds) : undefined;
  // Checks run synchronously and one at a time, so one reporter per rule is
  // reused for every resource instead of a closure per call.
  let current: Resource | undefined;
  let findings: Finding[] = [];
  const report: Report = (path, message, extra) => {
    if (!current) throw new Error(`${id}: report called outside check`);
    findings.push(findingFor(current, {
      ruleId: id,
      severity: extra?.severity ?? spec.severity,
      category: spec.category,
      path,
      message,
      remediation: extra?.remediation ?? spec.remediation,
    }));
  };
  return {
    id,
    category: spec.category,
    severity: spec.severity,
    description: spec.description,
    remediation: spec.remediation,
    check(resource: Resource, context: VerifyContext): Finding[] {
      if (kinds && !kinds.has(resource.obj.kind as string)) return [];
      const outer = current;
      const saved = findings;
      current = resource;
      findings = [];
      try {
        spec.check(resource, context, report);
        return findings;
      } finally {
        current = outer;
        findings = saved;
      }
    },
  };
}

