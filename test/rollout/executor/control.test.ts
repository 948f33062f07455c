import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { executeRollout, resumeRollout, rollbackRollout } from '../../../src/rollout/executor/index.js';
import { app, Harness } from './harness.js';

describe('executeRollout: pause, abort, locks', () => {
  let h: Harness;
  afterEach(() => h.stop());

  it('pauses between waves until control goes back to none', async () => {
    h = new Harness(['a', 'b']);
    h.setDesired(app('web:1'));
    const plan = h.plan([{ clusters: ['a'] }, { clusters: ['b'] }]);
    let stateWhilePaused: string | undefined;
    h.onEvent = (e) => {
      if (e.type === 'wave-finished' && e.wave === 0) h.journal.requestControl(plan.id, 'pause');
      if (e.type === 'rollout-paused') {
        setTimeout(() => {
          stateWhilePaused = h.journal.rollout(plan.id)!.state;
          h.journal.requestControl(plan.id, 'none');
        }, 50);
      }
    };
    const outcome = await executeRollout(plan, h.deps());
    assert.equal(outcome.state, 'succeeded');
    assert.equal(stateWhilePaused, 'paused');
    const order = h.types();
    assert.ok(order.indexOf('rollout-paused') < order.indexOf('rollout-resumed'));
    assert.ok(order.indexOf('rollout-resumed') < order.indexOf('step-started:b'), 'nothing new started while paused');
  });

  it('returns when paused (returnWhenPaused) and resumeRollout finishes the rest', async () => {
    h = new Harness(['a', 'b']);
    h.setDesired(app('web:1'));
    const plan = h.plan([{ clusters: ['a'] }, { clusters: ['b'] }]);
    h.onEvent = (e) => {
      if (e.type === 'step-healthy' && e.cluster === 'a') h.journal.requestControl(plan.id, 'pause');
    };
    const paused = await executeRollout(plan, h.deps({ returnWhenPaused: true }));
    assert.equal(paused.state, 'paused');
    assert.equal(h.journal.rollout(plan.id)!.state, 'paused');
    assert.equal(h.fake('b').writes, 0);

    h.onEvent = () => undefined;
    const resumed = await resumeRollout(plan.id, h.deps());
    assert.equal(resumed.state, 'succeeded');
    assert.equal(h.journal.rollout(plan.id)!.control, 'none');
    assert.equal(h.image('b'), 'web:1');
  });

  it('aborts: stops the step in flight and rolls back what the rollout touched', async () => {
    h = new Harness(['a', 'b']);
    h.setDesired(app('web:1'));
    await executeRollout(h.plan([{ clusters: ['a', 'b'], parallelism: 2 }]), h.deps());
    h.setDesired(app('web:2'));
    h.fake('b').workload.readyAfterMs = 60_000;
    const plan = h.plan([{ clusters: ['a'] }, { clusters: ['b'], healthTimeoutSeconds: 30 }], { policy: 'all-waves' });
    h.onEvent = (e) => {
      if (e.type === 'step-applied' && e.cluster === 'b') {
        h.fake('b').workload.readyAfterMs = 5;
        h.journal.requestControl(plan.id, 'abort');
      }
    };
    const started = Date.now();
    const outcome = await executeRollout(plan, h.deps());
    assert.ok(Date.now() - started < 5_000);
    assert.equal(outcome.state, 'aborted');
    assert.match(outcome.reason!, /aborted by request — rolled back b, a/);
    assert.deepEqual(h.journal.steps(plan.id).map((s) => [s.cluster, s.state]), [['a', 'rolled-back'], ['b', 'rolled-back']]);
    assert.equal(h.image('a'), 'web:1');
    assert.equal(h.image('b'), 'web:1');
  });

  it('refuses to start while another live rollout holds a cluster, naming it', async () => {
    h = new Harness(['a', 'b']);
    h.setDesired(app('web:1'));
    h.journal.acquireLock('b', 'r-other', '4242@elsewhere', '2025-01-01T00:00:00.000Z');
    const plan = h.plan([{ clusters: ['a'] }, { clusters: ['b'] }]);
    await assert.rejects(executeRollout(plan, h.deps()), (error: Error & { code?: string; details?: { lock?: { rolloutId: string } } }) => {
      assert.equal(error.code, 'ROLLOUT_LOCKED');
      assert.match(error.message, /b is locked by rollout r-other \(pid 4242@elsewhere/);
      assert.equal(error.details?.lock?.rolloutId, 'r-other');
      return true;
    });
    assert.equal(h.journal.rollout(plan.id), undefined, 'no rollout recorded');
    assert.deepEqual(h.journal.locks().map((l) => l.cluster), ['b'], 'the lock taken on a was given back');
    assert.equal(h.fake('a').writes, 0);
  });

  it('rolls back a finished rollout by request', async () => {
    h = new Harness(['a']);
    h.setDesired(app('web:1'));
    await executeRollout(h.plan([{ clusters: ['a'] }]), h.deps());
    h.setDesired(app('web:2'));
    const second = h.plan([{ clusters: ['a'] }]);
    await executeRollout(second, h.deps());
    assert.equal(h.image('a'), 'web:2');

    h.setDesired(app('web:3'));
    const third = h.plan([{ clusters: ['a'] }]);
    await executeRollout(third, h.deps());
    await assert.rejects(rollbackRollout(second.id, h.deps()), { code: 'ROLLOUT_SUPERSEDED', message: /superseded on a \(by r-test-3\)/ });
    assert.equal(h.journal.rollout(second.id)!.state, 'succeeded', 'a refusal changes nothing');

    const outcome = await rollbackRollout(third.id, h.deps());
    assert.equal(outcome.state, 'rolled-back');
    assert.equal(h.image('a'), 'web:2');
    assert.equal(h.journal.lastGood('a')!.rolloutId, second.id, 'what runs now is the rollback point again');
    assert.equal(h.journal.rollout(third.id)!.state, 'rolled-back');
  });
});
