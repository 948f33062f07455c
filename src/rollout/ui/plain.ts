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
  private readonly view: FleetView = emptyView();
  private readonly lastProgress = new Map<string, number>();

  constructor(
    private readonly write: (text: string) => void,
    private readonly progressEveryMs = 5000,
  ) {}

  event(event: RolloutEvent): void {
    // The view is folded after the line for progress thinning, before it for everything else (names, counts).
    if (event.type !== 'step-progress') applyEvent(this.view, event);
    const line = this.line(event);
    if (event.type === 'step-progress') applyEvent(this.view, event);
    if (line !== undefined) this.write(`${isoSeconds(event.at)}  ${line}\n`);
  }

  close(): void {}

  private line(e: RolloutEvent): string | undefined {
    const v = this.view;
    switch (e.type) {
      case 'rollout-started': {
        const clusters = e.plan.waves.reduce((n, w) => n + w.clusters.length, 0);
        return `rollout ${e.rolloutId} ${e.resumed ? 'resumed' : 'started'}: strategy ${e.plan.strategy} (${e.plan.strategyReason}); ${plural(e.plan.waves.length, 'wave')}, ${plural(clusters, 'cluster')}`;
      }
      case 'wave-started': {
        const names = v.rows.filter((r) => r.wave === e.wave).map((r) => r.cluster);
        return `wave ${waveLabel(v, e.wave)}: started (${names.join(', ')})`;
      }
      case 'step-started':
        return `${e.cluster}: applying`;
      case 'step-applied':
        return `${e.cluster}: applied: ${appliedWords(e.created, e.configured, e.unchanged, e.pruned)} (${plural(e.writes, 'write request')})`;
      case 'step-progress':
        return this.progress(e);
      case 'step-healthy':
        return `${e.cluster}: healthy after ${this.elapsedOf(e.cluster)}`;
      case 'step-failed':
        return `${e.cluster}: FAILED ${e.code}: ${e.reason}${e.failFast ? ' (failed fast, not waiting for the timeout)' : ''}`;
      case 'step-skipped':
        return `${e.cluster}: skipped (${e.why === 'already-succeeded' ? 'already succeeded before the resume' : 'the rollout halted before it'})`;
      case 'wave-baking':
        if (Date.parse(e.until) <= Date.parse(e.at)) return undefined;
        return `wave ${waveLabel(v, e.wave)}: every cluster healthy; baking until ${isoSeconds(e.until)}`;
      case 'gate-checked':
        return `wave ${waveLabel(v, e.wave)}: gate ${e.gate}${gateValue(e)}: ${e.passed ? 'passed' : 'FAILED'}`;
      case 'wave-finished':
        return `wave ${waveLabel(v, e.wave)}: finished`;
      case 'rollout-paused':
        return 'rollout paused (harbormaster rollout resume continues it)';
      case 'rollout-resumed':
        return 'rollout resumed';
      case 'rollback-started':
        return `rolling back ${e.clusters.join(', ')} to their last-good manifests: ${e.reason}`;
      case 'step-rolled-back':
        return `${e.cluster}: ${{ restored: 'rolled back to last-good manifests', 'no-rollback-point': 'no last-good manifests to roll back to', failed: 'ROLLBACK FAILED' }[e.result]}${e.reason ? `: ${e.reason}` : ''}`;
      case 'rollout-finished': {
        const took = v.startedAt !== undefined ? ` in ${formatDuration(Date.parse(e.at) - v.startedAt)}` : '';
        return `rollout ${e.rolloutId} ${e.state}${took}${e.reason ? `: ${e.reason}` : ''}`;
      }
    }
  }

  private progress(e: Extract<RolloutEvent, { type: 'step-progress' }>): string | undefined {
    const at = Date.parse(e.at);
    const last = this.lastProgress.get(e.cluster);
    if (last !== undefined && at - last < this.progressEveryMs) return undefined;
    this.lastProgress.set(e.cluster, at);
    const waiting = e.pending.length > 0 ? `; waiting for ${e.pending[0]}${e.pending.length > 1 ? ` and ${e.pending.length - 1} more` : ''}` : '';
    return `${e.cluster}: ${e.ready}/${e.desired} pods ready, ${e.updated} updated${waiting}`;
  }

  private elapsedOf(cluster: string): string {
    const row = this.view.rows.find((r) => r.cluster === cluster);
    return row?.startedAt !== undefined && row.stoppedAt !== undefined ? formatDuration(row.stoppedAt - row.startedAt) : '?';
  }
}

/** The measured value of a metric gate and what it must be; the health gate has none worth printing. */
function gateValue(e: Extract<RolloutEvent, { type: 'gate-checked' }>): string {
  if (e.gate === 'health' && e.condition === undefined) return '';
  return ` ${Number.isNaN(e.value) ? 'no sample' : e.value}${e.condition ? ` (want ${e.condition})` : ''}`;
}
