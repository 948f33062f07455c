import { ClusterError } from '../../cluster/types.js';
import type { StepFailure } from './types.js';

/** A cluster step (or a wave gate) failed; the wave halts and rolls back. */
export class StepFailedError extends Error {
  constructor(readonly failure: StepFailure) {
    super(failure.reason);
    this.name = 'StepFailedError';
  }
}

/** Why in-flight work was told to stop. Never shown as a failure of the step itself. */
export type StopCause = 'halt' | 'abort' | 'stop';

/** Thrown inside a step that was stopped from outside (another cluster failed, abort, Ctrl-C). */
export class StepStoppedError extends Error {
  constructor(readonly cause: StopCause) {
    super(`stopped (${cause})`);
    this.name = 'StepStoppedError';
  }
}

/** The executor leaves the rollout resumable: `deps.signal` fired, or paused with `returnWhenPaused`. */
export class DetachError extends Error {
  constructor(readonly why: 'stopped' | 'paused') {
    super(why);
    this.name = 'DetachError';
  }
}

/** Turns whatever a step threw into a StepFailure (ClusterErrors keep their code). */
export function toFailure(error: unknown, wave: number, cluster: string): StepFailure {
  if (error instanceof StepFailedError) return error.failure;
  if (error instanceof ClusterError) {
    const ref = error.details.ref;
    const object = ref ? `${ref.kind}/${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}` : undefined;
    return { wave, cluster, code: error.code, reason: error.message, ...(object ? { object } : {}), failFast: true };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { wave, cluster, code: 'APPLY_FAILED', reason: `${cluster}: ${message}`, failFast: true };
}

/** Retrying may help: the server or the network, not our request. */
export function isTransient(error: unknown): boolean {
  return error instanceof ClusterError && (error.code === 'CLUSTER_UNREACHABLE' || error.code === 'CLUSTER_SERVER_ERROR' || error.code === 'CLUSTER_TIMEOUT');
}
