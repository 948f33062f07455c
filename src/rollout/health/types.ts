import type { KubeObject } from '../../cluster/types.js';

/**
 * kstatus' vocabulary, so users of Flux and kpt read our verdicts without a
 * glossary. Harbormaster is stricter: it fails fast on states kstatus only
 * notices at a timeout (see rules per kind in this folder).
 */
export type HealthStatus = 'Current' | 'InProgress' | 'Failed' | 'Terminating' | 'NotFound' | 'Unknown';

export interface HealthVerdict {
  status: HealthStatus;
  /** Short machine-readable reason, e.g. `ImagePullBackOff`, `ProgressDeadlineExceeded`, `RolloutInProgress`. */
  reason: string;
  /** One line for people, naming the pod/container when one is to blame. */
  message: string;
  /**
   * Failed for a reason that will not fix itself (CrashLoopBackOff, image pull,
   * config error, long unschedulable, progress deadline): the step fails now
   * instead of waiting for its timeout.
   */
  failFast: boolean;
  /** Progress counts where the kind has them (for the live table). */
  progress?: { desired: number; updated: number; ready: number; available?: number };
}

export interface HealthInput {
  /** The live object, or undefined when the GET returned 404. */
  object: KubeObject | undefined;
  /**
   * Pods that belong to the object's *new* revision (for Deployments, pods of
   * the ReplicaSet whose pod-template-hash matches the current template; for
   * StatefulSets/DaemonSets, pods with the update revision). Empty when unknown.
   */
  pods: KubeObject[];
  /**
   * ReplicaSets owned by a Deployment (to find the new revision), or the
   * ControllerRevisions of a DaemonSet (its status does not name the new revision).
   */
  replicaSets?: KubeObject[];
  now: Date;
}

export interface HealthOptions {
  /** A pod Unschedulable for longer than this fails the step (kstatus: 15 s). */
  unschedulableAfterMs: number;
}

export const DEFAULT_HEALTH_OPTIONS: HealthOptions = { unschedulableAfterMs: 60_000 };

/** One kind's health rule; registered in registry.ts. */
export interface HealthRule {
  /** `group/Kind`, e.g. `apps/Deployment`, `/Service`. */
  readonly kinds: readonly string[];
  assess(input: HealthInput & { object: KubeObject }, options: HealthOptions): HealthVerdict;
}
