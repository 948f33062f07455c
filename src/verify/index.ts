/**
 * Public face of the verify stage: rules over rendered objects, findings
 * pointed at the line to edit, waivers, and report formats.
 */
export {
  checkResources,
  defaultRules,
  DEFAULT_VERIFY_POLICY,
  findingKey,
  idKey,
  usedWaivers,
  verifyFleet,
  verifyResources,
  VerifyCode,
  type ClusterFinding,
  type ClusterInput,
  type FleetResult,
  type VerifyOptions,
  type VerifyResult,
  type WaivedClusterFinding,
} from './engine.js';
export { compareFindings, findingFor, formatFieldPath, type FieldPath, type Finding, type FindingSource, type PathSegment, type Severity } from './finding.js';
export { SourceLocator, mapPath } from './locate.js';
export { createVerifyContext, RuleRegistry, type Rule, type VerifyContext } from './rule.js';
export * from './waivers/index.js';
export * from './report/index.js';
export { formatVersion, parseLevel, parseVersion, type Level, type PodSecurityPolicy, type PolicyVersion } from './pss/index.js';
export { admissionPolicyRule, evaluatePolicies, loadPolicies, VapCode, type PolicySet } from './vap/index.js';
export { HARDENING_RULES } from './rules/index.js';
export { schemaRule } from './schema/index.js';
