import type { ClusterErrorCode } from '../cluster/types.js';
import type { RolloutPlan } from './plan/types.js';
import type { RolloutState } from './journal/types.js';

/**
 * What a running rollout tells the world, one event per change of state. The
 * terminal table, `--json` output and the benchmark all read this stream; the
 * journal is written alongside it, so a reader that attaches late can rebuild
 * the same picture from `journal.steps()`.
 *
 * Every event carries `at` (ISO 8601) and `rolloutId`, and is told apart by
 * `type`. Events of one cluster arrive in order; events of different clusters
 * of a wave interleave.
 */
export type RolloutEvent =
  | RolloutStarted
  | WaveStarted
  | StepStarted
  | StepApplied
  | StepProgress
  | StepHealthy
  | StepFailed
  | StepSkipped
  | WaveBaking
  | GateChecked
  | WaveFinished
  | RolloutPaused
  | RolloutResumed
  | RollbackStarted
  | StepRolledBack
  | RolloutFinished;

export type RolloutEventType = RolloutEvent['type'];

interface EventBase {
  /** ISO 8601 time of the event (the executor's clock). */
  at: string;
  rolloutId: string;
}

/** The executor took the plan on (also emitted by a resume, with `resumed: true`). */
export interface RolloutStarted extends EventBase {
  type: 'rollout-started';
  plan: RolloutPlan;
  resumed: boolean;
}

export interface WaveStarted extends EventBase {
  type: 'wave-started';
  wave: number;
  name: string;
}

/** A cluster step began: its lock is held and apply is about to start. */
export interface StepStarted extends EventBase {
  type: 'step-started';
  wave: number;
  cluster: string;
  region: string;
}

/** Every desired object of the cluster was written (or skipped as unchanged) and pruning is done. */
export interface StepApplied extends EventBase {
  type: 'step-applied';
  wave: number;
  cluster: string;
  created: number;
  configured: number;
  /** Skipped because the journal already held the same hash (or the server kept the resourceVersion). */
  unchanged: number;
  /** Of those created or configured: unchanged manifests sent again because the cluster's copy drifted (deleted or edited by hand). */
  drifted: number;
  pruned: number;
  /** Write requests this step sent (apply + delete), for the "writes per object" figure. */
  writes: number;
}

/** Health changed while waiting (throttled to changes, never periodic). */
export interface StepProgress extends EventBase {
  type: 'step-progress';
  wave: number;
  cluster: string;
  /** Summed over the cluster's workloads: pods of the new revision, pods ready, pods wanted. */
  updated: number;
  ready: number;
  desired: number;
  /** Objects not yet Current, as `Kind/namespace/name`, with the verdict's reason after a colon. */
  pending: string[];
}

/** Every object of the step is Current on its new generation/revision. */
export interface StepHealthy extends EventBase {
  type: 'step-healthy';
  wave: number;
  cluster: string;
}

/** Stable codes of a failed step (`ClusterErrorCode`s pass through from the client). */
export type StepFailureCode =
  | 'HEALTH_FAILED'
  | 'HEALTH_TIMEOUT'
  | 'HEALTH_REGRESSED'
  | 'GATE_FAILED'
  | 'ROLLOUT_LOCKED'
  | 'ROLLOUT_ABORTED'
  | 'APPLY_FAILED'
  /** Found on resume: the rollout had halted on this step before the process died (the step's reason says why). */
  | 'HALTED'
  | ClusterErrorCode;

export interface StepFailed extends EventBase {
  type: 'step-failed';
  wave: number;
  cluster: string;
  code: StepFailureCode;
  /** One line for people, e.g. `Deployment/shop/web: ImagePullBackOff: pod web-7d9-abc container web …`. */
  reason: string;
  /** The object to blame, as `Kind/namespace/name`, when there is one. */
  object?: string;
  /** True when the failure was detected before the health timeout (a verdict that will not fix itself). */
  failFast: boolean;
}

/** A step that a resume found already finished, or one never started because the rollout halted. */
export interface StepSkipped extends EventBase {
  type: 'step-skipped';
  wave: number;
  cluster: string;
  why: 'already-succeeded' | 'halted';
}

/** Every cluster of the wave is healthy and its gates passed; watching continues until `until`. */
export interface WaveBaking extends EventBase {
  type: 'wave-baking';
  wave: number;
  until: string;
}

export interface GateChecked extends EventBase {
  type: 'gate-checked';
  wave: number;
  /** Gate name (`health`, or the metric gate's name). */
  gate: string;
  /** The measured value (NaN when the query failed or returned no sample). */
  value: number;
  /** For metric gates: e.g. `< 0.01`. */
  condition?: string;
  passed: boolean;
}

/** The wave baked without regression; its manifests are last-good (see executor docs for all-waves). */
export interface WaveFinished extends EventBase {
  type: 'wave-finished';
  wave: number;
}

export interface RolloutPaused extends EventBase {
  type: 'rollout-paused';
}

export interface RolloutResumed extends EventBase {
  type: 'rollout-resumed';
}

/** The rollout halted and is restoring last-good manifests on these clusters. */
export interface RollbackStarted extends EventBase {
  type: 'rollback-started';
  clusters: string[];
  reason: string;
}

/** One cluster's rollback finished: restored, had nothing to restore to, or failed. */
export interface StepRolledBack extends EventBase {
  type: 'step-rolled-back';
  cluster: string;
  result: 'restored' | 'no-rollback-point' | 'failed';
  /** For `failed`: why; for `no-rollback-point`: what was left in place. */
  reason?: string;
}

export interface RolloutFinished extends EventBase {
  type: 'rollout-finished';
  state: RolloutState;
  reason?: string;
}

/** Distributes over the union: an event without its envelope, for building one. */
export type RolloutEventBody = RolloutEvent extends infer E ? (E extends RolloutEvent ? Omit<E, 'at' | 'rolloutId'> : never) : never;
