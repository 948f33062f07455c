/**
 * A block of lines at the bottom of a terminal, redrawn in place: the live
 * rollout table. Lines logged meanwhile (a wave finished, a cluster failed)
 * scroll above it and stay in the terminal's history.
 *
 * Redraws are throttled (a watch can deliver hundreds of pod events a
 * second; the eye needs ten frames), and every line is cut to the terminal's
 * width, because a wrapped line would throw off the count of lines to move
 * back over on the next frame.
 */

/** Where frames go: a TTY stream, or a fake terminal in tests. */
export interface TerminalOutput {
  write(text: string): void;
  /** Width in columns; absent: 120. */
  readonly columns?: number;
}

/** Timers, injectable so tests control time. */
export interface FrameClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): { cancel(): void };
}

export const realFrameClock: FrameClock = {
  now: () => Date.now(),
  setTimeout(fn, ms) {
    const timer = setTimeout(fn, ms);
    // A pending redraw must never keep the process alive on its own.
    timer.unref();
    return { cancel: () => clearTimeout(timer) };
  },
};

const ESC = '\x1b[';
const HIDE_CURSOR = `${ESC}?25l`;
const SHOW_CURSOR = `${ESC}?25h`;
const CLEAR_LINE = `${ESC}2K`;
const CLEAR_BELOW = `${ESC}J`;

export interface LiveRegionOptions {
  /** Minimum time between two frames (default 100 ms: ten frames a second). */
  intervalMs?: number;
  clock?: FrameClock;
}

export class LiveRegion {
  private drawnLines = 0;
  private lastDrawAt = Number.NEGATIVE_INFINITY;
  private pending: { cancel(): void } | undefined;
  private frame: () => string[] = () => [];
  private started = false;
  private closed = false;
  private readonly intervalMs: number;
  private readonly clock: FrameClock;

  constructor(
    private readonly out: TerminalOutput,
    options: LiveRegionOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 100;
    this.clock = options.clock ?? realFrameClock;
  }

  /** Sets what the region shows and schedules a redraw (at most one per interval). */
  update(frame: () => string[]): void {
    if (this.closed) return;
    this.frame = frame;
    if (this.pending) return;
    const wait = this.lastDrawAt + this.intervalMs - this.clock.now();
    if (wait <= 0) this.draw();
    else this.pending = this.clock.setTimeout(() => this.draw(), wait);
  }

  /** Prints lines above the region, which is redrawn below them at once. */
  log(lines: string[]): void {
    if (this.closed) {
      this.out.write(lines.map((l) => `${l}\n`).join(''));
      return;
    }
    this.draw(lines);
  }

  /** Draws the last frame for good and gives the cursor back; the table stays on screen. */
  close(): void {
    if (this.closed) return;
    this.draw();
    this.closed = true;
    if (this.started) this.out.write(SHOW_CURSOR);
  }

  private draw(above: string[] = []): void {
    this.pending?.cancel();
    this.pending = undefined;
    this.lastDrawAt = this.clock.now();
    const width = this.out.columns ?? 120;
    let text = this.started ? '' : HIDE_CURSOR;
    this.started = true;
    // Back to the first line of the previous frame, then overwrite it line by line.
    if (this.drawnLines > 0) text += `\r${ESC}${this.drawnLines}A`;
    const lines = [...above, ...this.frame().map((l) => fit(l, width))];
    for (const line of lines) text += `${CLEAR_LINE}${line}\n`;
    text += CLEAR_BELOW;
    this.drawnLines = lines.length - above.length;
    this.out.write(text);
  }
}

/** One row: line breaks inside become spaces, and it is cut to the width (one column kept free so the cursor never wraps). */
function fit(text: string, width: number): string {
  const line = text.replace(/\s*[\r\n]+\s*/g, ' ');
  const max = Math.max(1, width - 1);
  return visibleLength(line) <= max ? line : `${stripAnsi(line).slice(0, max - 1)}…`;
}

const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

export function visibleLength(text: string): number {
  return stripAnsi(text).length;
}
