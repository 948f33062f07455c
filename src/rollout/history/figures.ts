import type { RolloutRecord, StepRecord } from '../journal/types.js';
import type { DeliveryFigures, DoraKeys, RegionFigures, RegionRun, Restore, RolloutFigures } from './types.js';

export interface HistoryInput {
  /** Any order. */
  rollouts: readonly RolloutRecord[];
  /** Steps by rollout id. */
  steps: ReadonlyMap<string, readonly StepRecord[]>;
  now: Date;
  /** Default 30. */
  windowDays?: number;
}

const DAY = 86_400_000;
const FAILED = new Set(['failed', 'rolled-back']);
const FINISHED = new Set(['succeeded', 'failed', 'rolled-back', 'aborted']);
const DONE_STEPS = new Set(['succeeded', 'skipped']);

/** DORA's four keys and per-rollout, per-region timings for the rollouts started in the window. Pure. */
export function deliveryFigures(input: HistoryInput): DeliveryFigures {
  const days = input.windowDays ?? 30;
  const to = input.now.getTime();
  const from = to - days * DAY;
  const all = [...input.rollouts].sort((a, b) => time(a.startedAt) - time(b.startedAt) || a.plan.id.localeCompare(b.plan.id));
  const inWindow = all.filter((r) => time(r.startedAt) >= from && time(r.startedAt) <= to);
  const figures = inWindow.map((r) => rolloutFigures(r, input.steps.get(r.plan.id) ?? []));
  return {
    window: { from: iso(from), to: iso(to), days },
    dora: doraKeys(inWindow, all, figures, days),
    rollouts: [...figures].reverse(),
    regions: regionFigures(figures),
  };
}

function rolloutFigures(record: RolloutRecord, steps: readonly StepRecord[]): RolloutFigures {
  const plan = record.plan;
  const out: RolloutFigures = {
    id: plan.id,
    state: record.state,
    strategy: plan.strategy,
    startedAt: record.startedAt,
    clusters: plan.waves.reduce((n, w) => n + w.clusters.length, 0),
    regions: regionRuns(plan.waves.flatMap((w) => w.clusters.map((c) => c.region)), steps, plan.change.commitTime),
  };
  if (plan.change.commit) out.commit = plan.change.commit;
  if (plan.change.commitTime) out.commitTime = plan.change.commitTime;
  if (record.finishedAt) {
    out.finishedAt = record.finishedAt;
    out.durationSeconds = seconds(record.startedAt, record.finishedAt);
    if (record.state === 'succeeded' && plan.change.commitTime) out.leadTimeSeconds = seconds(plan.change.commitTime, record.finishedAt);
  }
  return out;
}

/** Per region, in plan order: first step started → last step finished, once all its clusters are done. */
function regionRuns(planRegions: string[], steps: readonly StepRecord[], commitTime: string | undefined): RegionRun[] {
  return [...new Set(planRegions)].map((region) => {
    const mine = steps.filter((s) => s.region === region);
    const run: RegionRun = { region };
    const started = earliest(mine.map((s) => s.startedAt));
    if (started) run.startedAt = started;
    const complete = mine.length > 0 && mine.every((s) => DONE_STEPS.has(s.state));
    const finished = complete ? latest(mine.map((s) => s.finishedAt)) : undefined;
    if (finished) {
      run.finishedAt = finished;
      if (commitTime) run.leadTimeSeconds = seconds(commitTime, finished);
    }
    return run;
  });
}

function doraKeys(inWindow: RolloutRecord[], all: RolloutRecord[], figures: RolloutFigures[], days: number): DoraKeys {
  const deployments = inWindow.filter((r) => r.state === 'succeeded' && changedSomething(r)).length;
  const leadTimes = figures.flatMap((f) => (f.leadTimeSeconds === undefined ? [] : [f.leadTimeSeconds]));
  const finished = inWindow.filter((r) => FINISHED.has(r.state));
  const failed = finished.filter((r) => FAILED.has(r.state));
  const incidents = failed.map((f) => restoreOf(f, all));
  const restored = incidents.flatMap((i) => (i.seconds === undefined ? [] : [i.seconds]));
  return {
    deploymentFrequency: { deployments, perDay: round(deployments / days), perWeek: round((deployments * 7) / days) },
    leadTimeForChanges: withStats({ samples: leadTimes.length }, leadTimes, { medianSeconds: 0.5, p90Seconds: 0.9 }),
    changeFailureRate: finished.length > 0 ? { failed: failed.length, finished: finished.length, rate: round(failed.length / finished.length) } : { failed: 0, finished: 0 },
    timeToRestore: withStats({ restored: restored.length, open: incidents.length - restored.length, incidents }, restored, { medianSeconds: 0.5 }),
  };
}

/** Restored once every cluster of the failed rollout has been deployed by a later succeeded rollout. */
function restoreOf(failed: RolloutRecord, all: RolloutRecord[]): Restore {
  const failedAt = failed.finishedAt ?? failed.startedAt;
  const incident: Restore = { failedRollout: failed.plan.id, failedAt };
  const pending = new Set(clustersOf(failed));
  const later = all.filter((r) => r.state === 'succeeded' && r.finishedAt && time(r.startedAt) > time(failed.startedAt));
  for (const r of later.sort((a, b) => time(a.finishedAt!) - time(b.finishedAt!))) {
    for (const c of clustersOf(r)) pending.delete(c);
    if (pending.size === 0) {
      incident.restoredBy = r.plan.id;
      incident.restoredAt = r.finishedAt!;
      incident.seconds = seconds(failedAt, r.finishedAt!);
      break;
    }
  }
  return incident;
}

function regionFigures(figures: RolloutFigures[]): RegionFigures[] {
  const byRegion = new Map<string, RegionRun[]>();
  for (const f of figures) for (const run of f.regions) if (run.finishedAt && f.state === 'succeeded') byRegion.set(run.region, [...(byRegion.get(run.region) ?? []), run]);
  return [...byRegion.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([region, runs]) => {
      const leads = runs.flatMap((r) => (r.leadTimeSeconds === undefined ? [] : [r.leadTimeSeconds]));
      const out: RegionFigures = withStats({ region, deployments: runs.length }, leads, { medianLeadTimeSeconds: 0.5 });
      const last = latest(runs.map((r) => r.finishedAt));
      if (last) out.lastFinishedAt = last;
      return out;
    });
}

function changedSomething(r: RolloutRecord): boolean {
  return r.plan.waves.some((w) => w.clusters.some((c) => c.changes.create + c.changes.update + c.changes.prune > 0));
}

function clustersOf(r: RolloutRecord): string[] {
  return r.plan.waves.flatMap((w) => w.clusters.map((c) => c.cluster));
}

/** Adds nearest-rank percentiles of `values` (when there are any) under the given names. */
function withStats<T extends object>(base: T, values: number[], names: Record<string, number>): T {
  if (values.length === 0) return base;
  const sorted = [...values].sort((a, b) => a - b);
  const out = { ...base } as Record<string, unknown>;
  for (const [name, q] of Object.entries(names)) out[name] = sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
  return out as T;
}

function earliest(times: (string | undefined)[]): string | undefined {
  return times.filter((t): t is string => t !== undefined).sort((a, b) => time(a) - time(b))[0];
}

function latest(times: (string | undefined)[]): string | undefined {
  return times.filter((t): t is string => t !== undefined).sort((a, b) => time(b) - time(a))[0];
}

function seconds(from: string, to: string): number {
  return Math.round((time(to) - time(from)) / 1000);
}

function time(t: string): number {
  return Date.parse(t);
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
