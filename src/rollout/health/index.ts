/** Health assessment: one rule per kind, assessed through assessHealth. */
export { assessHealth } from './assess.js';
export { HEALTH_RULES, ruleFor } from './registry.js';
export { newReplicaSetOf, podsOfNewRevision } from './new-revision.js';
export { FATAL_WAITING_REASONS, podProblem } from './pod-faults.js';
export * from './types.js';
