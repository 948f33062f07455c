/**
 * One cluster step, as the list of its stages: lock → connect → watch →
 * apply → observe → wait for health. Watches open while the apply runs (the
 * observer knows which generation each write produced, so a pre-apply state
 * never counts), so health is judged the moment the apply ends. Each stage moves the journal's step record, so a
 * crash at any point leaves a record a resume understands. A step that comes
 * out healthy keeps its client and observer open: the wave watches them
 * through the bake.
 */
import { describeLock } from '../journal/locks.js';
import { stampOf } from '../../cluster/drift.js';
import { objectKey, type ClusterClient, type KubeObject, type ObjectRef } from '../../cluster/types.js';
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
  /** objectKey → generation our apply produced. */
  expected: Map<string, number>;
  opening?: Promise<ClusterObserver>;
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
  { name: 'watch', run: startWatching },
  { name: 'apply', run: apply },
  { name: 'observe', run: observe },
  { name: 'wait', run: waitHealthy },
  { name: 'settle', run: recordSettledStamps },
];

export async function runStep(ctx: RunContext, wave: WavePlan, plan: ClusterStepPlan, signal: AbortSignal): Promise<LiveStep> {
  const startedMs = ctx.clock.now().getTime();
  const step: StepRun = { ctx, wave, plan, signal, startedMs, deadline: startedMs + wave.healthTimeoutSeconds * 1000, expected: new Map() };
  ctx.updateStep(wave.index, plan.cluster, { state: 'applying', startedAt: ctx.nowIso(), finishedAt: undefined, reason: undefined });
  ctx.emit({ type: 'step-started', wave: wave.index, cluster: plan.cluster, region: plan.region });
  try {
    for (const stage of STEP_STAGES) {
      if (signal.aborted) throw new StepStoppedError((signal.reason as StopCause) ?? 'stop');
      await stage.run(step);
    }
  } catch (error) {
    step.observer?.close();
    void step.opening?.then((o) => o.close(), () => undefined);
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

async function startWatching(step: StepRun): Promise<void> {
  const { ctx, plan } = step;
  step.opening = ClusterObserver.open(step.client!, ctx.desired(plan), { health: ctx.settings.health, clock: ctx.clock, expected: step.expected });
  step.opening.catch(() => undefined);
}

async function apply(step: StepRun): Promise<void> {
  const { ctx, wave, plan } = step;
  const onApplied = (key: string, live: KubeObject): void => {
    if (live.metadata.generation !== undefined) step.expected.set(key, live.metadata.generation);
  };
  const summary = await applyObjects({ client: step.client!, objects: ctx.desired(plan), journal: ctx.journal, settings: ctx.settings, wave: wave.index, signal: step.signal, onApplied });
  step.members = summary.members;
  const applied = summary.created + summary.configured;
  ctx.updateStep(wave.index, plan.cluster, { state: 'waiting', applied: ctx.step(wave.index, plan.cluster).applied + applied });
  const { created, configured, unchanged, drifted, pruned, writes } = summary;
  ctx.emit({ type: 'step-applied', wave: wave.index, cluster: plan.cluster, created, configured, unchanged, drifted, pruned, writes });
}

/**
 * Controllers legitimately change some objects after our write (a PVC gains
 * its volumeName when bound, a webhook its caBundle): stamps taken as the
 * step turned healthy keep such changes from reading as drift next time.
 */
async function recordSettledStamps({ ctx, plan, observer }: StepRun): Promise<void> {
  const hashes = ctx.journal.appliedHashes(plan.cluster);
  const settled = [...hashes].flatMap(([key, hash]) => {
    const live = observer!.liveObject(key);
    const stamp = live && stampOf(live);
    return stamp ? [{ key, hash, stamp }] : [];
  });
  ctx.journal.recordApplied(plan.cluster, settled);
}

/** The watches opened during the apply; re-opened on the set as placed when that differs (an object without its namespace went to `default`). */
async function observe(step: StepRun): Promise<void> {
  const observer = await step.opening!;
  step.opening = undefined;
  const tracked = new Set(step.ctx.desired(step.plan).map((o) => objectKey(o)));
  if (step.members!.every((ref) => tracked.has(objectKey(ref)))) {
    step.observer = observer;
    return;
  }
  observer.close();
  const members = step.members!.map((ref) => ({ apiVersion: ref.apiVersion, kind: ref.kind, metadata: { name: ref.name, ...(ref.namespace ? { namespace: ref.namespace } : {}) } }));
  step.observer = await ClusterObserver.open(step.client!, members, { health: step.ctx.settings.health, clock: step.ctx.clock, expected: step.expected });
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

