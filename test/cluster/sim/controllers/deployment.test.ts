import assert from 'node:assert/strict';
import { test } from 'node:test';
import { intOrPercent, rolloutLimits } from '../../../../src/cluster/sim/controllers/deployment-rollout.js';
import type { KubeObject } from '../../../../src/cluster/types.js';
import { conditionOf, container, deployment, get, pods, startSim, statusOf, waitFor, withImage } from './sim-harness.js';

const IMAGE_1 = 'registry.example.com/shop/web:1.0.0';
const IMAGE_2 = 'registry.example.com/shop/web:2.0.0';

function complete(store: Parameters<typeof get>[0], name: string, generation: number, replicas: number): KubeObject | undefined {
  const d = get(store, 'apps', 'Deployment', name);
  const s = statusOf(d);
  const done = s.observedGeneration === generation && s.replicas === replicas && s.updatedReplicas === replicas && s.availableReplicas === replicas;
  return done && conditionOf(d, 'Progressing')?.reason === 'NewReplicaSetAvailable' ? d : undefined;
}

test('a new Deployment creates <name>-<hash> ReplicaSet and pods, and reports itself complete', async () => {
  const sim = startSim();
  try {
    sim.store.create(deployment('web', 3, [container(IMAGE_1)]));
    const d = await waitFor(sim.store, () => complete(sim.store, 'web', 1, 3), 3000, 'deployment complete');
    const [rs, ...others] = sim.store.list('apps', 'ReplicaSet', 'shop');
    assert.equal(others.length, 0);
    const hash = rs!.metadata.labels?.['pod-template-hash'];
    assert.match(hash ?? '', /^[bcdfghjklmnpqrstvwxz2456789]{6,10}$/);
    assert.equal(rs!.metadata.name, `web-${hash}`);
    assert.equal(rs!.metadata.annotations?.['deployment.kubernetes.io/revision'], '1');
    assert.equal(d.metadata.annotations?.['deployment.kubernetes.io/revision'], '1');
    assert.deepEqual(rs!.metadata.ownerReferences?.map((r) => [r.kind, r.name, r.uid, r.controller]), [['Deployment', 'web', d.metadata.uid, true]]);
    const all = pods(sim.store);
    assert.equal(all.length, 3);
    for (const pod of all) {
      assert.equal(pod.metadata.labels?.['pod-template-hash'], hash);
      assert.equal(pod.metadata.ownerReferences?.[0]?.uid, rs!.metadata.uid);
      assert.equal(statusOf(pod).phase, 'Running');
      assert.equal(conditionOf(pod, 'Ready')?.status, 'True');
    }
    assert.equal(conditionOf(d, 'Available')?.reason, 'MinimumReplicasAvailable');
    assert.deepEqual(sim.controllers.errors(), []);
  } finally {
    sim.stop();
  }
});

test('a rolling update replaces every pod within maxSurge/maxUnavailable and ends with the new ReplicaSet only', async () => {
  const sim = startSim();
  try {
    sim.store.create(deployment('web', 8, [container(IMAGE_1)], { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 2, maxUnavailable: '25%' } } }));
    const first = await waitFor(sim.store, () => complete(sim.store, 'web', 1, 8), 3000, 'first rollout');
    let maxPods = 0;
    let minAvailable = Infinity;
    const watch = sim.store.subscribe(() => {
      const live = pods(sim.store).filter((p) => !p.metadata.deletionTimestamp);
      maxPods = Math.max(maxPods, live.length);
      minAvailable = Math.min(minAvailable, live.filter((p) => conditionOf(p, 'Ready')?.status === 'True').length);
    });
    sim.store.update(withImage(first, IMAGE_2));
    const d = await waitFor(sim.store, () => complete(sim.store, 'web', 2, 8), 5000, 'second rollout');
    watch();
    assert.ok(maxPods <= 10, `never more than replicas + maxSurge pods (saw ${maxPods})`);
    assert.ok(minAvailable >= 6, `never fewer than replicas - maxUnavailable ready pods (saw ${minAvailable})`);
    const replicaSets = sim.store.list('apps', 'ReplicaSet', 'shop');
    const byRevision = Object.fromEntries(replicaSets.map((rs) => [rs.metadata.annotations?.['deployment.kubernetes.io/revision'], rs]));
    assert.equal((byRevision['1']!.spec as { replicas: number }).replicas, 0);
    assert.equal((byRevision['2']!.spec as { replicas: number }).replicas, 8);
    const newHash = byRevision['2']!.metadata.labels?.['pod-template-hash'];
    const live = pods(sim.store);
    assert.equal(live.length, 8);
    assert.ok(live.every((p) => p.metadata.labels?.['pod-template-hash'] === newHash && (p.spec as { containers: Array<{ image: string }> }).containers[0]!.image === IMAGE_2));
    const s = statusOf(d);
    assert.deepEqual([s.replicas, s.updatedReplicas, s.readyReplicas, s.availableReplicas, s.unavailableReplicas], [8, 8, 8, 8, undefined]);
    assert.equal(d.metadata.annotations?.['deployment.kubernetes.io/revision'], '2');
  } finally {
    sim.stop();
  }
});

test('Recreate removes every old pod before the first new one is created', async () => {
  const sim = startSim();
  try {
    sim.store.create(deployment('batch', 4, [container(IMAGE_1)], { strategy: { type: 'Recreate' } }));
    const first = await waitFor(sim.store, () => complete(sim.store, 'batch', 1, 4), 3000, 'first rollout');
    let mixed = false;
    const watch = sim.store.subscribe(() => {
      const images = new Set(pods(sim.store).map((p) => (p.spec as { containers: Array<{ image: string }> }).containers[0]!.image));
      if (images.size > 1) mixed = true;
    });
    sim.store.update(withImage(first, IMAGE_2));
    await waitFor(sim.store, () => complete(sim.store, 'batch', 2, 4), 3000, 'recreate');
    watch();
    assert.equal(mixed, false, 'old and new pods never coexist');
  } finally {
    sim.stop();
  }
});

test('a rollout that cannot progress ends with ProgressDeadlineExceeded after the scaled deadline', async () => {
  const sim = startSim();
  try {
    sim.store.create(deployment('web', 2, [container(IMAGE_1)], { progressDeadlineSeconds: 3 }));
    const first = await waitFor(sim.store, () => complete(sim.store, 'web', 1, 2), 3000, 'first rollout');
    sim.store.update(withImage(first, 'registry.example.com/shop/web:doesnotexist'));
    const stuck = await waitFor(sim.store, () => {
      const d = get(sim.store, 'apps', 'Deployment', 'web');
      return conditionOf(d, 'Progressing')?.reason === 'ProgressDeadlineExceeded' && d;
    }, 3000, 'deadline');
    const progressing = conditionOf(stuck, 'Progressing')!;
    assert.equal(progressing.status, 'False');
    assert.match(String(progressing.message), /^ReplicaSet "web-\w+" has timed out progressing\.$/);
    assert.equal(statusOf(stuck).availableReplicas, 2, 'old pods keep serving');
  } finally {
    sim.stop();
  }
});

test('minReadySeconds delays availability after readiness', async () => {
  const sim = startSim();
  try {
    sim.store.create(deployment('web', 2, [container(IMAGE_1)], { minReadySeconds: 5 }));
    const ready = await waitFor(sim.store, () => {
      const s = statusOf(get(sim.store, 'apps', 'Deployment', 'web'));
      return s.readyReplicas === 2 && s;
    }, 3000, 'ready');
    assert.ok(((ready.availableReplicas as number | undefined) ?? 0) < 2, 'ready is not yet available');
    await waitFor(sim.store, () => complete(sim.store, 'web', 1, 2), 3000, 'available after 5 simulated seconds');
  } finally {
    sim.stop();
  }
});

test('a paused Deployment makes no new ReplicaSet until resumed', async () => {
  const sim = startSim();
  try {
    sim.store.create(deployment('web', 2, [container(IMAGE_1)]));
    const first = await waitFor(sim.store, () => complete(sim.store, 'web', 1, 2), 3000, 'first rollout');
    const paused = sim.store.update({ ...withImage(first, IMAGE_2), spec: { ...(withImage(first, IMAGE_2).spec as object), paused: true } });
    const seen = await waitFor(sim.store, () => {
      const d = get(sim.store, 'apps', 'Deployment', 'web');
      return conditionOf(d, 'Progressing')?.reason === 'DeploymentPaused' && d;
    }, 3000, 'paused condition');
    assert.equal(statusOf(seen).observedGeneration, paused.metadata.generation);
    assert.equal(sim.store.list('apps', 'ReplicaSet', 'shop').length, 1);
    const current = get(sim.store, 'apps', 'Deployment', 'web')!;
    sim.store.update({ ...current, metadata: { ...current.metadata, resourceVersion: undefined }, spec: { ...(current.spec as object), paused: false } });
    await waitFor(sim.store, () => complete(sim.store, 'web', 3, 2), 3000, 'resumed rollout');
    assert.equal(sim.store.list('apps', 'ReplicaSet', 'shop').length, 2);
  } finally {
    sim.stop();
  }
});

test('old ReplicaSets beyond revisionHistoryLimit are deleted', async () => {
  const sim = startSim();
  try {
    sim.store.create(deployment('web', 1, [container('registry.example.com/web:0')], { revisionHistoryLimit: 1 }));
    for (let version = 1; version <= 3; version++) {
      const d = await waitFor(sim.store, () => complete(sim.store, 'web', version, 1), 3000, `rollout ${version}`);
      sim.store.update(withImage(d, `registry.example.com/web:${version}`));
    }
    await waitFor(sim.store, () => complete(sim.store, 'web', 4, 1), 3000, 'last rollout');
    const revisions = sim.store.list('apps', 'ReplicaSet', 'shop').map((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision']).sort();
    assert.deepEqual(revisions, ['3', '4']);
  } finally {
    sim.stop();
  }
});

test('maxSurge rounds up and maxUnavailable rounds down; both zero means one unavailable', () => {
  assert.equal(intOrPercent('25%', 10, true, '25%'), 3);
  assert.equal(intOrPercent('25%', 10, false, '25%'), 2);
  assert.equal(intOrPercent(undefined, 64, true, '25%'), 16);
  assert.equal(intOrPercent(4, 64, true, '25%'), 4);
  const d = (rollingUpdate: object, replicas = 3): KubeObject => deployment('x', replicas, [], { strategy: { type: 'RollingUpdate', rollingUpdate } });
  assert.deepEqual(rolloutLimits(d({})), { maxSurge: 1, maxUnavailable: 0 });
  assert.deepEqual(rolloutLimits(d({ maxSurge: 0, maxUnavailable: '10%' })), { maxSurge: 0, maxUnavailable: 1 });
  assert.deepEqual(rolloutLimits(d({ maxSurge: '50%', maxUnavailable: '50%' }, 5)), { maxSurge: 3, maxUnavailable: 2 });
});
