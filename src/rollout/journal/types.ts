import type { RolloutPlan } from '../plan/types.js';

/**
 * The rollout journal: everything needed to resume after a crash, to roll
 * back to the last-good manifests, and to compute delivery figures. Stored in
 * SQLite (journal/sqlite.ts); every method is synchronous and each write is a
 * transaction, so a process killed at any point leaves a consistent journal.
 */
export type RolloutState = 'running' | 'paused' | 'succeeded' | 'failed' | 'aborted' | 'rolled-back';
export type StepState = 'pending' | 'applying' | 'waiting' | 'baking' | 'succeeded' | 'failed' | 'rolling-back' | 'rolled-back' | 'skipped';
/** A request from another process (`rollout pause|resume|abort`), read by the running executor. */
export type ControlRequest = 'none' | 'pause' | 'abort';

export interface RolloutRecord {
  plan: RolloutPlan;
  state: RolloutState;
  control: ControlRequest;
  startedAt: string;
  finishedAt?: string;
  /** Why it failed / was aborted / rolled back. */
  reason?: string;
}

export interface StepRecord {
  rolloutId: string;
  wave: number;
  cluster: string;
  region: string;
  state: StepState;
  startedAt?: string;
  finishedAt?: string;
  reason?: string;
  /** Objects applied in this step (for resume: which writes already happened). */
  applied: number;
}

/** One object as last applied to a cluster: its key (objectKey) and the sha256 of its desired JSON. */
export interface AppliedObject {
  key: string;
  hash: string;
  /** The server's generation or resourceVersion after our write (cluster/drift.ts); absent: keep the one recorded. */
  stamp?: string;
}

export interface LastGood {
  cluster: string;
  rolloutId: string;
  /** The desired manifests (multi-document YAML) that were healthy on the cluster. */
  manifests: string;
  recordedAt: string;
}

export interface ClusterLock {
  cluster: string;
  rolloutId: string;
  /** `pid@host`. */
  holder: string;
  acquiredAt: string;
}

export type LockResult = { ok: true; note?: string } | { ok: false; heldBy: ClusterLock };

export interface Journal {
  readonly file: string;
  createRollout(plan: RolloutPlan, startedAt: string): void;
  rollout(id: string): RolloutRecord | undefined;
  /** Newest first. */
  rollouts(limit?: number): RolloutRecord[];
  /** The newest rollout not yet in a terminal state. */
  active(): RolloutRecord | undefined;
  setRolloutState(id: string, state: RolloutState, at: string, reason?: string): void;
  requestControl(id: string, request: ControlRequest): void;
  steps(rolloutId: string): StepRecord[];
  setStep(step: StepRecord): void;
  /** Replaces the applied-object hashes of a cluster for the given keys. */
  recordApplied(cluster: string, objects: AppliedObject[]): void;
  forgetApplied(cluster: string, keys: string[]): void;
  appliedHashes(cluster: string): Map<string, string>;
  /** objectKey → stamp, for the objects that have one. */
  appliedStamps(cluster: string): Map<string, string>;
  lastGood(cluster: string): LastGood | undefined;
  setLastGood(record: LastGood): void;
  /**
   * Takes the lock or returns who holds it. Stale locks (holder pid dead on this host) are taken over;
   * `note` then says whose lock was taken (for the user to see).
   */
  acquireLock(cluster: string, rolloutId: string, holder: string, at: string): LockResult;
  releaseLock(cluster: string, rolloutId: string): void;
  locks(): ClusterLock[];
  close(): void;
}
