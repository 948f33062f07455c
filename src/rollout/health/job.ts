/**
 * Job: Current only when Complete (kstatus calls a started Job Current, so a
 * migration Job gating a wave would pass before it ran). Failed fails fast;
 * pods that cannot start (image, config, unschedulable) fail fast too, while
 * crashing pods are left to backoffLimit, which the Job applies itself.
 */
import { conditionOf, count, optionalNumber, specOf, statusOf } from './fields.js';
import { judgedPods } from './new-revision.js';
import { failingPods } from './pod-faults.js';
import type { HealthRule } from './types.js';
import { attachProgress, current, failedFast, inProgress, type Progress } from './verdicts.js';

export const jobRule: HealthRule = {
  kinds: ['batch/Job'],
  assess({ object, pods, now }, options) {
    const spec = specOf(object);
    const status = statusOf(object);
    const completions = optionalNumber(spec, 'completions') ?? optionalNumber(spec, 'parallelism') ?? 1;
    const succeeded = count(status, 'succeeded');
    const progress: Progress = { desired: completions, updated: succeeded, ready: count(status, 'ready') };
    const failed = conditionOf(object, 'Failed');
    if (failed?.status === 'True') {
      return failedFast('JobFailed', `job ${object.metadata.name} failed: ${failed.reason ?? 'Failed'}${failed.message ? `: ${failed.message}` : ''}`, progress);
    }
    if (conditionOf(object, 'Complete')?.status === 'True') return current('JobComplete', `job ${object.metadata.name} completed (${succeeded} succeeded)`, progress);
    const failing = failingPods(judgedPods(object, [], pods), now, options, { ignoreCrashLoop: true });
    if (failing) return attachProgress(failing, progress);
    if (conditionOf(object, 'Suspended')?.status === 'True' || spec.suspend === true) return inProgress('JobSuspended', `job ${object.metadata.name} is suspended`, progress);
    const active = count(status, 'active');
    const failures = count(status, 'failed');
    const detail = `${succeeded} of ${completions} completions, ${active} active${failures ? `, ${failures} failed` : ''}`;
    return inProgress(status.startTime ? 'JobRunning' : 'JobNotStarted', `job ${object.metadata.name}: ${detail}`, progress);
  },
};
