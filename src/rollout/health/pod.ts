/**
 * A Pod on its own. Stricter than kstatus: phase Failed is Failed (kstatus:
 * Current), and image, config and container-creation errors fail fast beside
 * CrashLoopBackOff. Unschedulable fails after HealthOptions.unschedulableAfterMs.
 */
import { conditionOf, isRecord, recordAt, statusOf, str } from './fields.js';
import { podProblem } from './pod-faults.js';
import type { HealthRule } from './types.js';
import { current, failedFast, inProgress } from './verdicts.js';

export const podRule: HealthRule = {
  kinds: ['/Pod'],
  assess({ object, now }, options) {
    const status = statusOf(object);
    const phase = str(status, 'phase');
    if (phase === 'Succeeded') return current('PodSucceeded', `pod ${object.metadata.name} ran to completion`);
    if (phase === 'Failed') {
      const why = [str(status, 'reason'), str(status, 'message')].filter(Boolean).join(': ');
      return failedFast('PodFailed', `pod ${object.metadata.name} failed${why ? `: ${why}` : ''}`);
    }
    const problem = podProblem(object, now, options);
    if (problem?.fatal) return failedFast(problem.reason, problem.message);
    if (problem) return inProgress(problem.reason, problem.message);
    if (phase === 'Running' && conditionOf(object, 'Ready')?.status === 'True') return current('PodReady', `pod ${object.metadata.name} is running and ready`);
    const waitingReason = firstWaitingReason(status.containerStatuses);
    return inProgress(waitingReason ?? 'PodNotReady', `pod ${object.metadata.name} is ${phase ?? 'Pending'}${waitingReason ? ` (${waitingReason})` : ''}, not ready`);
  },
};

function firstWaitingReason(containerStatuses: unknown): string | undefined {
  if (!Array.isArray(containerStatuses)) return undefined;
  for (const containerStatus of containerStatuses) {
    const reason = isRecord(containerStatus) ? str(recordAt(containerStatus, 'state', 'waiting'), 'reason') : undefined;
    if (reason) return reason;
  }
  return undefined;
}
