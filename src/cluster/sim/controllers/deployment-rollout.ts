/**
 * How the deployment controller moves replicas between ReplicaSets: the
 * RollingUpdate arithmetic of kube-controller-manager (maxSurge rounds up,
 * maxUnavailable rounds down, both zero means one unavailable; scale the new
 * ReplicaSet up within the surge; scale old ones down, unhealthy pods first,
 * without going under replicas − maxUnavailable available) and Recreate.
 */
import type { KubeObject } from '../../types.js';
import { isObject } from '../object-utils.js';
import { num, specOf, statusOf, type ControllerContext } from './context.js';
import { scaleReplicaSet } from './replicaset.js';

export interface RolloutLimits {
  maxSurge: number;
  maxUnavailable: number;
}

/** An int-or-percent field against a total: percentages round up for surge, down for unavailability. */
export function intOrPercent(value: unknown, total: number, roundUp: boolean, fallback: string): number {
  const raw = value ?? fallback;
  if (typeof raw === 'number') return raw;
  const match = /^(\d+)%$/.exec(String(raw));
  if (!match) return Number(raw) || 0;
  const exact = (Number(match[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

export function rolloutLimits(deployment: KubeObject): RolloutLimits {
  const spec = specOf(deployment);
  const replicas = num(spec, 'replicas', 1);
  const strategy = isObject(spec.strategy) ? spec.strategy : {};
  if (strategy.type === 'Recreate') return { maxSurge: 0, maxUnavailable: replicas };
  const rolling = isObject(strategy.rollingUpdate) ? strategy.rollingUpdate : {};
  const maxSurge = intOrPercent(rolling.maxSurge, replicas, true, '25%');
  const maxUnavailable = intOrPercent(rolling.maxUnavailable, replicas, false, '25%');
  return maxSurge === 0 && maxUnavailable === 0 ? { maxSurge: 0, maxUnavailable: 1 } : { maxSurge, maxUnavailable };
}

const specReplicas = (rs: KubeObject): number => num(specOf(rs), 'replicas', 1);
const availableOf = (rs: KubeObject): number => Math.min(num(statusOf(rs), 'availableReplicas'), specReplicas(rs));
const sum = (list: readonly KubeObject[], of: (rs: KubeObject) => number): number => list.reduce((total, rs) => total + of(rs), 0);

/** Replicas for a ReplicaSet about to be created for a rolling update. */
export function initialNewReplicas(deployment: KubeObject, olds: readonly KubeObject[]): number {
  const replicas = num(specOf(deployment), 'replicas', 1);
  const { maxSurge } = rolloutLimits(deployment);
  if (specOf(deployment).strategy && (specOf(deployment).strategy as { type?: string }).type === 'Recreate') return sum(olds, specReplicas) > 0 ? 0 : replicas;
  return Math.max(0, Math.min(replicas, replicas + maxSurge - sum(olds, specReplicas)));
}

export function rollingUpdate(ctx: ControllerContext, deployment: KubeObject, newRs: KubeObject, olds: KubeObject[], annotations: Record<string, string>): void {
  const replicas = num(specOf(deployment), 'replicas', 1);
  const { maxSurge, maxUnavailable } = rolloutLimits(deployment);
  let next = newRs;
  const newReplicas = specReplicas(newRs);
  if (newReplicas > replicas) next = scaleReplicaSet(ctx, newRs, replicas, annotations);
  else if (newReplicas < replicas) {
    const total = newReplicas + sum(olds, specReplicas);
    const up = Math.min(replicas + maxSurge - total, replicas - newReplicas);
    if (up > 0) next = scaleReplicaSet(ctx, newRs, newReplicas + up, annotations);
  }
  scaleDownOld(ctx, replicas - maxUnavailable, next, olds, annotations);
}

function scaleDownOld(ctx: ControllerContext, minAvailable: number, newRs: KubeObject, olds: KubeObject[], annotations: Record<string, string>): void {
  const live = olds.filter((rs) => specReplicas(rs) > 0).sort(oldestFirst);
  if (live.length === 0) return;
  const allPods = specReplicas(newRs) + sum(live, specReplicas);
  const newUnavailable = Math.max(0, specReplicas(newRs) - availableOf(newRs));
  let budget = allPods - minAvailable - newUnavailable;
  if (budget <= 0) return;
  // Unhealthy old pods first: removing them costs no availability.
  const remaining = new Map(live.map((rs) => [rs, specReplicas(rs)]));
  for (const rs of live) {
    const unhealthy = Math.min(budget, remaining.get(rs)! - availableOf(rs));
    if (unhealthy <= 0) continue;
    remaining.set(rs, remaining.get(rs)! - unhealthy);
    budget -= unhealthy;
  }
  const available = availableOf(newRs) + live.reduce((total, rs) => total + Math.min(availableOf(rs), remaining.get(rs)!), 0);
  let healthyCut = Math.min(budget, available - minAvailable);
  for (const rs of live) {
    if (healthyCut <= 0) break;
    const cut = Math.min(healthyCut, remaining.get(rs)!);
    remaining.set(rs, remaining.get(rs)! - cut);
    healthyCut -= cut;
  }
  for (const rs of live) if (remaining.get(rs) !== specReplicas(rs)) scaleReplicaSet(ctx, rs, remaining.get(rs)!, annotations);
}

/** Recreate: every old pod gone before the new ReplicaSet scales up. */
export function recreate(ctx: ControllerContext, deployment: KubeObject, newRs: KubeObject, olds: KubeObject[], annotations: Record<string, string>): void {
  for (const rs of olds) if (specReplicas(rs) > 0) scaleReplicaSet(ctx, rs, 0, annotations);
  const oldPodsLeft = olds.some((rs) => ctx.owned(rs, 'Pod').length > 0);
  if (!oldPodsLeft) scaleReplicaSet(ctx, newRs, num(specOf(deployment), 'replicas', 1), annotations);
}

function oldestFirst(a: KubeObject, b: KubeObject): number {
  const revision = (rs: KubeObject) => Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
  return revision(a) - revision(b) || String(a.metadata.creationTimestamp).localeCompare(String(b.metadata.creationTimestamp));
}
