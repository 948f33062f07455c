/**
 * The shape of one Pod Security check, mirroring the upstream policy
 * registry: an id, the level it belongs to, and one revision per policy
 * version in which its logic changed.
 */
import type { JsonValue } from '../../core/json.js';
import type { FieldPath } from '../finding.js';
import type { PodView } from './pod.js';

export type CheckLevel = 'baseline' | 'restricted';

/** One offending (or missing) field. */
export interface ViolationField {
  path: FieldPath;
  /** Short message for this field alone, e.g. `container "app" must not set securityContext.privileged=true`. */
  message: string;
  /** The offending value, when the field is set. */
  value?: JsonValue;
}

/** Why a check forbids the pod: the upstream reason/detail pair plus every field involved. */
export interface CheckOutcome {
  reason: string;
  detail: string;
  fields: ViolationField[];
}

/** Returns `undefined` when the pod is allowed. */
export type CheckFn = (pod: PodView) => CheckOutcome | undefined;

export interface CheckRevision {
  /** First policy minor (v1.N) this revision applies to. */
  minVersion: number;
  check: CheckFn;
  /** Baseline check ids this (restricted) revision replaces in restricted evaluation. */
  overrides?: readonly string[];
}

export interface PodSecurityCheck {
  id: string;
  level: CheckLevel;
  /** The control's name in the Pod Security Standards, e.g. `Privileged Containers`. */
  control: string;
  /** What to change to comply. */
  remediation: string;
  /** Strictly increasing minVersion. */
  revisions: readonly CheckRevision[];
}

export interface Violation extends CheckOutcome {
  checkId: string;
  level: CheckLevel;
  control: string;
  remediation: string;
}
