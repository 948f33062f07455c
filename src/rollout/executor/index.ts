/**
 * The rollout executor: runs a RolloutPlan against the fleet wave by wave,
 * journaling every step so that a rollout survives its process, and rolling
 * back to last-good manifests when a step fails or the rollout is aborted.
 * See types.ts for the contract and events.ts for what it reports.
 */
import { describeLock } from '../journal/locks.js';
import type { RolloutPlan } from '../plan/types.js';
import { RunContext } from './context.js';
import { rollBack, supersededBy, type RollbackTarget } from './rollback.js';
import { finish, runRollout } from './run.js';
import { RolloutRefusedError, type ExecutorDeps, type RolloutOutcome } from './types.js';

export type { Clock, ExecutorDeps, ExecutorOptions, RolloutOutcome, StepFailure, RollbackResult, WaveTiming, RefusalCode } from './types.js';
export { RolloutRefusedError } from './types.js';
export { realClock } from './clock.js';
export { queryPrometheus } from './gates.js';

const TERMINAL = new Set(['succeeded', 'failed', 'aborted', 'rolled-back']);

/**
 * Runs a new plan. Refuses (RolloutRefusedError, nothing written) when the plan
 * carries a freeze, when a cluster's desired manifests no longer match the
 * plan, or when another live rollout holds one of its clusters (the error's
 * `details.lock` names it). Otherwise journals the rollout and returns its outcome.
 */
export async function executeRollout(plan: RolloutPlan, deps: ExecutorDeps): Promise<RolloutOutcome> {
  if (plan.freeze) {
    const until = plan.freeze.until ? ` until ${plan.freeze.until}` : '';
    throw new RolloutRefusedError('ROLLOUT_FROZEN', `deploys are frozen fleet-wide${until}: ${plan.freeze.reason}`, { rolloutId: plan.id });
  }
  const ctx = new RunContext(plan, deps);
  checkDesired(ctx);
  acquireLocks(ctx, allClusters(plan));
  try {
    deps.journal.createRollout(plan, ctx.nowIso());
  } catch (error) {
    for (const cluster of allClusters(plan)) deps.journal.releaseLock(cluster, plan.id);
    throw error;
  }
  ctx.loadSteps();
  return runRollout(ctx, false);
}

/**
 * Continues a rollout that was interrupted (process killed, Ctrl-C) or left
 * paused: reloads the plan and step states, skips finished waves, re-enters
 * the interrupted one (objects already applied with the same hash are not
 * sent again), and keeps the previous rollout's last-good as the rollback
 * point. A pending abort request is honoured (rollback per policy); a
 * rollout that had halted finishes its rollback.
 */
export async function resumeRollout(rolloutId: string, deps: ExecutorDeps): Promise<RolloutOutcome> {
  const record = deps.journal.rollout(rolloutId);
  if (!record) throw new RolloutRefusedError('ROLLOUT_NOT_FOUND', `no rollout ${rolloutId} in the journal`, { rolloutId });
  if (TERMINAL.has(record.state)) {
    throw new RolloutRefusedError('ROLLOUT_NOT_RESUMABLE', `rollout ${rolloutId} already finished (${record.state}${record.reason ? `: ${record.reason}` : ''})`, { rolloutId });
  }
  const ctx = new RunContext(record.plan, deps);
  ctx.loadSteps();
  checkDesired(ctx);
  acquireLocks(ctx, allClusters(record.plan));
  if (record.control === 'pause') deps.journal.requestControl(rolloutId, 'none');
  if (record.state === 'paused') deps.journal.setRolloutState(rolloutId, 'running', ctx.nowIso());
  return runRollout(ctx, true);
}

/**
 * Restores the last-good manifests that preceded a rollout on its clusters
 * (every cluster it touched, or the named ones) and marks it `rolled-back`
 * (`failed` if a cluster could not be restored). A rollout still running or
 * paused is aborted instead, which rolls back per its policy.
 */
export async function rollbackRollout(rolloutId: string, deps: ExecutorDeps, clusters?: string[]): Promise<RolloutOutcome> {
  const record = deps.journal.rollout(rolloutId);
  if (!record) throw new RolloutRefusedError('ROLLOUT_NOT_FOUND', `no rollout ${rolloutId} in the journal`, { rolloutId });
  if (!TERMINAL.has(record.state)) {
    deps.journal.requestControl(rolloutId, 'abort');
    return resumeRollout(rolloutId, deps);
  }
  const ctx = new RunContext(record.plan, deps);
  ctx.loadSteps();
  const list = rollbackTargets(ctx, clusters);
  const newer = list.map((t) => [t.plan.cluster, supersededBy(deps.journal, t.plan.cluster, rolloutId)] as const).filter(([, by]) => by !== undefined);
  if (newer.length > 0) {
    const which = newer.map(([cluster, by]) => `${cluster} (by ${by})`).join(', ');
    throw new RolloutRefusedError('ROLLOUT_SUPERSEDED', `rollout ${rolloutId} was superseded on ${which}: roll back the later rollout instead`, { cluster: newer[0]![0], rolloutId });
  }
  acquireLocks(ctx, list.map((t) => t.plan.cluster));
  const results = await rollBack(ctx, list, 'rollback requested');
  const failed = results.filter((r) => r.result === 'failed');
  const restored = results.filter((r) => r.result === 'restored').map((r) => r.cluster);
  const reason = failed.length
    ? `rollback of ${failed.map((r) => `${r.cluster} failed: ${r.reason}`).join('; ')}`
    : `rolled back by request${restored.length ? `: ${restored.join(', ')}` : ''}`;
  return finish(ctx, failed.length || restored.length === 0 ? 'failed' : 'rolled-back', reason);
}

function rollbackTargets(ctx: RunContext, clusters: string[] | undefined): RollbackTarget[] {
  const all = ctx.plan.waves.flatMap((w) => w.clusters.map((plan) => ({ wave: w.index, plan })));
  if (clusters && clusters.length > 0) {
    const unknown = clusters.filter((c) => !all.some((t) => t.plan.cluster === c));
    if (unknown.length) throw new RolloutRefusedError('ROLLOUT_NOT_FOUND', `rollout ${ctx.rolloutId} has no cluster ${unknown.join(', ')}`, { cluster: unknown[0]! });
    return all.filter((t) => clusters.includes(t.plan.cluster));
  }
  return all.filter((t) => !['pending', 'skipped'].includes(ctx.step(t.wave, t.plan.cluster).state));
}

/** The renders given to this run must be the ones the plan was made from. */
function checkDesired(ctx: RunContext): void {
  for (const wave of ctx.plan.waves) {
    for (const step of wave.clusters) {
      try {
        ctx.desired(step);
      } catch (error) {
        throw new RolloutRefusedError('ROLLOUT_STALE_PLAN', error instanceof Error ? error.message : String(error), { cluster: step.cluster, rolloutId: ctx.rolloutId });
      }
    }
  }
}

/** All or nothing: when one cluster is held by another live rollout, the locks taken here are given back. */
function acquireLocks(ctx: RunContext, clusters: readonly string[]): void {
  const taken: string[] = [];
  for (const cluster of [...clusters].sort()) {
    const result = ctx.journal.acquireLock(cluster, ctx.rolloutId, ctx.settings.holder, ctx.nowIso());
    if (result.ok) {
      taken.push(cluster);
      continue;
    }
    for (const c of taken) ctx.journal.releaseLock(c, ctx.rolloutId);
    throw new RolloutRefusedError('ROLLOUT_LOCKED', describeLock(result.heldBy), { lock: result.heldBy, cluster, rolloutId: ctx.rolloutId });
  }
}

function allClusters(plan: RolloutPlan): string[] {
  return plan.waves.flatMap((w) => w.clusters.map((c) => c.cluster));
}
