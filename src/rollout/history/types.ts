import type { RolloutState } from '../journal/types.js';
import type { StrategyName } from '../plan/types.js';

/**
 * Delivery figures computed from the journal: DORA's four keys (deployment
 * frequency, lead time for changes, change failure rate, time to restore
 * service) plus per-rollout and per-region timings. Plain data: printed by
 * formatHistory, or as JSON as-is.
 */
export interface DeliveryFigures {
  window: { from: string; to: string; days: number };
  dora: DoraKeys;
  /** Rollouts started in the window, newest first. */
  rollouts: RolloutFigures[];
  regions: RegionFigures[];
}

export interface DoraKeys {
  /** Succeeded rollouts that changed at least one cluster. */
  deploymentFrequency: { deployments: number; perDay: number; perWeek: number };
  /** Commit time → last region finished, over succeeded rollouts with a commit time. */
  leadTimeForChanges: { samples: number; medianSeconds?: number; p90Seconds?: number };
  /** (failed + rolled-back) ÷ finished (succeeded, failed, rolled-back, aborted). */
  changeFailureRate: { failed: number; finished: number; rate?: number };
  /** A failed or rolled-back rollout's finish → every one of its clusters deployed again by a succeeded rollout. */
  timeToRestore: { restored: number; open: number; medianSeconds?: number; incidents: Restore[] };
}

export interface RolloutFigures {
  id: string;
  state: RolloutState;
  strategy: StrategyName;
  commit?: string;
  commitTime?: string;
  startedAt: string;
  finishedAt?: string;
  durationSeconds?: number;
  leadTimeSeconds?: number;
  clusters: number;
  regions: RegionRun[];
}

export interface RegionRun {
  region: string;
  startedAt?: string;
  /** Set once every cluster of the region succeeded (or had nothing to change). */
  finishedAt?: string;
  leadTimeSeconds?: number;
}

export interface RegionFigures {
  region: string;
  /** Rollouts that finished the region in the window. */
  deployments: number;
  medianLeadTimeSeconds?: number;
  lastFinishedAt?: string;
}

export interface Restore {
  failedRollout: string;
  failedAt: string;
  restoredBy?: string;
  restoredAt?: string;
  seconds?: number;
}
