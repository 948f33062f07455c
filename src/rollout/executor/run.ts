/**
 * The rollout loop: waves in order (skipping waves a resume finds done), then
 * the end. Everything that stops the loop lands in one place:
 *
 *   step failed   → halt → roll back per policy → rolled-back | failed
 *   abort request → stop in flight → roll back per policy → aborted | failed
 *   stop signal / paused with returnWhenPaused → leave it resumable (running | paused)
 */
import { manifestsToYaml } from '../change/manifests.js';
import type { RolloutState, StepState } from '../journal/types.js';
import type { RunContext } from './context.js';
import { DetachError, StepFailedError, StepStoppedError, toFailure } from './errors.js';
import { rollBack, type RollbackTarget } from './rollback.js';
import type { RollbackResult, RolloutOutcome, StepFailure } from './types.js';
import { runWave } from './wave.js';

const STARTED: ReadonlySet<StepState> = new Set(['applying', 'waiting', 'baking', 'succeeded', 'failed', 'rolling-back', 'rolled-back']);
const HALTED: ReadonlySet<StepState> = new Set(['failed', 'rolling-back', 'rolled-back']);

export async function runRollout(ctx: RunContext, resumed: boolean): Promise<RolloutOutcome> {
  ctx.control.start();
  try {
    ctx.emit({ type: 'rollout-started', plan: ctx.plan, resumed });
    const interrupted = resumed ? haltedBefore(ctx) : undefined;
    if (interrupted) return await afterFailure(ctx, interrupted);
    if (ctx.control.refresh() === 'abort') throw new StepStoppedError('abort');
    for (const wave of ctx.plan.waves) {
      if (wave.clusters.every((c) => ctx.step(wave.index, c.cluster).state === 'succeeded')) {
        for (const c of wave.clusters) ctx.emit({ type: 'step-skipped', wave: wave.index, cluster: c.cluster, why: 'already-succeeded' });
        continue;
      }
      await runWave(ctx, wave);
    }
    recordDeferredLastGood(ctx);
    return finish(ctx, 'succeeded');
  } catch (error) {
    return await afterStop(ctx, error);
  } finally {
    ctx.control.close();
    ctx.closeUnused();
  }
}

/** Where every way out of the wave loop lands. */
async function afterStop(ctx: RunContext, error: unknown): Promise<RolloutOutcome> {
  const detached = error instanceof DetachError || (error instanceof StepStoppedError && error.cause === 'stop');
  if (detached) return outcome(ctx, ctx.journal.rollout(ctx.rolloutId)?.state ?? 'running');
  if (error instanceof StepStoppedError) return afterAbort(ctx);
  if (error instanceof StepFailedError) return afterFailure(ctx, error.failure);
  // Not a step's failure (a bug, the journal): still halt and restore what was touched.
  const failure = toFailure(error, currentWave(ctx), '*');
  ctx.failures.push(failure);
  return afterFailure(ctx, failure);
}

/** Halt is done (no step runs); restore the failed wave, and every completed wave under all-waves. */
async function afterFailure(ctx: RunContext, failure: StepFailure): Promise<RolloutOutcome> {
  const results = await rollBackOrDetach(ctx, targets(ctx, failure.wave), failure.reason);
  if (results === 'stopped') return outcome(ctx, 'running');
  const restoredAny = results.some((r) => r.result === 'restored');
  const failedAny = results.some((r) => r.result === 'failed');
  const state: RolloutState = failedAny || !restoredAny ? 'failed' : 'rolled-back';
  return finish(ctx, state, `${failure.reason}${summary(results)}`);
}

async function afterAbort(ctx: RunContext): Promise<RolloutOutcome> {
  const results = await rollBackOrDetach(ctx, targets(ctx, currentWave(ctx)), 'aborted by request');
  if (results === 'stopped') return outcome(ctx, 'running');
  const failedAny = results.some((r) => r.result === 'failed');
  return finish(ctx, failedAny ? 'failed' : 'aborted', `aborted by request${summary(results)}`);
}

async function rollBackOrDetach(ctx: RunContext, list: RollbackTarget[], reason: string): Promise<RollbackResult[] | 'stopped'> {
  try {
    return await rollBack(ctx, list, reason);
  } catch (error) {
    if (error instanceof StepStoppedError) return 'stopped';
    throw error;
  }
}

/** Clusters the failed wave touched, plus (all-waves) every cluster of the completed waves before it. */
function targets(ctx: RunContext, failedWave: number): RollbackTarget[] {
  const everyWave = ctx.plan.rollbackPolicy === 'all-waves';
  const list: RollbackTarget[] = [];
  for (const wave of ctx.plan.waves) {
    if (wave.index > failedWave || (wave.index < failedWave && !everyWave)) continue;
    for (const plan of wave.clusters) {
      if (!STARTED.has(ctx.step(wave.index, plan.cluster).state)) continue;
      // Refused by another rollout's lock: nothing of ours was written there, and it is not ours to touch.
      if (ctx.failures.some((f) => f.cluster === plan.cluster && f.code === 'ROLLOUT_LOCKED')) continue;
      const unreachable = ctx.failures.find((f) => f.cluster === plan.cluster && f.code === 'CLUSTER_UNREACHABLE');
      list.push({ wave: wave.index, plan, ...(unreachable ? { unreachable: unreachable.reason } : {}) });
    }
  }
  // Latest wave first: undo in the reverse order of the rollout (all run at once, but events read naturally).
  return list.sort((a, b) => b.wave - a.wave);
}

/** On resume: the rollout had already halted on a failure (it died while rolling back). */
function haltedBefore(ctx: RunContext): StepFailure | undefined {
  const step = ctx.allSteps().find((s) => HALTED.has(s.state));
  if (!step) return undefined;
  return { wave: step.wave, cluster: step.cluster, code: 'HALTED', reason: step.reason ?? `${step.cluster} failed`, failFast: false };
}

/** The wave in progress: the first one not fully succeeded. */
function currentWave(ctx: RunContext): number {
  const wave = ctx.plan.waves.find((w) => w.clusters.some((c) => ctx.step(w.index, c.cluster).state !== 'succeeded'));
  return wave?.index ?? ctx.plan.waves.length - 1;
}

/** all-waves: the rollout succeeded, so every cluster's manifests become its rollback point now. */
function recordDeferredLastGood(ctx: RunContext): void {
  if (ctx.plan.rollbackPolicy !== 'all-waves') return;
  const at = ctx.nowIso();
  for (const wave of ctx.plan.waves) {
    for (const c of wave.clusters) {
      if (ctx.journal.lastGood(c.cluster)?.rolloutId === ctx.rolloutId) continue;
      ctx.journal.setLastGood({ cluster: c.cluster, rolloutId: ctx.rolloutId, manifests: manifestsToYaml(ctx.desired(c)), recordedAt: at });
    }
  }
}

function summary(results: readonly RollbackResult[]): string {
  if (results.length === 0) return '';
  const restored = results.filter((r) => r.result === 'restored').map((r) => r.cluster);
  const parts = restored.length ? [`rolled back ${restored.join(', ')}`] : [];
  for (const r of results) if (r.result !== 'restored') parts.push(r.result === 'failed' ? `rollback of ${r.cluster} failed: ${r.reason}` : (r.reason ?? `no rollback point for ${r.cluster}`));
  return ` — ${parts.join('; ')}`;
}

/** A terminal state: journaled, locks released, announced. */
export function finish(ctx: RunContext, state: RolloutState, reason?: string): RolloutOutcome {
  ctx.control.close();
  ctx.journal.setRolloutState(ctx.rolloutId, state, ctx.nowIso(), reason);
  releaseLocks(ctx);
  ctx.emit({ type: 'rollout-finished', state, ...(reason ? { reason } : {}) });
  return outcome(ctx, state, reason);
}

export function releaseLocks(ctx: RunContext): void {
  for (const wave of ctx.plan.waves) for (const c of wave.clusters) ctx.journal.releaseLock(c.cluster, ctx.rolloutId);
}

export function outcome(ctx: RunContext, state: RolloutState, reason?: string): RolloutOutcome {
  return {
    rolloutId: ctx.rolloutId,
    state,
    ...(reason ? { reason } : {}),
    failures: [...ctx.failures],
    rollbacks: [...ctx.rollbacks],
    steps: ctx.journal.steps(ctx.rolloutId),
    waves: [...ctx.waves],
  };
}
