import type { RolloutPlan } from '../plan/types.js';
import type { ClusterLock, ControlRequest, LastGood, RolloutRecord, RolloutState, StepRecord, StepState } from './types.js';

/** Rows as SQLite returns them, and their records. NULL columns become absent fields. */
export interface RolloutRow {
  plan: string;
  state: RolloutState;
  control: ControlRequest;
  started_at: string;
  finished_at: string | null;
  reason: string | null;
}

export interface StepRow {
  rollout_id: string;
  wave: number;
  cluster: string;
  region: string;
  state: StepState;
  started_at: string | null;
  finished_at: string | null;
  reason: string | null;
  applied: number;
}

export interface LastGoodRow {
  cluster: string;
  rollout_id: string;
  manifests: string;
  recorded_at: string;
}

export interface LockRow {
  cluster: string;
  rollout_id: string;
  holder: string;
  acquired_at: string;
}

export function toRollout(row: RolloutRow): RolloutRecord {
  const record: RolloutRecord = { plan: JSON.parse(row.plan) as RolloutPlan, state: row.state, control: row.control, startedAt: row.started_at };
  if (row.finished_at !== null) record.finishedAt = row.finished_at;
  if (row.reason !== null) record.reason = row.reason;
  return record;
}

export function toStep(row: StepRow): StepRecord {
  const step: StepRecord = { rolloutId: row.rollout_id, wave: row.wave, cluster: row.cluster, region: row.region, state: row.state, applied: row.applied };
  if (row.started_at !== null) step.startedAt = row.started_at;
  if (row.finished_at !== null) step.finishedAt = row.finished_at;
  if (row.reason !== null) step.reason = row.reason;
  return step;
}

export function toLastGood(row: LastGoodRow): LastGood {
  return { cluster: row.cluster, rolloutId: row.rollout_id, manifests: row.manifests, recordedAt: row.recorded_at };
}

export function toLock(row: LockRow): ClusterLock {
  return { cluster: row.cluster, rolloutId: row.rollout_id, holder: row.holder, acquiredAt: row.acquired_at };
}
