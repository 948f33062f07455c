/**
 * StatefulSet: judged on the update revision. kstatus' counts, plus: pods of
 * the update revision fail fast, availableReplicas must reach spec, and an
 * OnDelete set is Current only once every pod is ready (kstatus: at once).
 */
import { count, desiredReplicas, optionalNumber, recordAt, specOf, statusOf, str } from './fields.js';
import { judgedPods } from './new-revision.js';
import { failingPods } from './pod-faults.js';
import type { HealthRule, HealthVerdict } from './types.js';
import { attachProgress, current, inProgress, type Progress } from './verdicts.js';

export const statefulSetRule: HealthRule = {
  kinds: ['apps/StatefulSet'],
  assess({ object, pods, now }, options) {
    const status = statusOf(object);
    const strategy = recordAt(specOf(object), 'updateStrategy');
    const progress: Progress = {
      desired: desiredReplicas(object),
      updated: count(status, 'updatedReplicas'),
      ready: count(status, 'readyReplicas'),
      available: optionalNumber(status, 'availableReplicas'),
    };
    if (optionalNumber(status, 'observedGeneration') === undefined) return inProgress('GenerationNotObserved', 'the statefulset controller has not reported status yet', progress);
    const failing = failingPods(judgedPods(object, [], pods), now, options);
    if (failing) return attachProgress(failing, progress);
    const waiting = (message: string): HealthVerdict => inProgress('RolloutInProgress', message, progress);
    const { desired, updated, ready } = progress;
    const replicas = count(status, 'replicas');
    if (replicas < desired) return waiting(`${replicas} of ${desired} pods created`);
    if (replicas > desired) return waiting(`scaling down: ${replicas} pods for ${desired} desired`);
    if (ready < desired) return waiting(`${ready} of ${desired} pods ready`);
    if (progress.available !== undefined && progress.available < desired) return waiting(`${progress.available} of ${desired} pods available`);
    if (str(strategy, 'type') === 'OnDelete') {
      return current('OnDeleteStrategy', `${ready} of ${desired} pods ready; ${updated} on the update revision (others change only when deleted)`, progress);
    }
    const partition = optionalNumber(recordAt(strategy, 'rollingUpdate'), 'partition') ?? 0;
    if (partition > 0) {
      const target = Math.max(0, desired - partition);
      if (updated < target) return waiting(`${updated} of ${target} pods at or above partition ${partition} updated`);
      return current('PartitionRolledOut', `${updated} pods at or above partition ${partition} updated and ready`, progress);
    }
    if (updated < desired) return waiting(`${updated} of ${desired} pods updated`);
    if (count(status, 'currentReplicas') < desired || str(status, 'currentRevision') !== str(status, 'updateRevision')) {
      return waiting('waiting for currentRevision to reach updateRevision');
    }
    return current('RolloutComplete', `${desired} of ${desired} pods updated and ready`, progress);
  },
};
