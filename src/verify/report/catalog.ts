/**
 * The rules a report describes: every rule that ran, every Pod Security
 * check by its own id, the waiver rules, and any further rule id a finding
 * carries (sub-checks, custom policies), described from its parent rule and
 * the finding's own remediation.
 */
import type { Severity } from '../../core/diagnostic.js';
import type { Finding } from '../finding.js';
import { POD_SECURITY_CHECKS } from '../pss/registry.js';
import { POD_SECURITY_CATEGORY, POD_SECURITY_RULE_ID } from '../pss/rule.js';
import type { Rule } from '../rule.js';
import { WAIVER_CATEGORY, WAIVER_EXPIRED_RULE, WAIVER_UNUSED_RULE } from '../waivers/apply.js';

export interface RuleInfo {
  id: string;
  category: string;
  severity: Severity;
  /** One sentence: what the rule requires. */
  description: string;
  /** How to comply. */
  help: string;
}

const WAIVER_RULES: RuleInfo[] = [
  {
    id: WAIVER_EXPIRED_RULE,
    category: WAIVER_CATEGORY,
    severity: 'error',
    description: 'A waiver in the estate is past its expiry date.',
    help: 'Fix the findings it covered, or agree a new date with its owner.',
  },
  {
    id: WAIVER_UNUSED_RULE,
    category: WAIVER_CATEGORY,
    severity: 'info',
    description: 'A waiver in the estate matched no finding.',
    help: 'Remove waivers that are no longer needed.',
  },
];

/** Sorted by id; each id once. */
export function ruleCatalog(rules: readonly Rule[], findings: readonly Finding[]): RuleInfo[] {
  const byId = new Map<string, RuleInfo>();
  const add = (info: RuleInfo): void => {
    if (!byId.has(info.id)) byId.set(info.id, info);
  };
  for (const rule of rules) {
    add({ id: rule.id, category: rule.category, severity: rule.severity, description: rule.description, help: rule.remediation ?? rule.description });
    if (rule.id === POD_SECURITY_RULE_ID) podSecurityRules().forEach(add);
  }
  WAIVER_RULES.forEach(add);
  for (const f of findings) {
    if (byId.has(f.ruleId)) continue;
    const parent = parentRule(byId, f.ruleId);
    add({ id: f.ruleId, category: f.category, severity: f.severity, description: parent?.description ?? f.message, help: f.remediation });
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function podSecurityRules(): RuleInfo[] {
  const checks: RuleInfo[] = POD_SECURITY_CHECKS.map((check) => ({
    id: `${POD_SECURITY_RULE_ID}/${check.id}`,
    category: POD_SECURITY_CATEGORY,
    severity: 'error',
    description: `Pod Security Standards, ${check.level}: ${check.control}.`,
    help: check.remediation,
  }));
  checks.push({
    id: `${POD_SECURITY_RULE_ID}/invalid-label`,
    category: POD_SECURITY_CATEGORY,
    severity: 'warning',
    description: 'Namespace Pod Security labels must hold a valid level and version.',
    help: 'Use privileged, baseline or restricted, and latest or a version such as v1.30.',
  });
  return checks;
}

/** The registered rule whose id is the longest `/`-prefix of `id`. */
function parentRule(byId: ReadonlyMap<string, RuleInfo>, id: string): RuleInfo | undefined {
  for (let cut = id.lastIndexOf('/'); cut > 0; cut = id.lastIndexOf('/', cut - 1)) {
    const found = byId.get(id.slice(0, cut));
    if (found) return found;
  }
  return undefined;
}

/** The rules as a Markdown table (docs/verify.md embeds it; a test keeps the two equal). */
export function rulesMarkdown(rules: readonly RuleInfo[]): string {
  const cell = (text: string): string => text.replace(/\|/g, '\\|');
  const rows = rules.map((r) => `| \`${r.id}\` | ${r.category} | ${r.severity} | ${cell(r.description)} |`);
  return ['| Rule | Category | Severity | Requires |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
