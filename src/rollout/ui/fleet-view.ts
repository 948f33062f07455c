import type { RolloutEvent, StepApplied } from '../events.js';
import type { RolloutState } from '../journal/types.js';
import type { RolloutPlan } from '../plan/types.js';

/**
 * The picture of a rollout that the live table draws: one row per cluster,
 * folded from the event stream. Pure: the same events give the same view,
 * whoever is watching and however late they attached.
 */
export type RowPhase =
  | 'pending'
  | 'applying'
  | 'waiting'
  | 'healthy'
  | 'baking'
  | 'succeeded'
  | 'failed'
  | 'skipped'
  | 'rolling-back'
  | 'rolled-back';

export interface ClusterRow {
  /** Index of the wave in the plan. */
  wave: number;
  cluster: string;
  region: string;
  phase: RowPhase;
  /** Summed pod counts of the cluster's workloads, once known. */
  pods?: { updated: number; ready: number; desired: number };
  /** Epoch ms: when the step started, and when it stopped moving (healthy, failed, rolled back). */
  startedAt?: number;
  stoppedAt?: number;
  /** Short words for the last column: what the cluster is waiting for, or how it ended. */
  verdict: string;
}

export interface WaveView {
  index: number;
  name: string;
  state: 'pending' | 'running' | 'baking' | 'finished';
  bakeUntil?: number;
}

export interface FleetView {
  rolloutId: string;
  plan?: RolloutPlan;
  waves: WaveView[];
  rows: ClusterRow[];
  state: RolloutState;
  paused: boolean;
  startedAt?: number;
  /** Time of the newest event (the executor's clock). */
  lastEventAt?: number;
  /** Epoch ms of rollout-finished. */
  finishedAt?: number;
  reason?: string;
}

export function emptyView(): FleetView {
  return { rolloutId: '', waves: [], rows: [], state: 'running', paused: false };
}

/** Folds one event into the view (in place: the stream of a large fleet is long). */
export function applyEvent(view: FleetView, event: RolloutEvent): FleetView {
  const at = Date.parse(event.at);
  view.lastEventAt = at;
  view.rolloutId = event.rolloutId;
  HANDLERS[event.type](view, event as never, at);
  return view;
}

type Handlers = { [T in RolloutEvent['type']]: (view: FleetView, event: Extract<RolloutEvent, { type: T }>, at: number) => void };

const HANDLERS: Handlers = {
  'rollout-started': (view, e, at) => {
    view.plan = e.plan;
    view.startedAt ??= at;
    view.state = 'running';
    view.paused = false;
    view.waves = e.plan.waves.map((w) => ({ index: w.index, name: w.name, state: 'pending' }));
    view.rows = e.plan.waves.flatMap((w) => w.clusters.map((c) => ({ wave: w.index, cluster: c.cluster, region: c.region, phase: 'pending' as const, verdict: '' })));
  },
  'wave-started': (view, e) => setWave(view, e.wave, { state: 'running' }),
  'step-started': (view, e, at) => {
    const row = rowOf(view, e.cluster, e.wave, e.region);
    Object.assign(row, { phase: 'applying', startedAt: at, verdict: 'applying' });
    delete row.stoppedAt;
  },
  'step-applied': (view, e) => {
    rowOf(view, e.cluster, e.wave).phase = 'waiting';
    rowOf(view, e.cluster, e.wave).verdict = appliedWords(e);
  },
  'step-progress': (view, e) => {
    const row = rowOf(view, e.cluster, e.wave);
    row.pods = { updated: e.updated, ready: e.ready, desired: e.desired };
    if (row.phase === 'applying') row.phase = 'waiting';
    row.verdict = e.pending.length === 0 ? 'settling' : `${e.pending[0]}${e.pending.length > 1 ? ` (+${e.pending.length - 1})` : ''}`;
  },
  'step-healthy': (view, e, at) => stop(rowOf(view, e.cluster, e.wave), 'healthy', at, 'Current'),
  'step-failed': (view, e, at) => stop(rowOf(view, e.cluster, e.wave), 'failed', at, `${e.code}: ${e.reason}`),
  'step-skipped': (view, e) => {
    const row = rowOf(view, e.cluster, e.wave);
    row.phase = e.why === 'already-succeeded' ? 'succeeded' : 'skipped';
    row.verdict = e.why === 'already-succeeded' ? 'done before resume' : 'not started (halted)';
  },
  'wave-baking': (view, e) => {
    setWave(view, e.wave, { state: 'baking', bakeUntil: Date.parse(e.until) });
    for (const row of rowsOfWave(view, e.wave)) if (row.phase === 'healthy') row.phase = 'baking';
  },
  'gate-checked': (view, e) => {
    if (e.passed) return;
    for (const row of rowsOfWave(view, e.wave)) row.verdict = `gate ${e.gate} failed: ${e.value}${e.condition ? ` (want ${e.condition})` : ''}`;
  },
  'wave-finished': (view, e) => {
    setWave(view, e.wave, { state: 'finished' });
    for (const row of rowsOfWave(view, e.wave)) {
      if (row.phase !== 'healthy' && row.phase !== 'baking') continue;
      row.phase = 'succeeded';
      row.verdict = 'Current';
    }
  },
  'rollout-paused': (view) => void (view.paused = true),
  'rollout-resumed': (view) => void (view.paused = false),
  'rollback-started': (view, e) => {
    view.reason = e.reason;
    for (const name of e.clusters) {
      const row = view.rows.find((r) => r.cluster === name);
      if (!row) continue;
      row.phase = 'rolling-back';
      row.verdict = 'restoring last-good manifests';
    }
  },
  'step-rolled-back': (view, e, at) => {
    const row = view.rows.find((r) => r.cluster === e.cluster);
    if (!row) return;
    const words = { restored: 'restored last-good', 'no-rollback-point': 'no last-good to restore', failed: 'rollback failed' }[e.result];
    // Only a restore rolls a cluster back; without a rollback point it stays as it failed.
    stop(row, e.result === 'restored' ? 'rolled-back' : 'failed', at, e.reason ? `${words}: ${e.reason}` : words);
  },
  'rollout-finished': (view, e, at) => {
    view.state = e.state;
    view.finishedAt = at;
    view.paused = e.state === 'paused';
    if (e.reason) view.reason = e.reason;
  },
};

function rowOf(view: FleetView, cluster: string, wave: number, region = ''): ClusterRow {
  let row = view.rows.find((r) => r.cluster === cluster);
  if (!row) {
    // A stream joined mid-way (no rollout-started seen): rows appear as clusters speak.
    row = { wave, cluster, region, phase: 'pending', verdict: '' };
    view.rows.push(row);
  }
  return row;
}

function rowsOfWave(view: FleetView, wave: number): ClusterRow[] {
  return view.rows.filter((r) => r.wave === wave);
}

function setWave(view: FleetView, index: number, patch: Partial<WaveView>): void {
  const wave = view.waves.find((w) => w.index === index);
  if (wave) Object.assign(wave, patch);
  else view.waves.push({ index, name: `wave-${index}`, state: 'pending', ...patch });
}

function stop(row: ClusterRow, phase: RowPhase, at: number, verdict: string): void {
  row.phase = phase;
  row.stoppedAt = at;
  row.verdict = verdict;
}

export function appliedWords(e: Pick<StepApplied, 'created' | 'configured' | 'unchanged' | 'drifted' | 'pruned'>): string {
  const parts = [`${e.created} created`, `${e.configured} configured`, `${e.unchanged} unchanged`];
  if (e.drifted > 0) parts.push(`${e.drifted} drifted`);
  if (e.pruned > 0) parts.push(`${e.pruned} pruned`);
  return parts.join(', ');
}
