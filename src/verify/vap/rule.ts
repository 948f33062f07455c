/**
 * Admission policies as a verify Rule, so the rule engine can run them with
 * the others. Policies are evaluated once per rendered set (they need the
 * whole set: namespaces, params, CRDs) and the findings handed out per
 * resource. Compile problems are the loader's diagnostics; those only this
 * cluster's version has are findings on the policy when it is in the set
 * (else ask `policyCompileFindings`).
 */
import type { Resource } from '../../core/resource.js';
import type { Finding } from '../finding.js';
import type { Rule, VerifyContext } from '../rule.js';
import { decisionsByResource, policyCompileFindings, VAP_CATEGORY, VAP_RULE_PREFIX, type PolicyContext } from './evaluate.js';
import type { PolicySet } from './load.js';

export function admissionPolicyRule(set: PolicySet, options: Omit<PolicyContext, 'kubernetesVersion'> = {}): Rule {
  const perContext = new WeakMap<VerifyContext, Map<Resource, Finding[]>>();
  const findingsFor = (context: VerifyContext): Map<Resource, Finding[]> => {
    let byResource = perContext.get(context);
    if (!byResource) {
      const policyContext: PolicyContext = { ...options };
      if (context.kubernetesVersion !== undefined) policyContext.kubernetesVersion = context.kubernetesVersion;
      byResource = decisionsByResource(set, context.resources, policyContext);
      // A policy this cluster's apiserver would refuse, when the policy itself is part of the set.
      for (const finding of policyCompileFindings(set, context.kubernetesVersion)) {
        const policy = set.policies.find((p) => `${VAP_RULE_PREFIX}${p.name}` === finding.ruleId);
        if (policy && context.resources.includes(policy.resource)) byResource.set(policy.resource, [...(byResource.get(policy.resource) ?? []), finding]);
      }
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
