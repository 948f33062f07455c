/**
 * Deployment: judged on the new ReplicaSet only. Stricter than kstatus in three
 * ways: a crashing or unpullable pod of the new ReplicaSet fails at once (old
 * ReplicaSets' pods are ignored), a paused Deployment is never Current, and the
 * counts come from the new ReplicaSet so old pods cannot make up availability.
 */
import type { KubeObject } from '../../cluster/types.js';
import { conditionOf, count, desiredReplicas, optionalNumber, specOf, statusOf, type Fields } from './fields.js';
import { judgedPods, newReplicaSetOf } from './new-revision.js';
import { failingPods } from './pod-faults.js';
import type { HealthRule, HealthVerdict } from './types.js';
import { attachProgress, current, failedFast, inProgress, type Progress } from './verdicts.js';

/** progressDeadlineSeconds at MaxInt32 means "no deadline": the controller then writes no Progressing condition. */
const NO_DEADLINE = 2_147_483_647;

export const deploymentRule: HealthRule = {
  kinds: ['apps/Deployment', 'extensions/Deployment'],
  assess({ object, pods, replicaSets, now }, options) {
    const status = statusOf(object);
    const newRs = replicaSets ? newReplicaSetOf(object, replicaSets) : undefined;
    const progress = progressOf(object, status, newRs);
    if (optionalNumber(status, 'observedGeneration') === undefined) return inProgress('GenerationNotObserved', 'the deployment controller has not reported status yet', progress);
    const progressing = conditionOf(object, 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded') {
      return failedFast('ProgressDeadlineExceeded', progressing.message ?? 'the rollout made no progress within spec.progressDeadlineSeconds', progress);
    }
    const failing = failingPods(judgedPods(object, replicaSets, pods), now, options);
    if (failing) return attachProgress(failing, progress);
    if (specOf(object).paused === true) return inProgress('DeploymentPaused', 'the rollout is paused (spec.paused); it will not progress until resumed', progress);
    if (replicaSets && !newRs && progress.desired > 0) return inProgress('NewReplicaSetPending', 'no ReplicaSet matches the current pod template yet', progress);
    return countsVerdict(object, status, progress);
  },
};

function progressOf(object: KubeObject, status: Fields, newRs: KubeObject | undefined): Progress {
  const updated = count(status, 'updatedReplicas');
  const rsStatus = newRs ? statusOf(newRs) : undefined;
  return {
    desired: desiredReplicas(object),
    updated,
    ready: rsStatus ? count(rsStatus, 'readyReplicas') : Math.min(count(status, 'readyReplicas'), updated),
    available: rsStatus ? count(rsStatus, 'availableReplicas') : Math.min(count(status, 'availableReplicas'), updated),
  };
}

function countsVerdict(object: KubeObject, status: Fields, progress: Progress): HealthVerdict {
  const { desired, updated, ready } = progress;
  const available = progress.available ?? 0;
  const total = count(status, 'replicas');
  const waiting = (message: string): HealthVerdict => inProgress('RolloutInProgress', message, progress);
  if (updated < desired) return waiting(`${updated} of ${desired} replicas updated`);
  if (updated > desired) return waiting(`scaling down: ${updated} updated replicas for ${desired} desired`);
  if (total > updated) return waiting(`${total - updated} old replica${total - updated === 1 ? '' : 's'} pending termination`);
  if (ready < desired) return waiting(`${ready} of ${desired} updated replicas ready`);
  if (available < desired) return waiting(`${available} of ${desired} updated replicas available`);
  const availableCondition = conditionOf(object, 'Available');
  if (desired > 0 && availableCondition?.status !== 'True') return waiting('the Available condition is not True yet');
  const deadline = optionalNumber(specOf(object), 'progressDeadlineSeconds');
  if (deadline !== NO_DEADLINE && conditionOf(object, 'Progressing')?.reason !== 'NewReplicaSetAvailable') {
    return waiting('waiting for the controller to report NewReplicaSetAvailable');
  }
  return current('RolloutComplete', `${desired} of ${desired} replicas updated and available`, progress);
}
