/**
 * Rolling clusters back to their rollback point: the newest last-good
 * manifests recorded by *another* rollout (this one's own, if any, are what
 * is being undone). Each cluster in parallel: apply those manifests with
 * prune (so objects this rollout added go, but only members of our ApplySet),
 * then wait for health like a step. A cluster with no rollback point (its
 * first deploy) is left as it is and reported so; an unreachable cluster is
 * not tried, and reported for a later `rollout rollback`.
 */
import { manifestsFromYaml } from '../change/manifests.js';
import type { Journal, LastGood } from '../journal/types.js';
import type { ClusterStepPlan } from '../plan/types.js';
import { applyObjects } from './apply.js';
import type { RunContext } from './context.js';
import { StepStoppedError, toFailure } from './errors.js';
import { ClusterObserver } from './observe.js';
import type { RollbackResult } from './types.js';
import { waitUntilHealthy } from './wait-health.js';

export interface RollbackTarget {
  wave: number;
  plan: ClusterStepPlan;
  /** Set when the cluster could not be reached: it is reported, not tried. */
  unreachable?: string;
}

export async function rollBack(ctx: RunContext, targets: readonly RollbackTarget[], reason: string): Promise<RollbackResult[]> {
  if (targets.length === 0) return [];
  ctx.emit({ type: 'rollback-started', clusters: targets.map((t) => t.plan.cluster), reason });
  const results = await Promise.all(targets.map((target) => rollBackOne(ctx, target)));
  ctx.rollbacks.push(...results);
  return results;
}

async function rollBackOne(ctx: RunContext, target: RollbackTarget): Promise<RollbackResult> {
  const { wave, plan } = target;
  const cluster = plan.cluster;
  const point = rollbackPoint(ctx.journal, cluster, ctx.rolloutId);
  let result: RollbackResult;
  if (target.unreachable) {
    result = { cluster, result: 'failed', reason: `${cluster} is unreachable (${target.unreachable}); not rolled back — run \`harbormaster rollout rollback ${ctx.rolloutId} --cluster ${cluster}\` once it is back` };
  } else if (!point) {
    result = { cluster, result: 'no-rollback-point', reason: `${cluster} has no last-good manifests (first deploy); left as it is` };
  } else {
    result = await restore(ctx, wave, plan, point);
  }
  if (result.result === 'restored') ctx.updateStep(wave, cluster, { state: 'rolled-back', finishedAt: ctx.nowIso() });
  else if (result.result === 'failed') ctx.updateStep(wave, cluster, { state: 'failed', finishedAt: ctx.nowIso(), reason: `rollback failed: ${result.reason}` });
  ctx.emit({ type: 'step-rolled-back', cluster, result: result.result, ...(result.reason ? { reason: result.reason } : {}) });
  return result;
}

async function restore(ctx: RunContext, wave: number, plan: ClusterStepPlan, point: LastGood): Promise<RollbackResult> {
  const cluster = plan.cluster;
  const timeoutSeconds = ctx.plan.waves[wave]?.healthTimeoutSeconds ?? 300;
  const deadline = ctx.clock.now().getTime() + timeoutSeconds * 1000;
  // Only a stop (Ctrl-C) interrupts a rollback: abort and halt are what started it.
  const signal = ctx.deps.signal ?? new AbortController().signal;
  ctx.updateStep(wave, cluster, { state: 'rolling-back' });
  let client;
  let observer;
  try {
    client = await ctx.deps.connect(plan);
    const summary = await applyObjects({ client, objects: manifestsFromYaml(point.manifests), journal: ctx.journal, settings: ctx.settings, wave, signal });
    const tracked = summary.members.map((ref) => ({ apiVersion: ref.apiVersion, kind: ref.kind, metadata: { name: ref.name, ...(ref.namespace ? { namespace: ref.namespace } : {}) } }));
    observer = await ClusterObserver.open(client, tracked, { health: ctx.settings.health, clock: ctx.clock });
    await waitUntilHealthy(observer, { wave, cluster, deadline, timeoutSeconds, clock: ctx.clock, signal, onProgress: () => undefined });
    if (ctx.journal.lastGood(cluster)?.rolloutId === ctx.rolloutId) {
      // Undoing a finished rollout: what runs now is the older record again.
      ctx.journal.setLastGood({ ...point, recordedAt: ctx.nowIso() });
    }
    return { cluster, result: 'restored' };
  } catch (error) {
    if (error instanceof StepStoppedError) throw error;
    return { cluster, result: 'failed', reason: toFailure(error, wave, cluster).reason };
  } finally {
    observer?.close();
    client?.close();
  }
}

/**
 * Last-good records of a cluster, newest first. The Journal contract only
 * promises the newest; the SQLite journal keeps a few more (lastGoodHistory),
 * which a rollback of an already finished rollout needs.
 */
function history(journal: Journal, cluster: string): LastGood[] {
  const more = (journal as Partial<{ lastGoodHistory(cluster: string, limit?: number): LastGood[] }>).lastGoodHistory;
  if (typeof more === 'function') return more.call(journal, cluster, 100);
  const latest = journal.lastGood(cluster);
  return latest ? [latest] : [];
}

/** The newest last-good recorded before this rollout's own (which is what is being undone). */
export function rollbackPoint(journal: Journal, cluster: string, rolloutId: string): LastGood | undefined {
  const records = history(journal, cluster);
  const own = records.findIndex((r) => r.rolloutId === rolloutId);
  return records.slice(own < 0 ? 0 : own).find((r) => r.rolloutId !== rolloutId);
}

/** A later rollout that recorded last-good on the cluster after this one did. */
export function supersededBy(journal: Journal, cluster: string, rolloutId: string): string | undefined {
  const records = history(journal, cluster);
  const own = records.findIndex((r) => r.rolloutId === rolloutId);
  return own > 0 ? records[0]!.rolloutId : undefined;
}
