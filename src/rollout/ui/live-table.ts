import type { RolloutEvent } from '../events.js';
import { applyEvent, emptyView, type ClusterRow, type FleetView, type RowPhase } from './fleet-view.js';
import { LiveRegion, realFrameClock, type FrameClock, type TerminalOutput } from './live-region.js';
import { PlainLog } from './plain.js';
import { formatElapsed, waveLabel } from './words.js';

/**
 * The terminal view of a running rollout: a table with one row per cluster,
 * redrawn in place about ten times a second, and above it the lines that
 * deserve to stay in the scrollback (waves starting and finishing, failures,
 * rollbacks).
 */
export interface LiveTableOptions {
  color?: boolean;
  clock?: FrameClock;
  /** Redraw at least this often while running, so elapsed times tick (default 1000 ms). */
  tickMs?: number;
  intervalMs?: number;
}

const KEPT: ReadonlySet<RolloutEvent['type']> = new Set([
  'rollout-started', 'wave-started', 'step-failed', 'wave-finished', 'rollback-started', 'step-rolled-back', 'rollout-paused', 'rollout-resumed', 'gate-checked',
]);

export class LiveTable {
  private readonly view: FleetView = emptyView();
  private readonly region: LiveRegion;
  private readonly clock: FrameClock;
  private readonly color: boolean;
  private readonly kept: string[] = [];
  private readonly log: PlainLog;
  private tick: { cancel(): void } | undefined;
  /** The executor's time at the newest event, and ours when it arrived: elapsed times tick between events. */
  private sync = { event: 0, local: 0 };

  constructor(
    out: TerminalOutput,
    private readonly options: LiveTableOptions = {},
  ) {
    this.clock = options.clock ?? realFrameClock;
    this.color = options.color ?? false;
    this.region = new LiveRegion(out, { clock: this.clock, intervalMs: options.intervalMs ?? 100 });
    this.log = new PlainLog((text) => this.kept.push(text.replace(/\n$/, '')), Number.POSITIVE_INFINITY);
  }

  event(event: RolloutEvent): void {
    applyEvent(this.view, event);
    this.sync = { event: Date.parse(event.at), local: this.clock.now() };
    if (KEPT.has(event.type)) {
      this.log.event(event);
      this.region.log(this.kept.splice(0));
    } else {
      this.log.event(event);
      this.kept.length = 0;
    }
    this.region.update(() => formatFrame(this.view, this.now(), this.color));
    this.scheduleTick();
  }

  /** Draws the final frame and leaves it on screen, cursor restored. */
  close(): void {
    this.tick?.cancel();
    this.tick = undefined;
    this.region.update(() => formatFrame(this.view, this.now(), this.color));
    this.region.close();
  }

  private now(): number {
    return this.sync.event + (this.clock.now() - this.sync.local);
  }

  private scheduleTick(): void {
    if (this.tick || this.view.state !== 'running') return;
    this.tick = this.clock.setTimeout(() => {
      this.tick = undefined;
      this.region.update(() => formatFrame(this.view, this.now(), this.color));
      this.scheduleTick();
    }, this.options.tickMs ?? 1000);
  }
}

const HEADERS = ['wave', 'cluster', 'region', 'step', 'upd/ready/want', 'elapsed', 'verdict'];

/** The table as lines, for a view at time `now` (epoch ms). */
export function formatFrame(view: FleetView, now: number, color = false): string[] {
  const rows = view.rows.map((r) => cells(view, r, now));
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cellsOf: string[], paint?: (s: string) => string): string =>
    cellsOf
      .map((c, i) => {
        if (i === 4 || i === 5) return c.padStart(widths[i]!);
        // Colour the word, not the padding after it, so a row's trailing spaces can be trimmed.
        return i === 3 && paint ? paint(c) + ' '.repeat(widths[i]! - c.length) : c.padEnd(widths[i]!);
      })
      .join('  ')
      .trimEnd();
  const body = view.rows.map((r, i) => line(rows[i]!, color ? (s) => paint(r.phase, s) : undefined));
  return [headline(view, now), line(HEADERS), ...body, ...footer(view)];
}

function cells(view: FleetView, row: ClusterRow, now: number): string[] {
  const pods = row.pods ? `${row.pods.updated}/${row.pods.ready}/${row.pods.desired}` : '';
  const elapsed = row.startedAt === undefined ? '' : formatElapsed((row.stoppedAt ?? now) - row.startedAt);
  return [waveLabel(view, row.wave), row.cluster, row.region, row.phase, pods, elapsed, row.verdict];
}

function headline(view: FleetView, now: number): string {
  const plan = view.plan;
  const running = view.waves.find((w) => w.state === 'running' || w.state === 'baking');
  const where = view.state !== 'running' || !running ? view.state : `wave ${waveLabel(view, running.index)}${running.state === 'baking' ? bakeWords(running.bakeUntil, now) : ''}`;
  const took = view.startedAt !== undefined ? formatElapsed((view.finishedAt ?? now) - view.startedAt) : '0:00';
  const strategy = plan ? ` · strategy ${plan.strategy}` : '';
  const paused = view.paused ? ' · PAUSED' : '';
  return `Rollout ${view.rolloutId}${strategy} · ${where}${paused} · ${took}`;
}

function bakeWords(until: number | undefined, now: number): string {
  return until === undefined ? ' baking' : ` baking, ${formatElapsed(Math.max(0, until - now))} left`;
}

function footer(view: FleetView): string[] {
  if (view.paused) return ['Paused: `harbormaster rollout resume` continues, `harbormaster rollout abort` stops.'];
  if (view.state !== 'running' && view.reason) return [`${view.state}: ${view.reason}`];
  return [];
}

const COLORS: Partial<Record<RowPhase, string>> = {
  succeeded: '32',
  healthy: '32',
  baking: '36',
  failed: '31',
  'rolling-back': '33',
  'rolled-back': '33',
  skipped: '2',
  pending: '2',
};

function paint(phase: RowPhase, text: string): string {
  const code = COLORS[phase];
  return code ? `\x1b[${code}m${text}\x1b[0m` : text;
}
