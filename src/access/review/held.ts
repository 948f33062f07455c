/**
 * What the review looks at: every rule held through a binding of the
 * cluster's own configuration (built-in bootstrap bindings left out) and
 * through EKS access policies, each with its holder and path.
 */
import type { ClusterAccess } from '../eks/effective.js';
import { accessPolicy } from '../eks/policies.js';
import type { HeldRule } from './types.js';

export function heldRules(access: ClusterAccess, options: { includeBuiltIn?: boolean } = {}): HeldRule[] {
  const out: HeldRule[] = [];
  for (const path of access.rbac.grants()) {
    if (path.binding.builtIn && !options.includeBuiltIn) continue;
    out.push({ holder: path.subject, rule: path.rule.rule, scope: path.scope, rbac: path });
  }
  for (const mapping of access.identities.mappings) {
    if (mapping.source !== 'access-entry' || (mapping.entryType ?? 'STANDARD') !== 'STANDARD') continue;
    for (const association of mapping.policies) {
      const policy = accessPolicy(association.policyARN);
      if (!policy) continue;
      const scope = association.accessScope.type === 'cluster' ? '' : (association.accessScope.namespaces ?? []).join(',');
      policy.rules.forEach((rule, ruleIndex) => {
        out.push({ holder: { kind: 'IAMPrincipal', name: mapping.arn }, rule, scope, policy: { mapping, policyName: policy.name, ruleIndex } });
      });
    }
  }
  return out;
}

/** Group → IAM principal ARNs mapped into it. */
export function groupPrincipals(access: ClusterAccess): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of access.identities.mappings) {
    for (const g of m.groups) out.set(g, [...new Set([...(out.get(g) ?? []), m.arn])]);
  }
  return out;
}
