/** Constructors for verdicts, so rules read as decisions rather than object literals. */
import type { HealthVerdict } from './types.js';

export type Progress = NonNullable<HealthVerdict['progress']>;

export function current(reason: string, message: string, progress?: Progress): HealthVerdict {
  return withProgress({ status: 'Current', reason, message, failFast: false }, progress);
}

export function inProgress(reason: string, message: string, progress?: Progress): HealthVerdict {
  return withProgress({ status: 'InProgress', reason, message, failFast: false }, progress);
}

/** A failure that will not fix itself: the step should fail now, not at its timeout. */
export function failedFast(reason: string, message: string, progress?: Progress): HealthVerdict {
  return withProgress({ status: 'Failed', reason, message, failFast: true }, progress);
}

function withProgress(verdict: HealthVerdict, progress: Progress | undefined): HealthVerdict {
  return progress ? { ...verdict, progress } : verdict;
}

/** Attaches progress counts to a verdict that has none (pod faults found before counting). */
export function attachProgress(verdict: HealthVerdict, progress: Progress): HealthVerdict {
  return verdict.progress ? verdict : { ...verdict, progress };
}
