/**
 * Container and scheduling states that will not fix themselves. kstatus fails
 * only on CrashLoopBackOff (and Unschedulable after 15 s); everything else
 * here it reports as InProgress until a timeout. Harbormaster fails the step as
 * soon as a pod of the *new* revision shows one of them.
 */
import type { KubeObject } from '../../cluster/types.js';
import { conditionOf, isRecord, recordAt, statusOf, str, type Fields } from './fields.js';
import type { HealthOptions, HealthVerdict } from './types.js';
import { failedFast } from './verdicts.js';

/** Waiting reasons that mean "this container will not start without a change". */
export const FATAL_WAITING_REASONS: ReadonlySet<string> = new Set([
  'CrashLoopBackOff',
  'ImagePullBackOff',
  'ErrImagePull',
  'ErrImageNeverPull',
  'InvalidImageName',
  'CreateContainerConfigError',
  'CreateContainerError',
]);

export interface PodProblem {
  reason: string;
  /** Names the pod (and container) and quotes the kubelet or scheduler. */
  message: string;
  /** False while a problem may still clear (Unschedulable for less than the allowed time). */
  fatal: boolean;
}

export interface PodFaultOptions {
  /** Jobs retry crashed pods up to backoffLimit: leave CrashLoopBackOff to the Job's own Failed condition. */
  ignoreCrashLoop?: boolean;
}

/** The first problem of one pod: a fatal container state, else Unschedulable (fatal once it lasted too long). */
export function podProblem(pod: KubeObject, now: Date, options: HealthOptions, faultOptions: PodFaultOptions = {}): PodProblem | undefined {
  return containerProblem(pod, faultOptions) ?? schedulingProblem(pod, now, options);
}

/** A fail-fast verdict for the first pod with a fatal problem, counting the others. */
export function failingPods(pods: readonly KubeObject[], now: Date, options: HealthOptions, faultOptions: PodFaultOptions = {}): HealthVerdict | undefined {
  const fatal: PodProblem[] = [];
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue; // an old pod on its way out is no verdict on the new revision
    const problem = podProblem(pod, now, options, faultOptions);
    if (problem?.fatal) fatal.push(problem);
  }
  const [first, ...rest] = fatal;
  if (!first) return undefined;
  const more = rest.length ? ` (and ${rest.length} more pod${rest.length > 1 ? 's' : ''} failing)` : '';
  return failedFast(first.reason, first.message + more);
}

function containerProblem(pod: KubeObject, faultOptions: PodFaultOptions): PodProblem | undefined {
  const status = statusOf(pod);
  for (const field of ['initContainerStatuses', 'containerStatuses']) {
    const list = status[field];
    if (!Array.isArray(list)) continue;
    for (const containerStatus of list) {
      if (!isRecord(containerStatus)) continue;
      const problem = waitingProblem(pod, containerStatus, faultOptions);
      if (problem) return problem;
    }
  }
  return undefined;
}

function waitingProblem(pod: KubeObject, containerStatus: Fields, faultOptions: PodFaultOptions): PodProblem | undefined {
  const waiting = recordAt(containerStatus, 'state', 'waiting');
  const reason = str(waiting, 'reason');
  if (!reason || !FATAL_WAITING_REASONS.has(reason)) return undefined;
  if (reason === 'CrashLoopBackOff' && faultOptions.ignoreCrashLoop) return undefined;
  const container = str(containerStatus, 'name') ?? '?';
  const detail = reason === 'CrashLoopBackOff' ? crashDetail(containerStatus) : str(waiting, 'message');
  const message = `pod ${pod.metadata.name} container ${container}: ${reason}${detail ? `: ${detail}` : ''}`;
  return { reason, message, fatal: true };
}

/** "restarted 3 times, last exit 1 (Error)": what people look for first in a crash loop. */
function crashDetail(containerStatus: Fields): string {
  const restarts = typeof containerStatus.restartCount === 'number' ? containerStatus.restartCount : 0;
  const terminated = recordAt(containerStatus, 'lastState', 'terminated');
  const exit = typeof terminated.exitCode === 'number' ? `, last exit ${terminated.exitCode}${terminated.reason ? ` (${String(terminated.reason)})` : ''}` : '';
  return `restarted ${restarts} time${restarts === 1 ? '' : 's'}${exit}`;
}

function schedulingProblem(pod: KubeObject, now: Date, options: HealthOptions): PodProblem | undefined {
  const scheduled = conditionOf(pod, 'PodScheduled');
  if (!scheduled || scheduled.status !== 'False' || scheduled.reason !== 'Unschedulable') return undefined;
  const since = scheduled.lastTransitionTime ? Date.parse(scheduled.lastTransitionTime) : NaN;
  const elapsedMs = Number.isFinite(since) ? now.getTime() - since : 0;
  const fatal = elapsedMs >= options.unschedulableAfterMs;
  const seconds = Math.max(0, Math.round(elapsedMs / 1000));
  const message = `pod ${pod.metadata.name} unschedulable for ${seconds}s: ${scheduled.message ?? 'no node fits'}`;
  return { reason: 'Unschedulable', message, fatal };
}
