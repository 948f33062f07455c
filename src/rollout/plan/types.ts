import type { Connection } from '../../estate/types.js';

/**
 * A rollout plan is pure data: computed from the estate, the desired manifests
 * and the journal's last-good manifests, printed by `deploy --plan`, stored in
 * the journal, and executed step by step. Nothing in it refers to live state.
 */
export interface RolloutPlan {
  /** `r-<UTC yyyymmddThhmmss>-<6 hex of the change digest>`; unique per journal. */
  id: string;
  estate: string;
  createdAt: string;
  change: ChangeInfo;
  /** Which estate strategy the plan follows. */
  strategy: StrategyName;
  /** Why this strategy: e.g. "only ConfigMaps/Secrets changed (3 objects in 10 clusters)". */
  strategyReason: string;
  rollbackPolicy: RollbackPolicy;
  waves: WavePlan[];
  /** Set when the estate's fleet-wide freeze is on: the executor refuses to start. */
  freeze?: { reason: string; until?: string };
}

export type StrategyName = 'default' | 'config';

/** `failed-wave`: roll back only the wave that failed; `all-waves`: also every completed wave. */
export type RollbackPolicy = 'failed-wave' | 'all-waves';

export interface ChangeInfo {
  /** sha256 over every cluster's desired manifests (hex). */
  digest: string;
  /** Git commit of the estate when it is a git work tree. */
  commit?: string;
  /** Commit time (ISO 8601) — the start of lead time. */
  commitTime?: string;
  /** Commit subject, or a summary of the change. */
  summary: string;
  /** True when the work tree had uncommitted changes. */
  dirty?: boolean;
}

export interface WavePlan {
  index: number;
  name: string;
  /** How many clusters of the wave are deployed at once. */
  parallelism: number;
  /** Time to keep watching after every cluster is healthy before the next wave. */
  bakeSeconds: number;
  /** Per cluster step: how long health may take before the step fails. */
  healthTimeoutSeconds: number;
  gates: GatePlan[];
  clusters: ClusterStepPlan[];
}

export type GatePlan =
  | { kind: 'health' }
  | { kind: 'metric'; name: string; prometheus: string; query: string; comparison: '<' | '<=' | '>' | '>='; threshold: number };

export interface ClusterStepPlan {
  cluster: string;
  region: string;
  connection: Connection;
  /** sha256 of the cluster's desired manifests. */
  digest: string;
  objects: number;
  /** Against the last-good manifests recorded in the journal. */
  changes: ChangeCounts;
}

export interface ChangeCounts {
  create: number;
  update: number;
  unchanged: number;
  prune: number;
}
