export { ClusterAccess, type ClusterAccessOptions, type EffectiveDecision, type EffectiveWhoCan } from './effective.js';
export { policyGrants, whoCanByPolicy, unknownPolicies, namespaceMatches, type PolicyGrant } from './evaluate.js';
export { resolveIdentity, canonicalCaller, fillTemplate, principalsByGroup, type Caller, type ResolvedIdentity } from './identity.js';
export { readIdentityMappings, isAwsAuth, isAccessEntry, type IdentityMapping, type IdentityMappings, type MappingProblem, type MappingSource } from './mappings.js';
export { EKS_ACCESS_POLICIES, accessPolicy, type EksAccessPolicy } from './policies.js';
