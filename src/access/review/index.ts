export * from './types.js';
export { reviewCluster, compareFindings, type ReviewOptions } from './review.js';
export { REVIEW_CHECKS, checkById } from './registry.js';
export { formatHolder, holderKey, compareSeverity, describePath } from './finding.js';
export { heldRules, groupPrincipals } from './held.js';
export { probeRule, isCatchAll, type Probe } from './probe.js';
