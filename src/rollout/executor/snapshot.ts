/**
 * A cluster's health at one moment: every tracked object's verdict, summed
 * workload progress for the live table, and whether a watch is down.
 */
import type { KubeObject } from '../../cluster/types.js';
import type { HealthVerdict } from '../health/types.js';
import type { Feed } from './feeds.js';

/** One tracked object's latest verdict. */
export interface TrackedVerdict {
  /** `Kind/namespace/name`. */
  label: string;
  verdict: HealthVerdict;
}

export interface HealthSnapshot {
  verdicts: TrackedVerdict[];
  allCurrent: boolean;
  /** The first verdict that failed fast, if any. */
  failedFast?: TrackedVerdict;
  /** Summed progress of workloads. */
  updated: number;
  ready: number;
  desired: number;
  /** Not-yet-Current objects as `Kind/ns/name: reason`. */
  pending: string[];
  /** Since when a watch is down (ms since epoch), undefined while every feed is live. */
  disconnectedSince?: number;
  /** The error that broke the oldest broken feed. */
  lastError?: unknown;
}

/** The verdict of an object whose applied generation the watch has not delivered yet. */
export function notSeenYet(object: KubeObject, generation: number): HealthVerdict {
  const message = `${object.kind} ${object.metadata.name}: generation ${generation} applied, the watch still shows ${object.metadata.generation ?? 0}`;
  return { status: 'InProgress', reason: 'AppliedGenerationNotSeen', message, failFast: false };
}

export function summarize(verdicts: TrackedVerdict[], feeds: readonly Feed[]): HealthSnapshot {
  let updated = 0;
  let ready = 0;
  let desired = 0;
  const pending: string[] = [];
  for (const { label, verdict } of verdicts) {
    if (verdict.progress) {
      updated += verdict.progress.updated;
      ready += verdict.progress.ready;
      desired += verdict.progress.desired;
    }
    if (verdict.status !== 'Current') pending.push(`${label}: ${verdict.reason}`);
  }
  const failedFast = verdicts.find((v) => v.verdict.status === 'Failed' && v.verdict.failFast);
  const broken = feeds.filter((f) => f.brokenSince !== undefined).sort((a, b) => a.brokenSince! - b.brokenSince!)[0];
  return {
    verdicts,
    allCurrent: pending.length === 0 && broken === undefined,
    ...(failedFast ? { failedFast } : {}),
    updated,
    ready,
    desired,
    pending,
    ...(broken ? { disconnectedSince: broken.brokenSince, lastError: broken.error } : {}),
  };
}

