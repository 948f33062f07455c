/**
 * What EKS access policies grant: per access entry, the union of its
 * associated policies, each at cluster scope or in a list of namespaces
 * (`dev-*` patterns allowed, existence not checked). A namespace scope never
 * grants cluster-scoped resources or URLs, like a RoleBinding.
 */
import { ruleAllows } from '../evaluate/match.js';
import type { AccessRequest, PolicyRule } from '../evaluate/types.js';
import type { AccessPolicyAssociation } from '../model.js';
import type { IdentityMapping } from './mappings.js';
import { accessPolicy } from './policies.js';

export interface PolicyGrant {
  /** The access entry's principal ARN as written. */
  principal: string;
  mapping: IdentityMapping;
  policyArn: string;
  policyName: string;
  /** '' = cluster scope; otherwise the namespace patterns of the association. */
  namespaces: string[];
  rule: PolicyRule;
  ruleIndex: number;
}

/** Does a namespace pattern of an access scope cover `namespace`? A trailing `*` is a prefix match. */
export function namespaceMatches(pattern: string, namespace: string): boolean {
  return pattern.endsWith('*') ? namespace.startsWith(pattern.slice(0, -1)) : pattern === namespace;
}

function scopeCovers(association: AccessPolicyAssociation, namespace: string | undefined): boolean {
  if (association.accessScope.type === 'cluster') return true;
  if (namespace === undefined) return true;
  if (namespace === '') return false;
  return (association.accessScope.namespaces ?? []).some((p) => namespaceMatches(p, namespace));
}

/**
 * The policy rules of `mapping` that allow `request`; namespace undefined =
 * any namespace (who-can). Unknown policy ARNs grant nothing here (see
 * `unknownPolicies`).
 */
export function policyGrants(mapping: IdentityMapping, associations: readonly AccessPolicyAssociation[], request: AccessRequest): PolicyGrant[] {
  const ns = request.kind === 'nonResource' ? '' : request.namespace;
  const out: PolicyGrant[] = [];
  for (const association of associations) {
    const policy = accessPolicy(association.policyARN);
    if (!policy || !scopeCovers(association, ns)) continue;
    const index = policy.rules.findIndex((rule) => ruleAllows(rule, request));
    if (index < 0) continue;
    const namespaces = association.accessScope.type === 'cluster' ? [] : (association.accessScope.namespaces ?? []);
    out.push({ principal: mapping.arn, mapping, policyArn: association.policyARN, policyName: policy.name, namespaces, rule: policy.rules[index]!, ruleIndex: index });
  }
  return out;
}

/** Every principal an access policy grants `request` to (STANDARD entries; others take no policies). */
export function whoCanByPolicy(mappings: readonly IdentityMapping[], request: AccessRequest): PolicyGrant[] {
  return mappings
    .filter((m) => m.source === 'access-entry' && (m.entryType ?? 'STANDARD') === 'STANDARD')
    .flatMap((m) => policyGrants(m, m.policies, request))
    .sort((a, b) => a.principal.localeCompare(b.principal) || a.policyName.localeCompare(b.policyName));
}

/** Associated policy ARNs this model does not know (their rules cannot be evaluated). */
export function unknownPolicies(mappings: readonly IdentityMapping[]): string[] {
  return [...new Set(mappings.flatMap((m) => m.policies.map((p) => p.policyARN)).filter((arn) => !accessPolicy(arn)))].sort();
}
