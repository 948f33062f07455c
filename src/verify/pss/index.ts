/** Pod Security Standards: version-aware checks matching the upstream PodSecurity admission. */
export type { CheckFn, CheckLevel, CheckOutcome, CheckRevision, PodSecurityCheck, Violation, ViolationField } from './check.js';
export { checkPod, formatViolations, podSecurityEvaluator } from './check-pod.js';
export { podView, type ContainerRef, type PodInput, type PodView } from './pod.js';
export {
  DEFAULT_POLICY,
  ENFORCE_LEVEL_LABEL,
  ENFORCE_VERSION_LABEL,
  formatVersion,
  parseLevel,
  parseVersion,
  resolveNamespacePolicy,
  type LabelProblem,
  type Level,
  type PodSecurityPolicy,
  type PolicyVersion,
  type ResolvedPolicy,
} from './policy.js';
export { createEvaluator, POD_SECURITY_CHECKS, type ActiveCheck, type Evaluator } from './registry.js';
export { POD_SECURITY_CATEGORY, POD_SECURITY_RULE_ID, podSecurityRule, policyForNamespace, type PodSecurityRuleOptions } from './rule.js';
export { carriesPod, podOf } from './templates.js';
