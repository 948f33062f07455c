/**
 * One wave, as the list of its stages: start → deploy the clusters (up to
 * `parallelism` at once) → gates → bake while watching → record last-good →
 * finish. Between stages the wave honours pause and abort. A failed step halts
 * the wave at once: no new cluster starts and the ones in flight are stopped
 * (they are rolled back with it).
 */
import { manifestsToYaml } from '../change/manifests.js';
import type { WavePlan } from '../plan/types.js';
import type { RunContext } from './context.js';
import { DetachError, StepFailedError, StepStoppedError, toFailure, type StopCause } from './errors.js';
import { checkGates } from './gates.js';
import type { HealthSnapshot } from './observe.js';
import { runStep, type LiveStep } from './step.js';
import type { StepFailure, WaveTiming } from './types.js';
import { describeVerdict, healthFailure } from './wait-health.js';

const RECONNECT_GRACE_MS = 2_000;

export interface WaveRun {
  ctx: RunContext;
  wave: WavePlan;
  timing: WaveTiming;
  /** Fires (reason `halt`) when a step of this wave fails. */
  halt: AbortController;
  /** Halt, abort or stop: what in-flight steps listen to. */
  signal: AbortSignal;
  live: LiveStep[];
}

interface WaveStage {
  name: string;
  run(run: WaveRun): Promise<void>;
}

const WAVE_STAGES: readonly WaveStage[] = [
  { name: 'start', run: startWave },
  { name: 'deploy', run: deployClusters },
  { name: 'gates', run: checkGates },
  { name: 'bake', run: bake },
  { name: 'record', run: recordLastGood },
  { name: 'finish', run: finishWave },
];

export async function runWave(ctx: RunContext, wave: WavePlan): Promise<void> {
  const halt = new AbortController();
  const run: WaveRun = { ctx, wave, timing: ctx.waveTiming(wave), halt, signal: AbortSignal.any([halt.signal, ctx.control.cancel]), live: [] };
  try {
    for (const stage of WAVE_STAGES) {
      await boundary(run);
      await stage.run(run);
    }
  } finally {
    for (const step of run.live) {
      step.observer.close();
      step.client.close();
    }
  }
}

/** Honours a pause (wait, or detach with returnWhenPaused) and an abort or stop, between stages. */
export async function boundary(run: WaveRun): Promise<void> {
  const { control, settings } = run.ctx;
  control.refresh();
  if (control.paused && settings.returnWhenPaused) throw new DetachError('paused');
  await control.whilePaused();
  throwIfStopped(run.signal);
}

function throwIfStopped(signal: AbortSignal): void {
  if (signal.aborted) throw new StepStoppedError((signal.reason as StopCause) ?? 'stop');
}

async function startWave({ ctx, wave }: WaveRun): Promise<void> {
  ctx.emit({ type: 'wave-started', wave: wave.index, name: wave.name });
  ctx.preconnect(wave.clusters.slice(0, wave.parallelism));
  // The next wave's clients warm up while this one deploys and bakes.
  const next = ctx.plan.waves[wave.index + 1];
  if (next) ctx.preconnect(next.clusters.slice(0, next.parallelism));
}

/** A pool of `parallelism` workers over the wave's clusters; the first failure halts the others. */
async function deployClusters(run: WaveRun): Promise<void> {
  const { ctx, wave } = run;
  const queue = wave.clusters.filter((c) => ctx.step(wave.index, c.cluster).state !== 'succeeded');
  let failure: StepFailure | undefined;
  let detach = false;
  const worker = async (): Promise<void> => {
    for (;;) {
      if (ctx.control.refresh() === 'pause' && ctx.settings.returnWhenPaused) return void (detach = true);
      await ctx.control.whilePaused();
      const plan = run.signal.aborted || detach ? undefined : queue.shift();
      if (!plan) return;
      if (queue[0]) ctx.preconnect([queue[0]]);
      try {
        run.live.push(await runStep(ctx, wave, plan, run.signal));
      } catch (error) {
        if (error instanceof StepStoppedError) {
          markStopped(run, plan.cluster, error.cause, failure);
          continue;
        }
        const f = toFailure(error, wave.index, plan.cluster);
        ctx.updateStep(wave.index, plan.cluster, { state: 'failed', finishedAt: ctx.nowIso(), reason: f.reason });
        ctx.emit({ type: 'step-failed', ...f });
        ctx.failures.push(f);
        failure ??= f;
        run.halt.abort('halt');
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(wave.parallelism, queue.length)) }, worker));
  for (const left of queue) {
    if (failure || ctx.control.cancel.aborted) {
      ctx.updateStep(wave.index, left.cluster, { state: 'skipped', reason: failure ? `halted: ${failure.cluster} failed` : 'stopped' });
      ctx.emit({ type: 'step-skipped', wave: wave.index, cluster: left.cluster, why: 'halted' });
    }
  }
  if (failure) throw new StepFailedError(failure);
  throwIfStopped(ctx.control.cancel);
  if (detach) throw new DetachError('paused');
  run.timing.healthyAt = ctx.nowIso();
}

/** A step stopped from outside: halted or aborted steps are marked failed (and rolled back); a stop leaves them as they were, for resume. */
function markStopped(run: WaveRun, cluster: string, cause: StopCause, failure: StepFailure | undefined): void {
  if (cause === 'stop') return;
  const reason = cause === 'abort' ? 'aborted' : `halted: ${failure?.cluster ?? 'another cluster'} failed`;
  run.ctx.updateStep(run.wave.index, cluster, { state: 'failed', finishedAt: run.ctx.nowIso(), reason });
}

/** Keeps watching every cluster of the wave for `bakeSeconds`; a failure, deletion or stall fails the wave. */
async function bake(run: WaveRun): Promise<void> {
  const { ctx, wave } = run;
  const until = ctx.clock.now().getTime() + wave.bakeSeconds * 1000;
  ctx.emit({ type: 'wave-baking', wave: wave.index, until: new Date(until).toISOString() });
  const regressionSeen = new AbortController();
  let regression: StepFailedError | undefined;
  const unsubscribe = run.live.map((step) =>
    step.observer.subscribe((snapshot) => {
      regression ??= regressed(snapshot, wave.index, step.plan.cluster);
      if (regression) regressionSeen.abort();
    }),
  );
  try {
    for (const step of run.live) regression ??= regressed(step.observer.snapshot(), wave.index, step.plan.cluster);
    const left = until - ctx.clock.now().getTime();
    if (!regression && left > 0) await ctx.clock.sleep(left, AbortSignal.any([regressionSeen.signal, run.signal]));
  } finally {
    for (const stop of unsubscribe) stop();
  }
  if (!regression) throwIfStopped(run.signal);
  if (!regression) await reconnected(run);
  regression ??= notHealthyAtEnd(run);
  if (regression) {
    const f = regression.failure;
    ctx.updateStep(wave.index, f.cluster, { state: 'failed', finishedAt: ctx.nowIso(), reason: f.reason });
    ctx.emit({ type: 'step-failed', ...f });
    ctx.failures.push(f);
    throw regression;
  }
}

/** During the bake only a Failed, deleted or terminating object is a regression; InProgress (a scale-up) may clear by the end. */
function regressed(snapshot: HealthSnapshot, wave: number, cluster: string): StepFailedError | undefined {
  const bad = snapshot.verdicts.find((v) => v.verdict.status === 'Failed' || v.verdict.status === 'NotFound' || v.verdict.status === 'Terminating');
  if (!bad) return undefined;
  const error = healthFailure({ ...snapshot, failedFast: bad }, { wave, cluster });
  error.failure.code = 'HEALTH_REGRESSED';
  error.failure.reason = `${cluster}: regressed during the bake: ${bad.label}: ${describeVerdict(bad.verdict)}`;
  return error;
}

/** A watch that the server just closed (they time out) re-opens within moments: give it that before judging the end of the bake. */
async function reconnected(run: WaveRun): Promise<void> {
  const { clock } = run.ctx;
  const giveUp = clock.now().getTime() + RECONNECT_GRACE_MS;
  while (run.live.some((s) => s.observer.snapshot().disconnectedSince !== undefined) && clock.now().getTime() < giveUp && !run.signal.aborted) {
    await clock.sleep(25, run.signal);
  }
}

function notHealthyAtEnd(run: WaveRun): StepFailedError | undefined {
  for (const step of run.live) {
    const snapshot = step.observer.snapshot();
    if (snapshot.allCurrent) continue;
    const cluster = step.plan.cluster;
    const unreachable = snapshot.disconnectedSince !== undefined;
    return new StepFailedError({
      wave: run.wave.index,
      cluster,
      code: unreachable ? 'CLUSTER_UNREACHABLE' : 'HEALTH_REGRESSED',
      reason: unreachable ? `${cluster}: unreachable at the end of the bake` : `${cluster}: not healthy at the end of the bake: ${snapshot.pending.slice(0, 3).join('; ')}`,
      failFast: false,
    });
  }
  return undefined;
}

/**
 * The wave's manifests become each cluster's rollback point. Under the
 * `all-waves` policy this waits for the whole rollout (see run.ts): a
 * completed wave must keep its previous rollback point until no later wave
 * can fail any more, even across a crash and resume.
 */
async function recordLastGood({ ctx, wave }: WaveRun): Promise<void> {
  const at = ctx.nowIso();
  for (const c of wave.clusters) {
    if (ctx.plan.rollbackPolicy !== 'all-waves') {
      ctx.journal.setLastGood({ cluster: c.cluster, rolloutId: ctx.rolloutId, manifests: manifestsToYaml(ctx.desired(c)), recordedAt: at });
    }
    ctx.updateStep(wave.index, c.cluster, { state: 'succeeded', finishedAt: at });
  }
}

async function finishWave({ ctx, wave, timing }: WaveRun): Promise<void> {
  timing.finishedAt = ctx.nowIso();
  ctx.emit({ type: 'wave-finished', wave: wave.index });
}
