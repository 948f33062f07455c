/**
 * Retries with exponential backoff and full jitter (delay = random × min(cap,
 * base × 2^n)), so a fleet of clients hitting one throttled API server spreads
 * out instead of retrying in lockstep. Only requests that are safe to repeat
 * are retried: reads, deletes and server-side apply (applying the same
 * configuration twice yields the same object). Time, sleep and randomness are
 * injected so tests can check the exact delays.
 */
import { ClusterError } from './types.js';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Give up when the next attempt would start later than this after the first. */
  maxTotalMs: number;
  /** Per request; a request that takes longer is aborted and counts as a timeout. */
  timeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 5_000, maxTotalMs: 30_000, timeoutMs: 30_000 };

export interface RetryClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** In [0, 1). */
  random(): number;
}

export const systemClock: RetryClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
};

export interface RetryOptions {
  policy?: Partial<RetryPolicy>;
  clock?: RetryClock;
  /** False for requests that must not be repeated once sent (only a 429 refusal is retried then). */
  idempotent: boolean;
  onRetry?: (error: ClusterError, attempt: number, delayMs: number) => void;
}

/** Full-jitter delay before retry number `retry` (0 for the first retry). */
export function backoffDelay(retry: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>, random: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.floor(random * ceiling);
}

/** Whether a failure may go away if the same request is sent again. */
export function isRetryable(error: unknown, idempotent: boolean): error is ClusterError {
  if (!(error instanceof ClusterError)) return false;
  if (!idempotent) return error.details.status === 429;
  return error.details.retryable === true;
}

/**
 * Runs `attempt` until it succeeds, fails for good, or the attempt or time
 * budget is spent; then throws the last error. A server's Retry-After is a
 * floor for the delay; when it would outlast the time budget, give up now.
 */
export async function withRetry<T>(attempt: (n: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.policy };
  const clock = options.clock ?? systemClock;
  const started = clock.now();
  for (let n = 0; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (!isRetryable(error, options.idempotent) || n + 1 >= policy.maxAttempts) throw error;
      const delay = Math.max(backoffDelay(n, policy, clock.random()), error.details.retryAfterMs ?? 0);
      if (clock.now() + delay - started > policy.maxTotalMs) throw error;
      options.onRetry?.(error, n + 1, delay);
      await clock.sleep(delay);
    }
  }
}

/**
 * Successive delays for a loop that reconnects (watches): grows on failure,
 * starts over after a success. Half the delay is fixed ("equal jitter") so a
 * server that drops every connection at once is never hammered in a tight loop.
 */
export class Backoff {
  private failures = 0;
  constructor(
    private readonly policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>,
    private readonly random: () => number = Math.random,
  ) {}

  next(): number {
    const ceiling = Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** this.failures++);
    return Math.floor(ceiling / 2 + (this.random() * ceiling) / 2);
  }

  reset(): void {
    this.failures = 0;
  }
}
