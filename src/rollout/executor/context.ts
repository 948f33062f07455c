/**
 * What every stage of a run shares: the plan, the journal, the clock, the
 * control monitor, and the bookkeeping that becomes the outcome. Step records
 * are cached here and written through to the journal on every change, so the
 * journal always holds the latest state a resume needs.
 */
import type { ClusterClient, KubeObject } from '../../cluster/types.js';
import { clusterDigest } from '../change/canonical.js';
import type { RolloutEvent, RolloutEventBody } from '../events.js';
import { DEFAULT_HEALTH_OPTIONS, type HealthOptions } from '../health/types.js';
import { lockHolder } from '../journal/locks.js';
import type { Journal, StepRecord } from '../journal/types.js';
import type { ClusterStepPlan, RolloutPlan, WavePlan } from '../plan/types.js';
import { realClock } from './clock.js';
import { ControlMonitor } from './control.js';
import type { Clock, ExecutorDeps, RollbackResult, StepFailure, WaveTiming } from './types.js';

export const DEFAULT_CONTROL_POLL_MS = 250;
export const DEFAULT_APPLYSET_NAME = 'harbormaster';
export const DEFAULT_FIELD_MANAGER = 'harbormaster';

export interface Settings {
  force: boolean;
  reapply: boolean;
  health: HealthOptions;
  controlPollMs: number;
  applySetName: string;
  holder: string;
  fieldManager: string;
  returnWhenPaused: boolean;
  toolVersion: string;
}

export class RunContext {
  readonly rolloutId: string;
  readonly journal: Journal;
  readonly clock: Clock;
  readonly settings: Settings;
  readonly control: ControlMonitor;
  readonly failures: StepFailure[] = [];
  readonly rollbacks: RollbackResult[] = [];
  readonly waves: WaveTiming[] = [];
  private readonly records = new Map<string, StepRecord>();
  private readonly desiredCache = new Map<string, KubeObject[]>();
  private readonly connections = new Map<string, Promise<ClusterClient>>();

  constructor(
    readonly plan: RolloutPlan,
    readonly deps: ExecutorDeps,
  ) {
    this.rolloutId = plan.id;
    this.journal = deps.journal;
    this.clock = deps.clock ?? realClock;
    const o = deps.options ?? {};
    this.settings = {
      force: o.forceConflicts ?? false,
      reapply: o.reapply ?? false,
      health: o.health ?? DEFAULT_HEALTH_OPTIONS,
      controlPollMs: o.controlPollMs ?? DEFAULT_CONTROL_POLL_MS,
      applySetName: o.applySetName ?? DEFAULT_APPLYSET_NAME,
      holder: o.holder ?? lockHolder(),
      fieldManager: o.fieldManager ?? DEFAULT_FIELD_MANAGER,
      returnWhenPaused: o.returnWhenPaused ?? false,
      toolVersion: o.toolVersion ?? '0.0.0',
    };
    this.control = new ControlMonitor({
      journal: this.journal,
      rolloutId: this.rolloutId,
      clock: this.clock,
      pollMs: this.settings.controlPollMs,
      emit: (body) => this.emit(body),
      ...(deps.signal ? { stop: deps.signal } : {}),
    });
  }

  nowIso(): string {
    return this.clock.now().toISOString();
  }

  emit(body: RolloutEventBody): void {
    const event = { ...body, at: this.nowIso(), rolloutId: this.rolloutId } as RolloutEvent;
    try {
      this.deps.emit(event);
    } catch {
      // A failing listener (a closed terminal) must not break the rollout.
    }
  }

  /** Loads the journal's step records (after createRollout, or on resume). */
  loadSteps(): void {
    for (const record of this.journal.steps(this.rolloutId)) this.records.set(stepId(record.wave, record.cluster), record);
  }

  step(wave: number, cluster: string): StepRecord {
    const record = this.records.get(stepId(wave, cluster));
    if (record) return record;
    const plan = this.plan.waves[wave]?.clusters.find((c) => c.cluster === cluster);
    return { rolloutId: this.rolloutId, wave, cluster, region: plan?.region ?? '', state: 'pending', applied: 0 };
  }

  /** Changes a step and writes it through to the journal. */
  updateStep(wave: number, cluster: string, patch: Partial<Omit<StepRecord, 'rolloutId' | 'wave' | 'cluster'>>): StepRecord {
    const next = { ...this.step(wave, cluster), ...patch };
    if (patch.reason === undefined && 'reason' in patch) delete next.reason;
    this.records.set(stepId(wave, cluster), next);
    this.journal.setStep(next);
    return next;
  }

  /** The rendered manifests of a cluster, checked against the digest the plan was made from. */
  desired(step: ClusterStepPlan): KubeObject[] {
    const cached = this.desiredCache.get(step.cluster);
    if (cached) return cached;
    const objects = this.deps.desired(step.cluster);
    const digest = clusterDigest(objects);
    if (digest !== step.digest) {
      throw new Error(`${step.cluster}: the desired manifests changed since the plan was made (digest ${digest.slice(0, 12)}, plan ${step.digest.slice(0, 12)}); make a new plan`);
    }
    this.desiredCache.set(step.cluster, objects);
    return objects;
  }

  /**
   * Connects (and runs discovery) ahead of time, e.g. for the next wave while
   * this one runs, so a step starts with a warm client: discovery is a few
   * dozen requests that would otherwise sit between two waves.
   */
  preconnect(steps: readonly ClusterStepPlan[]): void {
    for (const step of steps) {
      if (this.connections.has(step.cluster)) continue;
      const ready = this.deps.connect(step).then(async (client) => {
        await client.discover().catch(() => undefined);
        return client;
      });
      ready.catch(() => undefined);
      this.connections.set(step.cluster, ready);
    }
  }

  /** A client for the step: the preconnected one if any, else a new one. The caller closes it. */
  connect(step: ClusterStepPlan): Promise<ClusterClient> {
    const ready = this.connections.get(step.cluster);
    this.connections.delete(step.cluster);
    return ready ?? this.deps.connect(step);
  }

  /** Closes clients connected ahead but never used (the rollout halted first). */
  closeUnused(): void {
    for (const ready of this.connections.values()) void ready.then((client) => client.close(), () => undefined);
    this.connections.clear();
  }

  waveTiming(wave: WavePlan): WaveTiming {
    let timing = this.waves.find((w) => w.wave === wave.index);
    if (!timing) {
      timing = { wave: wave.index, startedAt: this.nowIso(), clusterReadyMs: {} };
      this.waves.push(timing);
    }
    return timing;
  }

  /** Every step record, in plan order. */
  allSteps(): StepRecord[] {
    return this.plan.waves.flatMap((w) => w.clusters.map((c) => this.step(w.index, c.cluster)));
  }
}

function stepId(wave: number, cluster: string): string {
  return `${wave}\0${cluster}`;
}
