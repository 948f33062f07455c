/**
 * Does a held rule grant a risky permission? Probes reuse the evaluator's
 * matchers (so `*`, `*\/sub`, groups and verbs mean what they mean to the API
 * server); resourceNames restrict only when the probe names an object —
 * a rule limited to one Secret still reads that Secret.
 */
import { apiGroupMatches, resourceMatches, resourceNameMatches, verbMatches } from '../evaluate/match.js';
import type { PolicyRule } from '../evaluate/types.js';

export interface Probe {
  verbs: readonly string[];
  group: string;
  /** `resource` or `resource/subresource`. */
  resources: readonly string[];
  /** Only rules that can reach this object name (e.g. `aws-auth`). */
  name?: string;
}

export interface ProbeMatch {
  verbs: string[];
  resources: string[];
}

/** The verbs and resources of `probe` the rule grants; undefined when none. */
export function probeRule(rule: PolicyRule, probe: Probe): ProbeMatch | undefined {
  if (!apiGroupMatches(rule, probe.group)) return undefined;
  if (probe.name !== undefined && !resourceNameMatches(rule, probe.name)) return undefined;
  const verbs = probe.verbs.filter((v) => verbMatches(rule, v));
  if (verbs.length === 0) return undefined;
  const resources = probe.resources.filter((r) => {
    const slash = r.indexOf('/');
    return resourceMatches(rule, r, slash < 0 ? '' : r.slice(slash + 1));
  });
  return resources.length === 0 ? undefined : { verbs, resources };
}

/** `*` verbs, groups and resources at once: everything (reported once, by the wildcard check). */
export function isCatchAll(rule: PolicyRule): boolean {
  return rule.verbs.includes('*') && rule.apiGroups.includes('*') && rule.resources.includes('*');
}
