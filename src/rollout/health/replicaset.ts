/**
 * ReplicaSet on its own (a Deployment's ReplicaSets are judged through the
 * Deployment). ReplicaFailure (quota, admission) stays InProgress as in kstatus:
 * it often clears once the quota frees; crashing pods fail fast.
 */
import { conditionOf, count, desiredReplicas, optionalNumber, statusOf } from './fields.js';
import { judgedPods } from './new-revision.js';
import { failingPods } from './pod-faults.js';
import type { HealthRule, HealthVerdict } from './types.js';
import { attachProgress, current, inProgress, type Progress } from './verdicts.js';

export const replicaSetRule: HealthRule = {
  kinds: ['apps/ReplicaSet', 'extensions/ReplicaSet'],
  assess({ object, pods, now }, options) {
    const status = statusOf(object);
    const progress: Progress = {
      desired: desiredReplicas(object),
      updated: count(status, 'replicas'),
      ready: count(status, 'readyReplicas'),
      available: count(status, 'availableReplicas'),
    };
    if (optionalNumber(status, 'observedGeneration') === undefined) return inProgress('GenerationNotObserved', 'the replicaset controller has not reported status yet', progress);
    const failing = failingPods(judgedPods(object, [], pods), now, options);
    if (failing) return attachProgress(failing, progress);
    const replicaFailure = conditionOf(object, 'ReplicaFailure');
    if (replicaFailure?.status === 'True') return inProgress('ReplicaFailure', replicaFailure.message ?? 'pods cannot be created', progress);
    const waiting = (message: string): HealthVerdict => inProgress('RolloutInProgress', message, progress);
    const { desired, updated: replicas, ready } = progress;
    if (replicas < desired) return waiting(`${replicas} of ${desired} pods created`);
    if (replicas > desired) return waiting(`scaling down: ${replicas} pods for ${desired} desired`);
    if (ready < desired) return waiting(`${ready} of ${desired} pods ready`);
    if ((progress.available ?? 0) < desired) return waiting(`${progress.available} of ${desired} pods available`);
    return current('ReplicasAvailable', `${desired} of ${desired} pods available`, progress);
  },
};
