import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Backoff, backoffDelay, isRetryable, withRetry, type RetryClock } from '../../src/cluster/retry.js';
import { ClusterError } from '../../src/cluster/types.js';

/** A clock that only moves when slept on, recording every pause. */
function fakeClock(random = 0.5): RetryClock & { sleeps: number[] } {
  let now = 1_000;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    random: () => random,
  };
}

const throttled = (retryAfterMs?: number) => new ClusterError('CLUSTER_SERVER_ERROR', 'slow down', 'c', { status: 429, retryable: true, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });
const serverError = () => new ClusterError('CLUSTER_SERVER_ERROR', 'boom', 'c', { status: 500, retryable: true });

/** An operation failing with the given errors, then returning 'ok'. */
function failing(errors: Error[]): { op: () => Promise<string>; calls: () => number } {
  let calls = 0;
  return {
    op: async () => {
      const error = errors[calls++];
      if (error) throw error;
      return 'ok';
    },
    calls: () => calls,
  };
}

describe('backoffDelay (full jitter)', () => {
  it('draws from [0, min(cap, base·2^n))', () => {
    const policy = { baseDelayMs: 100, maxDelayMs: 1_000 };
    assert.deepEqual([0, 1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy, 0.999)), [99, 199, 399, 799, 999, 999]);
    assert.deepEqual([0, 1, 2].map((n) => backoffDelay(n, policy, 0)), [0, 0, 0]);
    assert.equal(backoffDelay(2, policy, 0.5), 200);
  });
});

describe('withRetry', () => {
  it('retries 5xx with growing jittered delays and returns the eventual result', async () => {
    const clock = fakeClock(0.5);
    const { op, calls } = failing([serverError(), serverError(), serverError()]);
    const retries: number[] = [];
    const result = await withRetry(op, { idempotent: true, clock, policy: { baseDelayMs: 100, maxDelayMs: 1_000 }, onRetry: (_e, n) => retries.push(n) });
    assert.equal(result, 'ok');
    assert.equal(calls(), 4);
    assert.deepEqual(clock.sleeps, [50, 100, 200]);
    assert.deepEqual(retries, [1, 2, 3]);
  });

  it("takes the server's Retry-After as the least delay", async () => {
    const clock = fakeClock(0.5);
    const { op } = failing([throttled(2_000), throttled(10)]);
    await withRetry(op, { idempotent: true, clock, policy: { baseDelayMs: 100, maxDelayMs: 1_000, maxTotalMs: 60_000 } });
    assert.deepEqual(clock.sleeps, [2_000, 100]);
  });

  it('gives up when Retry-After would outlast the time budget', async () => {
    const clock = fakeClock(0.5);
    const { op, calls } = failing([throttled(5_000)]);
    await assert.rejects(withRetry(op, { idempotent: true, clock, policy: { maxTotalMs: 3_000 } }), (e: unknown) => e instanceof ClusterError && e.details.status === 429);
    assert.equal(calls(), 1);
    assert.deepEqual(clock.sleeps, []);
  });

  it('stops after maxAttempts and throws the last error', async () => {
    const clock = fakeClock(0.5);
    const { op, calls } = failing(Array.from({ length: 10 }, serverError));
    await assert.rejects(withRetry(op, { idempotent: true, clock, policy: { maxAttempts: 3, baseDelayMs: 10 } }), /boom/);
    assert.equal(calls(), 3);
    assert.equal(clock.sleeps.length, 2);
  });

  it('stops when the total time budget is spent', async () => {
    const clock = fakeClock(0.999);
    const { op, calls } = failing(Array.from({ length: 10 }, serverError));
    await assert.rejects(withRetry(op, { idempotent: true, clock, policy: { maxAttempts: 10, baseDelayMs: 100, maxDelayMs: 100, maxTotalMs: 250 } }));
    // 99 + 99 fit in 250 ms; a third pause would end at 297.
    assert.deepEqual(clock.sleeps, [99, 99]);
    assert.equal(calls(), 3);
  });

  it('does not retry failures that would fail again (409, 404, 422)', async () => {
    for (const code of ['CLUSTER_CONFLICT', 'CLUSTER_NOT_FOUND', 'CLUSTER_INVALID'] as const) {
      const clock = fakeClock();
      const { op, calls } = failing([new ClusterError(code, 'no', 'c', { status: 409 })]);
      await assert.rejects(withRetry(op, { idempotent: true, clock }));
      assert.equal(calls(), 1, code);
    }
  });

  it('repeats a non-idempotent request only after a 429 (the server refused it unprocessed)', async () => {
    const reset = new ClusterError('CLUSTER_UNREACHABLE', 'reset', 'c', { retryable: true });
    assert.equal(isRetryable(reset, false), false);
    assert.equal(isRetryable(reset, true), true);
    assert.equal(isRetryable(throttled(), false), true);
    assert.equal(isRetryable(serverError(), false), false);
    assert.equal(isRetryable(new Error('plain'), true), false);
    const { op, calls } = failing([serverError()]);
    await assert.rejects(withRetry(op, { idempotent: false, clock: fakeClock() }));
    assert.equal(calls(), 1);
  });
});

describe('Backoff (reconnects)', () => {
  it('grows with equal jitter, never below half the step, and starts over after reset', () => {
    const backoff = new Backoff({ baseDelayMs: 100, maxDelayMs: 400 }, () => 0);
    assert.deepEqual([backoff.next(), backoff.next(), backoff.next(), backoff.next()], [50, 100, 200, 200]);
    backoff.reset();
    assert.equal(backoff.next(), 50);
    const top = new Backoff({ baseDelayMs: 100, maxDelayMs: 400 }, () => 0.999);
    assert.deepEqual([top.next(), top.next()], [99, 199]);
  });
});
