/**
 * Waiting for a step's objects to become Current. Reacts to every watch event
 * (the observer's subscription), so the step ends the moment the last pod of
 * the new revision is ready; the only timers are the deadline and a slow
 * re-check for verdicts that change with time alone (Unschedulable for long).
 */
import type { StepProgress } from '../events.js';
import { StepFailedError, StepStoppedError, type StopCause } from './errors.js';
import type { ClusterObserver, HealthSnapshot } from './observe.js';
import type { Clock } from './types.js';

/** Verdicts that depend on elapsed time are re-checked this often even without events. */
const RECHECK_MS = 1_000;

export interface WaitOptions {
  wave: number;
  cluster: string;
  /** Epoch ms after which the step fails (HEALTH_TIMEOUT, or CLUSTER_UNREACHABLE while watches are down). */
  deadline: number;
  timeoutSeconds: number;
  clock: Clock;
  /** Aborts the wait; `reason` (a StopCause) says why. */
  signal: AbortSignal;
  onProgress(progress: Pick<StepProgress, 'updated' | 'ready' | 'desired' | 'pending'>): void;
}

export function waitUntilHealthy(observer: ClusterObserver, options: WaitOptions): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const ticker = new AbortController();
    let lastProgress = '';
    let settled = false;
    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      unsubscribe();
      ticker.abort();
      options.signal.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve();
    };
    const judge = (snapshot: HealthSnapshot): void => {
      const progress = { updated: snapshot.updated, ready: snapshot.ready, desired: snapshot.desired, pending: snapshot.pending };
      const text = JSON.stringify(progress);
      if (text !== lastProgress) {
        lastProgress = text;
        options.onProgress(progress);
      }
      if (snapshot.failedFast) return finish(healthFailure(snapshot, options));
      if (snapshot.allCurrent) return finish();
      if (options.clock.now().getTime() >= options.deadline) finish(timeoutFailure(snapshot, options));
    };
    const onAbort = (): void => finish(new StepStoppedError((options.signal.reason as StopCause) ?? 'stop'));
    const unsubscribe = observer.subscribe(judge);
    if (options.signal.aborted) return onAbort();
    options.signal.addEventListener('abort', onAbort, { once: true });
    judge(observer.snapshot());
    void tick(observer, options, ticker.signal, judge);
  });
}

/** Wakes at the deadline and every RECHECK_MS, without holding up the event-driven path. */
async function tick(observer: ClusterObserver, options: WaitOptions, signal: AbortSignal, judge: (s: HealthSnapshot) => void): Promise<void> {
  while (!signal.aborted) {
    const left = options.deadline - options.clock.now().getTime();
    await options.clock.sleep(Math.max(0, Math.min(RECHECK_MS, left)), signal);
    if (!signal.aborted) judge(observer.snapshot());
  }
}

export function healthFailure(snapshot: HealthSnapshot, options: { wave: number; cluster: string }): StepFailedError {
  const culprit = snapshot.failedFast ?? snapshot.verdicts.find((v) => v.verdict.status === 'Failed' || v.verdict.status === 'NotFound');
  const label = culprit?.label ?? '?';
  const verdict = culprit?.verdict;
  return new StepFailedError({
    wave: options.wave,
    cluster: options.cluster,
    code: 'HEALTH_FAILED',
    reason: `${options.cluster}: ${label}: ${describeVerdict(verdict)}`,
    object: label,
    failFast: true,
  });
}

function timeoutFailure(snapshot: HealthSnapshot, options: WaitOptions): StepFailedError {
  if (snapshot.disconnectedSince !== undefined) {
    const cause = snapshot.lastError instanceof Error ? `: ${snapshot.lastError.message}` : '';
    return new StepFailedError({
      wave: options.wave,
      cluster: options.cluster,
      code: 'CLUSTER_UNREACHABLE',
      reason: `${options.cluster}: unreachable for the step's ${options.timeoutSeconds}s budget${cause}`,
      failFast: false,
    });
  }
  const pending = snapshot.pending.slice(0, 5).join('; ');
  const more = snapshot.pending.length > 5 ? ` (and ${snapshot.pending.length - 5} more)` : '';
  const first = snapshot.verdicts.find((v) => v.verdict.status !== 'Current');
  return new StepFailedError({
    wave: options.wave,
    cluster: options.cluster,
    code: 'HEALTH_TIMEOUT',
    reason: `${options.cluster}: not healthy after ${options.timeoutSeconds}s: ${pending}${more}`,
    ...(first ? { object: first.label } : {}),
    failFast: false,
  });
}

/** `reason: message`, without saying the reason twice when the message starts with it or names it. */
export function describeVerdict(verdict: { reason: string; message: string } | undefined): string {
  if (!verdict) return 'Failed';
  if (!verdict.message) return verdict.reason;
  return verdict.message.includes(verdict.reason) ? verdict.message : `${verdict.reason}: ${verdict.message}`;
}
