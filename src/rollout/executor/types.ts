import type { ClusterClient, KubeObject } from '../../cluster/types.js';
import type { RolloutEvent, StepFailed } from '../events.js';
import type { HealthOptions } from '../health/types.js';
import type { ClusterLock, Journal, RolloutState, StepRecord } from '../journal/types.js';
import type { ClusterStepPlan, GatePlan } from '../plan/types.js';

/**
 * The executor's contract with its callers (`harbormaster deploy`, `rollout
 * resume|rollback`, the benchmark). Functions live in executor/index.ts:
 *
 * - `executeRollout(plan, deps)`: run a new plan wave by wave.
 * - `resumeRollout(rolloutId, deps)`: continue an interrupted or paused rollout from the journal.
 * - `rollbackRollout(rolloutId, deps, clusters?)`: restore last-good manifests of a finished rollout's clusters.
 *
 * All three return a `RolloutOutcome` for anything that ran, and throw a
 * `RolloutRefusedError` (nothing was written to any cluster) when they cannot start.
 */

/** Time, injectable so unit tests run bakes and timeouts instantly. */
export interface Clock {
  now(): Date;
  /** Resolves after `ms`, or early (without throwing) when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface ExecutorOptions {
  /** SSA `--force-conflicts`: take over fields other managers own. */
  forceConflicts?: boolean;
  /** `--reapply`: send every object, even those the journal says are applied unchanged and did not drift. */
  reapply?: boolean;
  health?: HealthOptions;
  /** How often the journal's control request (pause/abort) is read; default 250 ms. */
  controlPollMs?: number;
  /** ApplySet name (the parent object); default `harbormaster`. */
  applySetName?: string;
  /** Lock holder, `pid@host`; default this process. */
  holder?: string;
  /** SSA field manager; default `harbormaster`. */
  fieldManager?: string;
  /**
   * When the rollout is paused and no step is in flight, return (state
   * `paused`) instead of waiting in-process for `control` to go back to none;
   * `resumeRollout` continues it later.
   */
  returnWhenPaused?: boolean;
  /** Recorded in the ApplySet parent's tooling annotation (`harbormaster/<version>`). */
  toolVersion?: string;
}

export interface ExecutorDeps {
  journal: Journal;
  /** A client for one cluster; called once per step (and once per rollback), closed by the executor. */
  connect(step: ClusterStepPlan): Promise<ClusterClient>;
  /** The rendered manifests of this rollout for one cluster. */
  desired(cluster: string): KubeObject[];
  emit(event: RolloutEvent): void;
  clock?: Clock;
  options?: ExecutorOptions;
  /**
   * Reads one metric gate's value; default: Prometheus HTTP API
   * `GET <prometheus>/api/v1/query?query=…`, first sample of the vector/scalar.
   */
  queryMetric?(gate: Extract<GatePlan, { kind: 'metric' }>, signal: AbortSignal): Promise<number>;
  /**
   * Stop where we are, as if the process were killed, but cleanly: watches
   * closed, the rollout left `running` (or `paused`) in the journal for
   * `resumeRollout`. Locks are kept. Used by Ctrl-C and by tests.
   */
  signal?: AbortSignal;
}

/** One failed cluster step (or wave gate: `cluster` is then `*`): what its step-failed event says. */
export type StepFailure = Omit<StepFailed, 'type' | 'at' | 'rolloutId'>;

export interface RollbackResult {
  cluster: string;
  result: 'restored' | 'no-rollback-point' | 'failed';
  reason?: string;
}

/** Measured times of one wave (ISO), for lead-time and overhead figures. */
export interface WaveTiming {
  wave: number;
  startedAt: string;
  /** When the last cluster of the wave became healthy. */
  healthyAt?: string;
  finishedAt?: string;
  /** Per cluster: step start → healthy, in ms. */
  clusterReadyMs: Record<string, number>;
}

export interface RolloutOutcome {
  rolloutId: string;
  /**
   * `succeeded`; `rolled-back` (a step failed and every rollback worked);
   * `failed` (a rollback failed too, or nothing could be rolled back);
   * `aborted`; `paused` (only with `returnWhenPaused`); `running` when
   * `deps.signal` stopped the executor mid-way (resumable).
   */
  state: RolloutState;
  reason?: string;
  failures: StepFailure[];
  rollbacks: RollbackResult[];
  /** Final step records from the journal. */
  steps: StepRecord[];
  waves: WaveTiming[];
}

export type RefusalCode = 'ROLLOUT_FROZEN' | 'ROLLOUT_LOCKED' | 'ROLLOUT_NOT_FOUND' | 'ROLLOUT_NOT_RESUMABLE' | 'ROLLOUT_STALE_PLAN' | 'ROLLOUT_SUPERSEDED';

/** The executor would not start; nothing was applied. `lock` names the rollout holding a cluster. */
export class RolloutRefusedError extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
    readonly details: { lock?: ClusterLock; cluster?: string; rolloutId?: string } = {},
  ) {
    super(message);
    this.name = 'RolloutRefusedError';
  }
}
