/**
 * `rollout status|pause|abort`: what they do to the journal. A running
 * rollout's executor reads the journal's control request within a poll, so
 * these work from any process, while the deploy runs in another (or in CI).
 * A rollout whose process is gone (Ctrl-C, a crash) has no one to read the
 * request: abort then settles it in the journal directly.
 */
import { isStale, LOCAL, lockHolder } from '../journal/locks.js';
import type { ClusterLock, ControlRequest, Journal, RolloutRecord, StepRecord } from '../journal/types.js';

export class RolloutControlError extends Error {
  constructor(
    readonly code: 'ROLLOUT_NOT_FOUND' | 'ROLLOUT_NO_ROLLOUTS' | 'ROLLOUT_NOT_RUNNING',
    message: string,
  ) {
    super(message);
    this.name = 'RolloutControlError';
  }
}

/** The rollout named, else the one not yet finished, else the newest. */
export function pickRollout(journal: Journal, id?: string): RolloutRecord {
  if (id !== undefined) {
    const record = journal.rollout(id);
    if (!record) throw new RolloutControlError('ROLLOUT_NOT_FOUND', `no rollout ${id} in ${journal.file}`);
    return record;
  }
  const record = journal.active() ?? journal.rollouts(1)[0];
  if (!record) throw new RolloutControlError('ROLLOUT_NO_ROLLOUTS', `no rollouts in ${journal.file} yet`);
  return record;
}

export interface RolloutStatus {
  rollout: RolloutRecord;
  steps: StepRecord[];
  /** Locks this rollout holds. */
  locks: ClusterLock[];
  /** True when a live process on this host (or one we cannot check, on another host) runs it. */
  attended: boolean;
}

export function rolloutStatus(journal: Journal, id?: string): RolloutStatus {
  const rollout = pickRollout(journal, id);
  const locks = journal.locks().filter((l) => l.rolloutId === rollout.plan.id);
  return { rollout, steps: journal.steps(rollout.plan.id), locks, attended: isAttended(rollout, locks) };
}

/**
 * A rollout still going that holds live locks of another process: that
 * process is executing it. (Locks of this very process are left from a run
 * stopped here, as after Ctrl-C in an embedding program: no one runs it.)
 */
export function isAttended(rollout: RolloutRecord, locks: readonly ClusterLock[]): boolean {
  if (rollout.state !== 'running' && rollout.state !== 'paused') return false;
  return locks.some((l) => !isStale(l, LOCAL) && l.holder !== lockHolder());
}

/** What a control command did, in words. */
export interface ControlResult {
  rolloutId: string;
  message: string;
}

/** `rollout pause`: the executor stops starting new steps and waits; steps in flight finish. */
export function requestPause(journal: Journal, id?: string): ControlResult {
  const status = rolloutStatus(journal, id);
  const rolloutId = status.rollout.plan.id;
  mustBeGoing(status.rollout, 'pause');
  if (status.rollout.control === 'pause' || status.rollout.state === 'paused') return { rolloutId, message: `rollout ${rolloutId} is already paused` };
  setControl(journal, rolloutId, 'pause');
  return { rolloutId, message: `pause requested for rollout ${rolloutId}: ${status.attended ? 'no new cluster starts; steps in flight finish' : 'no process runs it now; it stays paused when resumed'}` };
}

/**
 * `rollout abort`: stops the rollout and rolls back per its policy. With no
 * process running it, it is marked aborted at once (clusters left as they
 * are; `rollout rollback` restores them) and its locks are released.
 */
export function requestAbort(journal: Journal, id: string | undefined, now: Date): ControlResult {
  const status = rolloutStatus(journal, id);
  const rolloutId = status.rollout.plan.id;
  mustBeGoing(status.rollout, 'abort');
  if (status.attended) {
    setControl(journal, rolloutId, 'abort');
    return { rolloutId, message: `abort requested for rollout ${rolloutId}: the running deploy stops and rolls back per policy (${status.rollout.plan.rollbackPolicy})` };
  }
  journal.setRolloutState(rolloutId, 'aborted', now.toISOString(), 'aborted by request while no process ran it');
  for (const lock of status.locks) journal.releaseLock(lock.cluster, rolloutId);
  return { rolloutId, message: `rollout ${rolloutId} aborted (no process was running it; clusters are left as they are — \`harbormaster rollout rollback ${rolloutId}\` restores their last-good manifests)` };
}

/** Lets an attended, paused rollout go on (the running executor notices); undefined when this process must resume it. */
export function releasePause(journal: Journal, status: RolloutStatus): ControlResult | undefined {
  const rolloutId = status.rollout.plan.id;
  if (!status.attended) return undefined;
  if (status.rollout.control !== 'pause' && status.rollout.state !== 'paused') {
    return { rolloutId, message: `rollout ${rolloutId} is not paused; its deploy is still running it` };
  }
  setControl(journal, rolloutId, 'none');
  return { rolloutId, message: `resume requested for rollout ${rolloutId}: the running deploy continues it` };
}

function mustBeGoing(rollout: RolloutRecord, verb: string): void {
  if (rollout.state === 'running' || rollout.state === 'paused') return;
  throw new RolloutControlError('ROLLOUT_NOT_RUNNING', `rollout ${rollout.plan.id} is ${rollout.state}; nothing to ${verb}`);
}

function setControl(journal: Journal, id: string, request: ControlRequest): void {
  journal.requestControl(id, request);
}
