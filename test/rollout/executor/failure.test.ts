import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { manifestsFromYaml } from '../../../src/rollout/change/manifests.js';
import { executeRollout } from '../../../src/rollout/executor/index.js';
import { app, Harness } from './harness.js';

/** Deploys web:1 everywhere (the rollback point), then sets web:2 as desired with `bad` clusters getting a broken image. */
async function deployedV1(clusters: string[], bad: string[] = []): Promise<Harness> {
  const h = new Harness(clusters);
  h.setDesired(app('web:1'));
  const first = await executeRollout(h.plan([{ clusters, parallelism: clusters.length }]), h.deps());
  assert.equal(first.state, 'succeeded');
  h.events.length = 0;
  h.setDesired(app('web:2', { config: 'v2' }));
  h.setDesired(app('web:doesnotexist', { config: 'v2' }), bad);
  return h;
}

describe('executeRollout: failures', () => {
  let h: Harness;
  afterEach(() => h.stop());

  it('fails fast on a verdict that will not fix itself, long before the timeout', async () => {
    h = await deployedV1(['a'], ['a']);
    const started = Date.now();
    const outcome = await executeRollout(h.plan([{ clusters: ['a'], healthTimeoutSeconds: 30 }]), h.deps());
    assert.ok(Date.now() - started < 5_000, 'well before the 30 s timeout');
    const failed = h.ofType('step-failed')[0]!;
    assert.equal(failed.code, 'HEALTH_FAILED');
    assert.equal(failed.failFast, true);
    assert.equal(failed.object, 'Deployment/shop/web');
    assert.match(failed.reason, /ImagePullBackOff/);
    assert.equal(outcome.state, 'rolled-back');
  });

  it('times out a step that never becomes healthy', async () => {
    h = await deployedV1(['a']);
    h.fake('a').workload.readyAfterMs = 60_000;
    h.onEvent = (e) => {
      if (e.type === 'step-failed') h.fake('a').workload.readyAfterMs = 5;
    };
    const outcome = await executeRollout(h.plan([{ clusters: ['a'], healthTimeoutSeconds: 0.3 }]), h.deps());
    const failed = h.ofType('step-failed')[0]!;
    assert.equal(failed.code, 'HEALTH_TIMEOUT');
    assert.equal(failed.failFast, false);
    assert.match(failed.reason, /not healthy after 0.3s: Deployment\/shop\/web/);
    assert.equal(outcome.state, 'rolled-back');
  });

  it('halts the wave and rolls back only the failed wave under failed-wave', async () => {
    h = await deployedV1(['a', 'b', 'c'], ['b']);
    const plan = h.plan([{ clusters: ['a'] }, { clusters: ['b', 'c'], parallelism: 1 }]);
    const writesOnC = h.fake('c').writes;
    const outcome = await executeRollout(plan, h.deps());

    assert.equal(outcome.state, 'rolled-back');
    assert.match(outcome.reason!, /ImagePullBackOff.*rolled back b/);
    assert.deepEqual(outcome.failures.map((f) => [f.cluster, f.code]), [['b', 'HEALTH_FAILED']]);
    assert.deepEqual(outcome.rollbacks, [{ cluster: 'b', result: 'restored' }]);
    assert.deepEqual(h.journal.steps(plan.id).map((s) => [s.cluster, s.state]), [['a', 'succeeded'], ['b', 'rolled-back'], ['c', 'skipped']]);
    assert.ok(h.types().includes('step-skipped:c'));
    assert.equal(h.fake('c').writes, writesOnC, 'c never saw the new rollout');
    assert.equal(h.image('a'), 'web:2', 'the completed wave keeps the new version');
    assert.equal(h.image('b'), 'web:1');
    assert.equal(h.journal.lastGood('b')!.rolloutId, 'r-test-1', 'the rollback point is untouched');
    assertLiveIsLastGood(h, 'b');
    assert.equal(h.journal.rollout(plan.id)!.state, 'rolled-back');
  });

  it('rolls back every completed wave under all-waves, keeping their rollback point', async () => {
    h = await deployedV1(['a', 'b'], ['b']);
    const plan = h.plan([{ clusters: ['a'] }, { clusters: ['b'] }], { policy: 'all-waves' });
    const outcome = await executeRollout(plan, h.deps());

    assert.equal(outcome.state, 'rolled-back');
    assert.deepEqual(outcome.rollbacks.map((r) => [r.cluster, r.result]).sort(), [['a', 'restored'], ['b', 'restored']]);
    for (const c of ['a', 'b']) {
      assert.equal(h.image(c), 'web:1');
      assert.equal(h.journal.lastGood(c)!.rolloutId, 'r-test-1');
      assertLiveIsLastGood(h, c);
    }
    assert.deepEqual(h.ofType('rollback-started')[0]!.clusters, ['b', 'a']);
  });

  it('leaves a cluster without a rollback point as it is and fails the rollout', async () => {
    h = new Harness(['a']);
    h.setDesired(app('web:doesnotexist'));
    const outcome = await executeRollout(h.plan([{ clusters: ['a'] }]), h.deps());
    assert.equal(outcome.state, 'failed');
    assert.deepEqual(outcome.rollbacks, [{ cluster: 'a', result: 'no-rollback-point', reason: 'a has no last-good manifests (first deploy); left as it is' }]);
    assert.match(outcome.reason!, /first deploy/);
    assert.equal(h.image('a'), 'web:doesnotexist');
  });

  it('fails the wave when a cluster regresses during the bake', async () => {
    h = await deployedV1(['a']);
    h.onEvent = (e) => {
      if (e.type === 'wave-baking') setTimeout(() => h.fake('a').crash('shop', 'web'), 5);
    };
    const outcome = await executeRollout(h.plan([{ clusters: ['a'], bakeSeconds: 5 }]), h.deps());
    const failed = h.ofType('step-failed')[0]!;
    assert.equal(failed.code, 'HEALTH_REGRESSED');
    assert.match(failed.reason, /regressed during the bake.*CrashLoopBackOff/);
    assert.equal(outcome.state, 'rolled-back');
    assert.equal(h.image('a'), 'web:1');
  });

  it('fails an unreachable cluster with CLUSTER_UNREACHABLE and rolls back only the reachable ones', async () => {
    h = await deployedV1(['a', 'b']);
    h.fake('b').workload.readyAfterMs = 60_000;
    h.onEvent = (e) => {
      // While its watches are open: they break, and re-connecting fails until the step's budget is spent.
      if (e.type === 'step-progress' && e.cluster === 'b') h.fake('b').unreachable();
    };
    const started = Date.now();
    const outcome = await executeRollout(h.plan([{ clusters: ['a', 'b'], parallelism: 2, healthTimeoutSeconds: 0.5 }]), h.deps());
    assert.equal(outcome.state, 'failed');
    assert.deepEqual(outcome.failures.map((f) => [f.cluster, f.code]), [['b', 'CLUSTER_UNREACHABLE']]);
    assert.match(outcome.failures[0]!.reason, /unreachable for the step's 0.5s budget: b: cannot reach the API server/);
    assert.ok(Date.now() - started >= 450, 'after the budget, not at the first broken watch');
    const byCluster = Object.fromEntries(outcome.rollbacks.map((r) => [r.cluster, r.result]));
    assert.deepEqual(byCluster, { a: 'restored', b: 'failed' });
    assert.match(outcome.reason!, /rollback of b failed: b is unreachable/);
    assert.equal(h.image('a'), 'web:1');
  });
});

function assertLiveIsLastGood(h: Harness, cluster: string): void {
  const lastGood = manifestsFromYaml(h.journal.lastGood(cluster)!.manifests);
  assert.deepEqual(h.liveKeys(cluster), lastGood.map((o) => `${o.kind}/${o.metadata.name}`).sort());
  const config = h.fake(cluster).object('v1', 'ConfigMap', 'web-config', 'shop')!;
  assert.deepEqual(config.data, lastGood.find((o) => o.kind === 'ConfigMap')!.data);
}
