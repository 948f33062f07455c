import type { RolloutEvent } from '../events.js';
import { applyEvent, appliedWords, emptyView, type FleetView } from './fleet-view.js';
import { formatDuration, isoSeconds, plural, waveLabel } from './words.js';

/**
 * Log lines for pipes and CI logs: one timestamped line per event that
 * matters, nothing redrawn. Progress is thinned to one line per cluster every
 * few seconds (of the event clock), so a 400-pod rollout stays readable and
 * the same events always give the same lines.
 */
export class PlainLog {
  readonly view: FleetView = emptyView();
  private readonly lastProgress = new Map<string, number>();

  constructor(
    private readonly write: (text: string) => void,
    private readonly progressEveryMs = 5000,
  ) {}

  event(event: RolloutEvent): void {
    applyEvent(this.view, event);
    const line = LINES[event.type](this, event as never);
    if (line !== undefined) this.write(`${isoSeconds(event.at)}  ${line}\n`);
  }

  close(): void {}

  /** True when the cluster's last progress line is old enough for a new one. */
  progressDue(cluster: string, at: string): boolean {
    const t = Date.parse(at);
    const last = this.lastProgress.get(cluster);
    if (last !== undefined && t - last < this.progressEveryMs) return false;
    this.lastProgress.set(cluster, t);
    return true;
  }
}

type Lines = { [T in RolloutEvent['type']]: (log: PlainLog, event: Extract<RolloutEvent, { type: T }>) => string | undefined };

const ROLLBACK_WORDS = { restored: 'rolled back to last-good manifests', 'no-rollback-point': 'no last-good manifests to roll back to', failed: 'ROLLBACK FAILED' };

/** One line per event type (undefined: nothing worth a line). */
const LINES: Lines = {
  'rollout-started': (_, e) => {
    const clusters = e.plan.waves.reduce((n, w) => n + w.clusters.length, 0);
    return `rollout ${e.rolloutId} ${e.resumed ? 'resumed' : 'started'}: strategy ${e.plan.strategy} (${e.plan.strategyReason}); ${plural(e.plan.waves.length, 'wave')}, ${plural(clusters, 'cluster')}`;
  },
  'wave-started': ({ view }, e) => `wave ${waveLabel(view, e.wave)}: started (${view.rows.filter((r) => r.wave === e.wave).map((r) => r.cluster).join(', ')})`,
  'step-started': (_, e) => `${e.cluster}: applying`,
  'step-applied': (_, e) => `${e.cluster}: applied: ${appliedWords(e)} (${plural(e.writes, 'write request')})`,
  'step-progress': (log, e) => {
    if (!log.progressDue(e.cluster, e.at)) return undefined;
    const waiting = e.pending.length > 0 ? `; waiting for ${e.pending[0]}${e.pending.length > 1 ? ` and ${e.pending.length - 1} more` : ''}` : '';
    return `${e.cluster}: ${e.ready}/${e.desired} pods ready, ${e.updated} updated${waiting}`;
  },
  'step-healthy': ({ view }, e) => {
    const row = view.rows.find((r) => r.cluster === e.cluster);
    const took = row?.startedAt !== undefined && row.stoppedAt !== undefined ? formatDuration(row.stoppedAt - row.startedAt) : '?';
    return `${e.cluster}: healthy after ${took}`;
  },
  'step-failed': (_, e) => `${e.cluster}: FAILED ${e.code}: ${e.reason}${e.failFast ? ' (failed fast, not waiting for the timeout)' : ''}`,
  'step-skipped': (_, e) => `${e.cluster}: skipped (${e.why === 'already-succeeded' ? 'already succeeded before the resume' : 'the rollout halted before it'})`,
  'wave-baking': ({ view }, e) => (Date.parse(e.until) <= Date.parse(e.at) ? undefined : `wave ${waveLabel(view, e.wave)}: every cluster healthy; baking until ${isoSeconds(e.until)}`),
  'gate-checked': ({ view }, e) => `wave ${waveLabel(view, e.wave)}: gate ${e.gate}${gateValue(e)}: ${e.passed ? 'passed' : 'FAILED'}`,
  'wave-finished': ({ view }, e) => `wave ${waveLabel(view, e.wave)}: finished`,
  'rollout-paused': () => 'rollout paused (harbormaster rollout resume continues it)',
  'rollout-resumed': () => 'rollout resumed',
  'rollback-started': (_, e) => `rolling back ${e.clusters.join(', ')} to their last-good manifests: ${e.reason}`,
  'step-rolled-back': (_, e) => `${e.cluster}: ${ROLLBACK_WORDS[e.result]}${e.reason ? `: ${e.reason}` : ''}`,
  'rollout-finished': ({ view }, e) => {
    const took = view.startedAt !== undefined ? ` in ${formatDuration(Date.parse(e.at) - view.startedAt)}` : '';
    return `rollout ${e.rolloutId} ${e.state}${took}${e.reason ? `: ${e.reason}` : ''}`;
  },
};

/** The measured value of a metric gate and what it must be; the health gate has none worth printing. */
function gateValue(e: Extract<RolloutEvent, { type: 'gate-checked' }>): string {
  if (e.gate === 'health' && e.condition === undefined) return '';
  return ` ${Number.isNaN(e.value) ? 'no sample' : e.value}${e.condition ? ` (want ${e.condition})` : ''}`;
}
