import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { manifestsFromYaml } from '../../../src/rollout/change/manifests.js';
import { executeRollout } from '../../../src/rollout/executor/index.js';
import { app, Harness } from './harness.js';

describe('executeRollout: the happy path', () => {
  let h: Harness;
  afterEach(() => h.stop());

  it('runs waves in order, journals every step and records last-good per wave', async () => {
    h = new Harness(['a', 'b', 'c']);
    h.setDesired(app('web:1'));
    const plan = h.plan([{ clusters: ['a'], bakeSeconds: 0.02 }, { clusters: ['b', 'c'], parallelism: 2, bakeSeconds: 0.02 }]);
    const lastGoodWhenWave1Started: (string | undefined)[] = [];
    h.onEvent = (e) => {
      if (e.type === 'wave-started' && e.wave === 1) lastGoodWhenWave1Started.push(h.journal.lastGood('a')?.rolloutId, h.journal.lastGood('b')?.rolloutId);
    };

    const outcome = await executeRollout(plan, h.deps());

    assert.equal(outcome.state, 'succeeded');
    assert.deepEqual(outcome.failures, []);
    assert.deepEqual(
      h.types((e) => !('cluster' in e) || e.cluster === 'a'),
      ['rollout-started', 'wave-started', 'step-started:a', 'step-applied:a', 'step-healthy:a', 'wave-baking', 'wave-finished', 'wave-started', 'wave-baking', 'wave-finished', 'rollout-finished'],
    );
    // b and c ran in parallel within wave 1, each in its own order.
    for (const c of ['b', 'c']) assert.deepEqual(h.types((e) => 'cluster' in e && e.cluster === c), [`step-started:${c}`, `step-applied:${c}`, `step-healthy:${c}`]);
    assert.deepEqual(lastGoodWhenWave1Started, [plan.id, undefined], 'wave 0 became last-good before wave 1 started');
    assert.deepEqual(h.journal.steps(plan.id).map((s) => [s.cluster, s.state, s.applied]), [['a', 'succeeded', 3], ['b', 'succeeded', 3], ['c', 'succeeded', 3]]);
    assert.equal(h.journal.rollout(plan.id)?.state, 'succeeded');
    for (const c of ['a', 'b', 'c']) {
      assert.equal(h.image(c), 'web:1');
      const lastGood = h.journal.lastGood(c)!;
      assert.equal(lastGood.rolloutId, plan.id);
      assert.deepEqual(manifestsFromYaml(lastGood.manifests), h.desired.get(c));
    }
    assert.deepEqual(h.journal.locks(), [], 'locks released at the end');
    const applied = h.ofType('step-applied').find((e) => e.cluster === 'a')!;
    assert.deepEqual([applied.created, applied.configured, applied.unchanged, applied.pruned], [3, 0, 0, 0]);
    const progress = h.ofType('step-progress').filter((e) => e.cluster === 'a');
    assert.ok(progress.length > 0);
    assert.deepEqual(progress.at(-1)!.pending, []);
    assert.equal(progress.at(-1)!.ready, 2);
    assert.equal(outcome.waves.length, 2);
    assert.ok(outcome.waves[1]!.clusterReadyMs.b! >= 0);
  });

  it('skips unchanged objects, prunes removed ones, and reports the counts', async () => {
    h = new Harness(['a']);
    h.setDesired([...app('web:1'), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'old', namespace: 'shop' }, data: {} }]);
    await executeRollout(h.plan([{ clusters: ['a'] }]), h.deps());
    const writesBefore = h.fake('a').writes;

    h.setDesired(app('web:2'));
    const outcome = await executeRollout(h.plan([{ clusters: ['a'] }]), h.deps());

    assert.equal(outcome.state, 'succeeded');
    const applied = h.ofType('step-applied').at(-1)!;
    assert.deepEqual([applied.created, applied.configured, applied.unchanged, applied.pruned], [0, 1, 2, 1]);
    assert.equal(h.fake('a').writes - writesBefore, applied.writes);
    assert.deepEqual(h.liveKeys('a'), ['ConfigMap/web-config', 'Deployment/web', 'Namespace/shop']);
    assert.equal(h.image('a'), 'web:2');
  });

  it('refuses a plan under a freeze, before writing anything', async () => {
    h = new Harness(['a']);
    h.setDesired(app('web:1'));
    const plan = h.plan([{ clusters: ['a'] }], { freeze: { reason: 'holiday season', until: '2025-01-02' } });
    await assert.rejects(executeRollout(plan, h.deps()), { code: 'ROLLOUT_FROZEN', message: /holiday season/ });
    assert.equal(h.journal.rollout(plan.id), undefined);
    assert.equal(h.fake('a').writes, 0);
  });
});
