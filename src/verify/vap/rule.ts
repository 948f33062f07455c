/**
 * Admission policies as a verify Rule, so the rule engine can run them with
 * the others. Policies are evaluated once per rendered set (they need the
 * whole set: namespaces, params, CRDs) and the findings handed out per
 * resource. Compile problems are the loader's diagnostics, not findings here.
 */
import type { Resource } from '../../core/resource.js';
import type { Finding } from '../finding.js';
import type { Rule, VerifyContext } from '../rule.js';
import { decisionsByResource, VAP_CATEGORY, VAP_RULE_PREFIX, type PolicyContext } from './evaluate.js';
import type { PolicySet } from './load.js';

export function admissionPolicyRule(set: PolicySet, options: Omit<PolicyContext, 'kubernetesVersion'> = {}): Rule {
  const perContext = new WeakMap<VerifyContext, Map<Resource, Finding[]>>();
  const findingsFor = (context: VerifyContext): Map<Resource, Finding[]> => {
    let byResource = perContext.get(context);
    if (!byResource) {
      const policyContext: PolicyContext = { ...options };
      if (context.kubernetesVersion !== undefined) policyContext.kubernetesVersion = context.kubernetesVersion;
      byResource = decisionsByResource(set, context.resources, policyContext);
      perContext.set(context, byResource);
    }
    return byResource;
  };
  return {
    id: VAP_RULE_PREFIX.slice(0, -1),
    category: VAP_CATEGORY,
    severity: 'error',
    description: 'Objects must pass the estate\'s ValidatingAdmissionPolicies, evaluated as the apiserver would on create.',
    remediation: 'Change the object so that each failing validation expression holds.',
    check: (resource, context) => findingsFor(context).get(resource) ?? [],
  };
}
