/** Offline ValidatingAdmissionPolicy evaluation: load and compile policies, then admit a rendered set as CREATEs. */
export { VapCode } from './codes.js';
export { decisionsByResource, evaluatePolicies, policyCompileFindings, VAP_CATEGORY, VAP_RULE_PREFIX, type PolicyContext } from './evaluate.js';
export { loadPolicies, type Locate, type LoadOptions, type PolicySet } from './load.js';
export { OFFLINE_USER, type UserInfo } from './request.js';
export { admissionPolicyRule } from './rule.js';
export type { AdmissionPolicy, PolicyBinding, ValidationAction } from './types.js';
