/**
 * One cluster step, as the list of its stages: lock → connect → apply →
 * observe → wait for health. Each stage moves the journal's step record, so a
 * crash at any point leaves a record a resume understands. A step that comes
 * out healthy keeps its client and observer open: the wave watches them
 * through the bake.
 */
import { describeLock } from '../journal/locks.js';
import type { ClusterClient, ObjectRef } from '../../cluster/types.js';
import type { ClusterStepPlan, WavePlan } from '../plan/types.js';
import { applyObjects } from './apply.js';
import type { RunContext } from './context.js';
import { StepFailedError, StepStoppedError, type StopCause } from './errors.js';
import { ClusterObserver } from './observe.js';
import { waitUntilHealthy } from './wait-health.js';

/** A healthy step's open connections, watched until the wave is done. */
export interface LiveStep {
  plan: ClusterStepPlan;
  client: ClusterClient;
  observer: ClusterObserver;
}

interface StepRun {
  ctx: RunContext;
  wave: WavePlan;
  plan: ClusterStepPlan;
  signal: AbortSignal;
  startedMs: number;
  /** Apply + health budget: the wave's healthTimeoutSeconds from the start of the step. */
  deadline: number;
  client?: ClusterClient;
  observer?: ClusterObserver;
  members?: ObjectRef[];
}

interface StepStage {
  name: string;
  run(step: StepRun): Promise<void>;
}

const STEP_STAGES: readonly StepStage[] = [
  { name: 'lock', run: lockCluster },
  { name: 'connect', run: connect },
  { name: 'apply', run: apply },
  { name: 'observe', run: observe },
  { name: 'wait', run: waitHealthy },
];

export async function runStep(ctx: RunContext, wave: WavePlan, plan: ClusterStepPlan, signal: AbortSignal): Promise<LiveStep> {
  const startedMs = ctx.clock.now().getTime();
  const step: StepRun = { ctx, wave, plan, signal, startedMs, deadline: startedMs + wave.healthTimeoutSeconds * 1000 };
  ctx.updateStep(wave.index, plan.cluster, { state: 'applying', startedAt: ctx.nowIso(), finishedAt: undefined, reason: undefined });
  ctx.emit({ type: 'step-started', wave: wave.index, cluster: plan.cluster, region: plan.region });
  try {
    for (const stage of STEP_STAGES) {
      if (signal.aborted) throw new StepStoppedError((signal.reason as StopCause) ?? 'stop');
      await stage.run(step);
    }
  } catch (error) {
    step.observer?.close();
    step.client?.close();
    throw error;
  }
  ctx.updateStep(wave.index, plan.cluster, { state: 'baking' });
  ctx.emit({ type: 'step-healthy', wave: wave.index, cluster: plan.cluster });
  return { plan, client: step.client!, observer: step.observer! };
}

async function lockCluster({ ctx, wave, plan }: StepRun): Promise<void> {
  const result = ctx.journal.acquireLock(plan.cluster, ctx.rolloutId, ctx.settings.holder, ctx.nowIso());
  if (result.ok) return;
  throw new StepFailedError({ wave: wave.index, cluster: plan.cluster, code: 'ROLLOUT_LOCKED', reason: describeLock(result.heldBy), failFast: true });
}

async function connect(step: StepRun): Promise<void> {
  step.client = await step.ctx.connect(step.plan);
}

async function apply(step: StepRun): Promise<void> {
  const { ctx, wave, plan } = step;
  const summary = await applyObjects({ client: step.client!, objects: ctx.desired(plan), journal: ctx.journal, settings: ctx.settings, wave: wave.index, signal: step.signal });
  step.members = summary.members;
  const applied = summary.created + summary.configured;
  ctx.updateStep(wave.index, plan.cluster, { state: 'waiting', applied: ctx.step(wave.index, plan.cluster).applied + applied });
  const { created, configured, unchanged, pruned, writes } = summary;
  ctx.emit({ type: 'step-applied', wave: wave.index, cluster: plan.cluster, created, configured, unchanged, pruned, writes });
}

async function observe(step: StepRun): Promise<void> {
  const tracked = step.members!.map((ref) => ({ apiVersion: ref.apiVersion, kind: ref.kind, metadata: { name: ref.name, ...(ref.namespace ? { namespace: ref.namespace } : {}) } }));
  step.observer = await ClusterObserver.open(step.client!, tracked, { health: step.ctx.settings.health, clock: step.ctx.clock });
}

async function waitHealthy(step: StepRun): Promise<void> {
  const { ctx, wave, plan } = step;
  await waitUntilHealthy(step.observer!, {
    wave: wave.index,
    cluster: plan.cluster,
    deadline: step.deadline,
    timeoutSeconds: wave.healthTimeoutSeconds,
    clock: ctx.clock,
    signal: step.signal,
    onProgress: (progress) => ctx.emit({ type: 'step-progress', wave: wave.index, cluster: plan.cluster, ...progress }),
  });
  ctx.waveTiming(wave).clusterReadyMs[plan.cluster] = ctx.clock.now().getTime() - step.startedMs;
}
