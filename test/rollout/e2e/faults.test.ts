import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import type { KubeObject } from '../../../src/cluster/types.js';
import { executeRollout, rollbackRollout } from '../../../src/rollout/executor/index.js';
import type { RolloutPlan } from '../../../src/rollout/plan/types.js';
import { app } from '../executor/harness.js';
import { E2E } from './fleet-harness.js';
import { testCrd } from '../../harness/crd.js';

const CLUSTERS = ['a', 'b', 'c'];

/**
 * v2 changes the image and the config, and adds a ConfigMap (which a rollback
 * must prune). Faults come from the image tag: `doesnotexist` never pulls,
 * `crash` crash-loops, `slow` takes slowReadinessMs to get ready.
 */
function v2(image = 'web:2'): KubeObject[] {
  return [...app(image, { config: 'v2' }), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'added-in-v2', namespace: 'shop' }, data: { x: '1' } }];
}

/** A fleet running v1 everywhere (recorded as last-good), and a two-wave plan for v2 with `fault` on cluster b. */
async function fleetOnV1(fault: KubeObject[]): Promise<{ e: E2E; plan: RolloutPlan }> {
  const e = await E2E.start(CLUSTERS);
  e.setDesired(app('web:1'));
  const first = await executeRollout(e.plan([{ clusters: CLUSTERS, parallelism: 3 }]), e.deps());
  assert.equal(first.state, 'succeeded', first.reason);
  e.events.length = 0;
  e.setDesired(v2());
  e.setDesired(fault, ['b']);
  return { e, plan: e.plan([{ clusters: ['a'] }, { clusters: ['b', 'c'], parallelism: 2, healthTimeoutSeconds: 3 }]) };
}

/** Halted, rolled back to last-good: every live member of the failed wave is exactly the last-good set. */
function assertRolledBack(e: E2E, clusters: string[]): void {
  for (const c of clusters) {
    assert.equal(e.journal.lastGood(c)!.rolloutId, 'r-e2e-1', `${c}: the rollback point is the previous rollout`);
    assert.deepEqual(e.liveSummary(c), e.lastGoodSummary(c), `${c}: live set == last-good set`);
  }
}

describe('e2e: faults against the simulated fleet', () => {
  let e: E2E;
  afterEach(() => e.stop());

  for (const [name, fault, reason] of [
    ['a bad image (ImagePullBackOff)', v2('web:doesnotexist'), /ImagePullBackOff|ErrImagePull/],
    ['a crashing container (CrashLoopBackOff)', v2('web:crash'), /CrashLoopBackOff/],
  ] as const) {
    it(`halts and rolls back the failed wave on ${name}`, async () => {
      let plan: RolloutPlan;
      ({ e, plan } = await fleetOnV1(fault));
      const outcome = await executeRollout(plan, e.deps());
      assert.equal(outcome.state, 'rolled-back', outcome.reason);
      const failure = outcome.failures[0]!;
      assert.deepEqual([failure.cluster, failure.code, failure.failFast, failure.object], ['b', 'HEALTH_FAILED', true, 'Deployment/shop/web']);
      assert.match(failure.reason, reason);
      assert.deepEqual(outcome.rollbacks.map((r) => `${r.cluster}:${r.result}`).sort(), ['b:restored', 'c:restored']);
      assertRolledBack(e, ['b', 'c']);
      assert.deepEqual(e.liveSummary('a'), e.desiredSummary('a'), 'the finished wave keeps v2 (failed-wave policy)');
      assert.deepEqual(e.journal.locks(), []);
    });
  }

  it('rides out bursts of 500 and 429 through retries', async () => {
    let plan: RolloutPlan;
    ({ e, plan } = await fleetOnV1(v2()));
    e.fleet.cluster('b').faults.failNext(3, { code: 503 });
    e.fleet.cluster('b').faults.throttleNext(3, { retryAfterSeconds: 0 });
    const outcome = await executeRollout(plan, e.deps());
    assert.equal(outcome.state, 'succeeded', outcome.reason);
    assert.equal(e.fleet.cluster('b').requests().faulted, 6);
    for (const c of CLUSTERS) assert.deepEqual(e.liveSummary(c), e.desiredSummary(c));
  });

  it('fails an unreachable cluster after its budget, rolls back the reachable ones, and restores it later', async () => {
    let plan: RolloutPlan;
    ({ e, plan } = await fleetOnV1(v2('web:slow')));
    let cut = false;
    e.onEvent = (event) => {
      if (!cut && event.type === 'step-progress' && event.cluster === 'b') {
        cut = true;
        void e.fleet.cluster('b').faults.unreachable();
      }
    };
    const outcome = await executeRollout(plan, e.deps());
    assert.equal(outcome.state, 'failed');
    assert.deepEqual(outcome.failures.map((f) => [f.cluster, f.code]), [['b', 'CLUSTER_UNREACHABLE']]);
    assert.match(outcome.reason!, /rollback of b failed: b is unreachable .* rollout rollback r-e2e-2 --cluster b/);
    assert.deepEqual(Object.fromEntries(outcome.rollbacks.map((r) => [r.cluster, r.result])), { b: 'failed', c: 'restored' });
    assertRolledBack(e, ['c']);

    await e.fleet.cluster('b').faults.reachable();
    const later = await rollbackRollout(plan.id, e.deps(), ['b']);
    assert.equal(later.state, 'rolled-back', later.reason);
    assertRolledBack(e, ['b']);
  });

  it('waits out slow readiness and succeeds, later', async () => {
    let plan: RolloutPlan;
    ({ e, plan } = await fleetOnV1(v2('web:slow')));
    const outcome = await executeRollout(plan, e.deps());
    assert.equal(outcome.state, 'succeeded', outcome.reason);
    const ready = outcome.waves[1]!.clusterReadyMs;
    assert.ok(ready.b! >= 400, `b waited for its slow readiness (${ready.b} ms)`);
    assert.ok(ready.c! < ready.b!, 'c was not held up by b');
    for (const c of CLUSTERS) assert.deepEqual(e.liveSummary(c), e.desiredSummary(c));
    for (const c of CLUSTERS) assert.equal(e.journal.lastGood(c)!.rolloutId, plan.id);
  });

  it('refuses a second rollout on a cluster while the first one runs, naming it', async () => {
    e = await E2E.start(['a']);
    e.setDesired(v2('web:slow'));
    const first = e.plan([{ clusters: ['a'] }]);
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    e.onEvent = (event) => event.type === 'step-started' && started();
    const firstDone = executeRollout(first, e.deps());
    await running;
    await assert.rejects(executeRollout(e.plan([{ clusters: ['a'] }]), e.deps()), (error: Error & { code?: string }) => {
      assert.equal(error.code, 'ROLLOUT_LOCKED');
      assert.match(error.message, new RegExp(`a is locked by rollout ${first.id}`));
      return true;
    });
    assert.equal((await firstDone).state, 'succeeded');
  });
});

describe('e2e: custom resources whose CRD ships in the same rollout', () => {
  let e: E2E;
  afterEach(() => e.stop());

  it('deploys both on a first rollout: the CR is watched once its kind is served', async () => {
    e = await E2E.start(['a']);
    const crd = testCrd({ group: 'example.com', kind: 'Widget' });
    const widget: KubeObject = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', namespace: 'shop' }, spec: { size: 1 } };
    e.setDesired([...app('web:1'), crd, widget]);
    const outcome = await executeRollout(e.plan([{ clusters: ['a'] }]), e.deps());
    assert.equal(outcome.state, 'succeeded', outcome.reason);
    const store = e.fleet.cluster('a').store;
    assert.ok(store.get({ group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition', name: 'widgets.example.com' }));
    assert.deepEqual(store.get({ group: 'example.com', kind: 'Widget', namespace: 'shop', name: 'w' })?.spec, { size: 1 });
  });
  it('watches a cluster-scoped custom resource that kustomize gave a namespace where the server put it', async () => {
    e = await E2E.start(['a']);
    const crd = testCrd({ group: 'example.com', kind: 'Gadget', scope: 'Cluster' });
    const gadget: KubeObject = { apiVersion: 'example.com/v1', kind: 'Gadget', metadata: { name: 'g', namespace: 'shop' }, spec: { size: 1 } };
    e.setDesired([...app('web:1'), crd, gadget]);
    const outcome = await executeRollout(e.plan([{ clusters: ['a'], healthTimeoutSeconds: 3 }]), e.deps());
    assert.equal(outcome.state, 'succeeded', outcome.reason);
    // Applied without the namespace, and not pruned as undesired afterwards.
    assert.deepEqual(e.fleet.cluster('a').store.get({ group: 'example.com', kind: 'Gadget', name: 'g' })?.spec, { size: 1 });
  });
});