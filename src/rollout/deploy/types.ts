import type { KubeObject } from '../../cluster/types.js';
import type { Diagnostic } from '../../core/diagnostic.js';
import type { Estate } from '../../estate/types.js';
import type { FileSystem } from '../../fs/filesystem.js';
import type { RolloutEvent } from '../events.js';
import type { Clock, ExecutorOptions, RefusalCode, RolloutOutcome } from '../executor/types.js';
import type { ChangeInfo, RolloutPlan } from '../plan/types.js';
import type { ClusterConnector } from './connect.js';

/** What `harbormaster deploy` was asked to do (flags, plus what embedders such as `start` inject). */
export interface DeployRequest {
  /** Absolute estate directory. */
  estateDir: string;
  /** Where the estate is read from; default the disk. `start` lays in-memory edits over it. */
  fs?: FileSystem;
  /** `--cluster`: deploy only these. */
  only?: string[];
  /** `--plan`: print the plan, change nothing. */
  planOnly?: boolean;
  /** `--verify`: refuse to deploy manifests with verify errors. */
  verify?: boolean;
  forceConflicts?: boolean;
  /** `--reapply`: send every object, not only changed or drifted ones. */
  reapply?: boolean;
  /** `--journal`; default `<estate>/.harbormaster/journal.db`. */
  journalFile?: string;
  /** `--wait-for-lock`: wait for another rollout's cluster locks instead of refusing. */
  waitForLock?: boolean;
  /** Every rollout event, as it happens. */
  emit(event: RolloutEvent): void;
  /** A line for people about a stage starting (rendering, connecting, …). */
  note?(text: string): void;
  /** How clusters are reached; default: kubeconfig contexts, and an embedded simulated fleet for `sim` clusters. */
  connector?: ClusterConnector;
  /** Adjusts the loaded estate before planning. */
  adjustEstate?(estate: Estate): void;
  /** Rewrites what the plan says about the change (the demo's in-memory edits are not commits). */
  describeChange?(change: ChangeInfo): ChangeInfo;
  clock?: Clock;
  executorOptions?: ExecutorOptions;
  /** Stops the rollout where it is (Ctrl-C): the journal keeps it resumable. */
  signal?: AbortSignal;
  /** How long to wait between lock checks with waitForLock (default 2 s). */
  lockPollMs?: number;
}

export type DeployResult = PlannedDeploy | RefusedDeploy | FinishedDeploy;

export interface PlannedDeploy {
  kind: 'planned';
  plan: RolloutPlan;
  warnings: Diagnostic[];
}

/** Nothing was applied to any cluster. */
export interface RefusedDeploy {
  kind: 'refused';
  /** The executor's refusal codes, or VERIFY_FAILED for `--verify`. */
  code: RefusalCode | 'VERIFY_FAILED';
  message: string;
  plan?: RolloutPlan;
  diagnostics: Diagnostic[];
}

export interface FinishedDeploy {
  kind: 'finished';
  plan: RolloutPlan;
  outcome: RolloutOutcome;
  journalFile: string;
  warnings: Diagnostic[];
}

/** The rendered, desired state of the clusters a deploy may touch. */
export type DesiredManifests = ReadonlyMap<string, readonly KubeObject[]>;
