/** Reading pods the way workload controllers count them. */
import type { KubeObject } from '../../types.js';
import { conditionsOf, statusOf, type ControllerContext } from './context.js';

export function isTerminal(pod: KubeObject): boolean {
  const phase = statusOf(pod).phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/** Counted by its controller: not finished and not being deleted. */
export function isActive(pod: KubeObject): boolean {
  return !isTerminal(pod) && !pod.metadata.deletionTimestamp;
}

export function isReady(pod: KubeObject): boolean {
  return conditionsOf(pod).some((c) => c.type === 'Ready' && c.status === 'True');
}

export interface PodCounts {
  ready: number;
  available: number;
  /** Earliest wall-clock time a ready pod becomes available (minReadySeconds), to requeue then. */
  nextAvailableAt?: number;
}

export function countPods(ctx: ControllerContext, pods: readonly KubeObject[], minReadySeconds: number): PodCounts {
  const counts: PodCounts = { ready: 0, available: 0 };
  for (const pod of pods) {
    if (!isReady(pod)) continue;
    counts.ready++;
    const availability = ctx.availability(pod, minReadySeconds);
    if (availability.available) counts.available++;
    else if (availability.at !== undefined) counts.nextAvailableAt = Math.min(counts.nextAvailableAt ?? Infinity, availability.at);
  }
  return counts;
}

/**
 * The order in which a controller deletes surplus pods: unscheduled before
 * scheduled, pending before running, not ready before ready, then the
 * youngest first (the ReplicaSet controller's ranking, simplified).
 */
export function deletionOrder(pods: readonly KubeObject[]): KubeObject[] {
  const rank = (pod: KubeObject): number[] => {
    const spec = pod.spec as { nodeName?: string } | undefined;
    const phase = statusOf(pod).phase;
    return [spec?.nodeName ? 1 : 0, phase === 'Pending' ? 0 : 1, isReady(pod) ? 1 : 0];
  };
  return [...pods].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!;
    return String(b.metadata.creationTimestamp ?? '').localeCompare(String(a.metadata.creationTimestamp ?? '')) || b.metadata.name.localeCompare(a.metadata.name);
  });
}
