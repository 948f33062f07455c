/**
 * Pause and abort arrive through the journal (`rollout pause|resume|abort`
 * from another process writes `control`). The monitor reads it every
 * `controlPollMs` in the background and at every stage boundary, so a request
 * takes effect within one poll, while the hot path never waits on the poll.
 */
import type { RolloutEventBody } from '../events.js';
import type { ControlRequest, Journal } from '../journal/types.js';
import type { Clock } from './types.js';

export interface ControlMonitorOptions {
  journal: Journal;
  rolloutId: string;
  clock: Clock;
  pollMs: number;
  emit(body: RolloutEventBody): void;
  /** Ctrl-C or a test: stop everything, leave the rollout resumable. */
  stop?: AbortSignal;
}

export class ControlMonitor {
  /** Fires when an abort is requested (reason `abort`) or `stop` fires (reason `stop`). */
  readonly cancel: AbortSignal;
  private readonly cancelController = new AbortController();
  private readonly polling = new AbortController();
  private request: ControlRequest = 'none';
  private pausedNow = false;
  private wakers = new Set<() => void>();

  constructor(private readonly options: ControlMonitorOptions) {
    this.cancel = this.cancelController.signal;
    const stop = options.stop;
    if (stop) {
      if (stop.aborted) this.cancelController.abort('stop');
      else stop.addEventListener('abort', () => this.fire('stop'), { once: true });
    }
  }

  get paused(): boolean {
    return this.pausedNow;
  }

  get abortRequested(): boolean {
    return this.request === 'abort';
  }

  get stopped(): boolean {
    return this.options.stop?.aborted === true;
  }

  /** Starts background polling (until `close`). */
  start(): this {
    void this.poll();
    return this;
  }

  close(): void {
    this.polling.abort();
    this.wake();
  }

  /** Reads the journal now and acts on a change: journals and announces pause/resume, fires cancel on abort. */
  refresh(): ControlRequest {
    if (this.polling.signal.aborted) return this.request;
    const record = this.options.journal.rollout(this.options.rolloutId);
    const request = record?.control ?? 'none';
    this.request = request;
    if (request === 'abort') this.fire('abort');
    if (request === 'pause' && !this.pausedNow) this.setPaused(true);
    if (request !== 'pause' && this.pausedNow) this.setPaused(false);
    return request;
  }

  /** Resolves once not paused (or when cancelled: callers check `cancel` next). */
  async whilePaused(): Promise<void> {
    this.refresh();
    while (this.pausedNow && !this.cancel.aborted && !this.polling.signal.aborted) {
      await new Promise<void>((resolve) => this.wakers.add(resolve));
    }
  }

  private setPaused(paused: boolean): void {
    this.pausedNow = paused;
    const at = this.options.clock.now().toISOString();
    this.options.journal.setRolloutState(this.options.rolloutId, paused ? 'paused' : 'running', at);
    this.options.emit({ type: paused ? 'rollout-paused' : 'rollout-resumed' });
    if (!paused) this.wake();
  }

  private fire(reason: 'abort' | 'stop'): void {
    if (!this.cancel.aborted) this.cancelController.abort(reason);
    this.wake();
  }

  private wake(): void {
    const wakers = [...this.wakers];
    this.wakers.clear();
    for (const resolve of wakers) resolve();
  }

  private async poll(): Promise<void> {
    const signal = this.polling.signal;
    while (!signal.aborted && !this.cancel.aborted) {
      await this.options.clock.sleep(this.options.pollMs, signal);
      if (signal.aborted || this.cancel.aborted) return;
      try {
        this.refresh();
      } catch {
        // A busy or briefly locked journal: read again at the next poll.
      }
    }
  }
}
