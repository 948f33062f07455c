import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { objectKey } from '../../../src/cluster/types.js';
import { realClock } from '../../../src/rollout/executor/clock.js';
import { feedsFor } from '../../../src/rollout/executor/feeds.js';
import { ClusterObserver } from '../../../src/rollout/executor/observe.js';
import { DEFAULT_HEALTH_OPTIONS } from '../../../src/rollout/health/types.js';
import { FakeCluster } from '../../harness/fake-cluster.js';
import { app } from './harness.js';

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

describe('ClusterObserver', () => {
  let fake: FakeCluster | undefined;
  afterEach(() => fake?.stop());

  it('watches one feed per kind, plus pods and ReplicaSets for Deployments', () => {
    const feeds = feedsFor([...app('web:1'), ...app('api:1', { name: 'api' })]);
    assert.deepEqual(
      feeds.map((f) => `${f.apiVersion} ${f.kind} ${f.namespace ?? '*'}`),
      ['v1 Namespace *', 'v1 ConfigMap shop', 'apps/v1 Deployment shop', 'v1 Pod shop', 'apps/v1 ReplicaSet shop'],
    );
  });

  it('never takes the pre-apply state for the applied generation', async () => {
    const f = (fake = new FakeCluster('a', { readyAfterMs: 1 }));
    const objects = app('web:1');
    for (const o of objects) f.apply(o);
    await settle();
    const expected = new Map<string, number>();
    const observer = await ClusterObserver.open(f.client(), objects, { health: DEFAULT_HEALTH_OPTIONS, clock: realClock, expected });
    assert.equal(observer.snapshot().allCurrent, true, 'generation 1 rolled out');

    const deployment = objects[2]!;
    expected.set(objectKey(deployment), 2);
    f.apply({ ...objects[1]!, data: { greeting: 'changed' } }); // any watched change recomputes the snapshot
    await settle();
    const snapshot = observer.snapshot();
    assert.equal(snapshot.allCurrent, false);
    assert.deepEqual(snapshot.pending, ['Deployment/shop/web: AppliedGenerationNotSeen']);
    observer.close();
  });

  it('reports a broken watch as disconnected until it is back', async () => {
    const f = (fake = new FakeCluster('a', { readyAfterMs: 1 }));
    const objects = app('web:1');
    for (const o of objects) f.apply(o);
    await settle();
    const observer = await ClusterObserver.open(f.client(), objects, { health: DEFAULT_HEALTH_OPTIONS, clock: realClock });
    observer.subscribe(() => undefined);
    f.unreachable();
    await settle();
    assert.notEqual(observer.snapshot().disconnectedSince, undefined);
    assert.equal(observer.snapshot().allCurrent, false);
    f.reachable();
    for (let i = 0; i < 100 && observer.snapshot().disconnectedSince !== undefined; i++) await settle();
    assert.equal(observer.snapshot().disconnectedSince, undefined);
    assert.equal(observer.snapshot().allCurrent, true);
    observer.close();
  });
});
