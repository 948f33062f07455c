/**
 * DaemonSet: judged on updatedNumberScheduled. kstatus' counts (desired against
 * current, updated, ready and available), plus fail-fast pods of the new
 * revision and numberUnavailable. OnDelete gets no pass, as in kstatus: the
 * new template is not running until its pods are deleted.
 */
import { count, optionalNumber, recordAt, specOf, statusOf, str } from './fields.js';
import { judgedPods } from './new-revision.js';
import { failingPods } from './pod-faults.js';
import type { HealthRule, HealthVerdict } from './types.js';
import { attachProgress, current, inProgress, type Progress } from './verdicts.js';

export const daemonSetRule: HealthRule = {
  kinds: ['apps/DaemonSet', 'extensions/DaemonSet'],
  assess({ object, pods, replicaSets, now }, options) {
    const status = statusOf(object);
    const desired = optionalNumber(status, 'desiredNumberScheduled');
    const progress: Progress = {
      desired: desired ?? 0,
      updated: count(status, 'updatedNumberScheduled'),
      ready: count(status, 'numberReady'),
      available: count(status, 'numberAvailable'),
    };
    if (optionalNumber(status, 'observedGeneration') === undefined || desired === undefined) {
      return inProgress('GenerationNotObserved', 'the daemonset controller has not reported status yet', progress);
    }
    const failing = failingPods(judgedPods(object, replicaSets, pods), now, options);
    if (failing) return attachProgress(failing, progress);
    const waiting = (message: string): HealthVerdict => inProgress('RolloutInProgress', message, progress);
    const scheduled = count(status, 'currentNumberScheduled');
    if (scheduled < desired) return waiting(`${scheduled} of ${desired} nodes have a pod`);
    if (progress.updated < desired) {
      const onDelete = str(recordAt(specOf(object), 'updateStrategy'), 'type') === 'OnDelete';
      return waiting(`${progress.updated} of ${desired} pods updated${onDelete ? ' (OnDelete: old pods change only when deleted)' : ''}`);
    }
    if (progress.ready < desired) return waiting(`${progress.ready} of ${desired} pods ready`);
    if ((progress.available ?? 0) < desired || count(status, 'numberUnavailable') > 0) return waiting(`${progress.available} of ${desired} pods available`);
    return current('RolloutComplete', `${desired} of ${desired} pods updated and available`, progress);
  },
};
