import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { executeRollout, resumeRollout } from '../../../src/rollout/executor/index.js';
import type { RolloutEvent } from '../../../src/rollout/events.js';
import { app, Harness } from './harness.js';

/** Stops the executor (as a killed process would stop) at the first event that matches. */
function stopAt(h: Harness, match: (e: RolloutEvent) => boolean): AbortController {
  const stop = new AbortController();
  h.onEvent = (e) => {
    if (!stop.signal.aborted && match(e)) stop.abort();
  };
  return stop;
}

describe('resumeRollout', () => {
  let h: Harness;
  afterEach(() => h.stop());

  it('skips finished waves without writing to their clusters again', async () => {
    h = new Harness(['a', 'b']);
    h.setDesired(app('web:1'));
    const plan = h.plan([{ clusters: ['a'] }, { clusters: ['b'] }]);
    const stop = stopAt(h, (e) => e.type === 'wave-finished' && e.wave === 0);
    const first = await executeRollout(plan, h.deps({}, { signal: stop.signal }));
    assert.equal(first.state, 'running', 'left resumable');
    assert.equal(h.fake('b').writes, 0);
    const writesOnA = h.fake('a').writes;

    h.onEvent = () => undefined;
    h.events.length = 0;
    const outcome = await resumeRollout(plan.id, h.deps());
    assert.equal(outcome.state, 'succeeded');
    assert.equal(h.fake('a').writes, writesOnA, 'a was not written again');
    assert.deepEqual(h.types().slice(0, 3), ['rollout-started', 'step-skipped:a', 'wave-started']);
    assert.equal(h.ofType('rollout-started')[0]!.resumed, true);
    assert.equal(h.image('b'), 'web:1');
  });

  it('re-enters an interrupted step: applied objects are not sent again, then it waits for health', async () => {
    h = new Harness(['a']);
    h.setDesired(app('web:1'));
    const plan = h.plan([{ clusters: ['a'] }]);
    const stop = stopAt(h, (e) => e.type === 'step-applied');
    h.fake('a').workload.readyAfterMs = 200;
    await executeRollout(plan, h.deps({}, { signal: stop.signal }));
    assert.equal(h.journal.steps(plan.id)[0]!.state, 'waiting');
    const writes = h.fake('a').writes;

    h.onEvent = () => undefined;
    const outcome = await resumeRollout(plan.id, h.deps());
    assert.equal(outcome.state, 'succeeded');
    assert.equal(h.fake('a').writes, writes, 'no write on resume');
    const applied = h.ofType('step-applied').at(-1)!;
    assert.deepEqual([applied.created, applied.configured, applied.unchanged, applied.writes], [0, 0, 3, 0]);
  });

  it('after a stop in the middle of an apply, sends only the objects not yet written', async () => {
    h = new Harness(['a']);
    h.setDesired(app('web:1'));
    const plan = h.plan([{ clusters: ['a'] }]);
    const stop = new AbortController();
    let applies = 0;
    h.fake('a').failApply = () => {
      // The parent, then the Namespace: the process dies right after the second write.
      if (++applies === 2) stop.abort();
      return undefined;
    };
    const first = await executeRollout(plan, h.deps({}, { signal: stop.signal }));
    assert.equal(first.state, 'running');
    assert.deepEqual(h.fake('a').applied, ['/Secret/kube-system/applyset-harbormaster', '/Namespace//shop']);

    h.fake('a').failApply = undefined;
    const outcome = await resumeRollout(plan.id, h.deps());
    assert.equal(outcome.state, 'succeeded');
    assert.deepEqual(h.fake('a').applied.slice(2), ['/ConfigMap/shop/web-config', 'apps/Deployment/shop/web'], 'each object written once');
  });

  it('keeps the previous rollout as the rollback point and rolls back to it after resume', async () => {
    h = new Harness(['a', 'b']);
    h.setDesired(app('web:1'));
    await executeRollout(h.plan([{ clusters: ['a', 'b'], parallelism: 2 }]), h.deps());
    h.setDesired(app('web:2'), ['a']);
    h.setDesired(app('web:doesnotexist'), ['b']);
    const plan = h.plan([{ clusters: ['a', 'b'], parallelism: 1 }]);
    const stop = stopAt(h, (e) => e.type === 'step-healthy' && e.cluster === 'a');
    await executeRollout(plan, h.deps({}, { signal: stop.signal }));
    assert.equal(h.journal.lastGood('a')!.rolloutId, 'r-test-1');

    h.onEvent = () => undefined;
    const outcome = await resumeRollout(plan.id, h.deps());
    assert.equal(outcome.state, 'rolled-back');
    assert.equal(h.image('a'), 'web:1');
    assert.equal(h.image('b'), 'web:1');
  });

  it('honours an abort requested while no process ran it', async () => {
    h = new Harness(['a']);
    h.setDesired(app('web:1'));
    await executeRollout(h.plan([{ clusters: ['a'] }]), h.deps());
    h.setDesired(app('web:2'));
    const plan = h.plan([{ clusters: ['a'] }]);
    const stop = stopAt(h, (e) => e.type === 'step-applied');
    h.fake('a').workload.readyAfterMs = 100;
    await executeRollout(plan, h.deps({}, { signal: stop.signal }));
    h.journal.requestControl(plan.id, 'abort');

    h.onEvent = () => undefined;
    const outcome = await resumeRollout(plan.id, h.deps());
    assert.equal(outcome.state, 'aborted');
    assert.equal(h.image('a'), 'web:1');
  });

  it('refuses a finished rollout, and one whose process still holds the lock', async () => {
    h = new Harness(['a']);
    h.setDesired(app('web:1'));
    const done = h.plan([{ clusters: ['a'] }]);
    await executeRollout(done, h.deps());
    await assert.rejects(resumeRollout(done.id, h.deps()), { code: 'ROLLOUT_NOT_RESUMABLE' });
    await assert.rejects(resumeRollout('r-nope', h.deps()), { code: 'ROLLOUT_NOT_FOUND' });

    const running = h.plan([{ clusters: ['a'] }]);
    const stop = stopAt(h, (e) => e.type === 'step-started');
    await executeRollout(running, h.deps({ holder: '111@host' }, { signal: stop.signal }));
    await assert.rejects(resumeRollout(running.id, h.deps({ holder: '222@host' })), { code: 'ROLLOUT_LOCKED', message: /pid 111@host/ });
  });
});
