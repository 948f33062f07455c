import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../../../../src/cluster/types.js';
import { conditionOf, container, deployment, pods, statusOf, waitFor, waitingReason, withSim, type Sim } from './sim-harness.js';

type ContainerStatus = { restartCount: number; ready: boolean; state: Record<string, { reason?: string; message?: string }>; lastState: { terminated?: { exitCode: number; reason: string } } };

function firstPod(sim: Sim, match: (pod: KubeObject) => boolean): KubeObject | undefined {
  return pods(sim.store).find(match);
}

function containerStatus(pod: KubeObject | undefined): ContainerStatus | undefined {
  return (statusOf(pod).containerStatuses as ContainerStatus[] | undefined)?.[0];
}

test('an image with the tag doesnotexist gives ErrImagePull, then ImagePullBackOff, and never starts', () =>
  withSim({ imagePullBackoffMs: 2000 }, async (sim) => {
    sim.store.create(deployment('web', 1, [container('registry.example.com/web:doesnotexist')]));
    const errPull = await waitFor(sim.store, () => firstPod(sim, (p) => waitingReason(p) === 'ErrImagePull'), 2000, 'ErrImagePull');
    assert.match(containerStatus(errPull)!.state.waiting!.message!, /failed to pull and unpack image "registry.example.com\/web:doesnotexist"/);
    assert.equal(statusOf(errPull).phase, 'Pending');
    const backoff = await waitFor(sim.store, () => firstPod(sim, (p) => waitingReason(p) === 'ImagePullBackOff'), 2000, 'ImagePullBackOff');
    assert.match(containerStatus(backoff)!.state.waiting!.message!, /^Back-off pulling image "registry.example.com\/web:doesnotexist"/);
    assert.equal(conditionOf(backoff, 'Ready')?.status, 'False');
    await waitFor(sim.store, () => firstPod(sim, (p) => waitingReason(p) === 'ErrImagePull' && p.metadata.resourceVersion !== errPull.metadata.resourceVersion), 2000, 'retry');
  }));

test('images under invalid.example and custom badImages fail to pull; malformed names give InvalidImageName', () =>
  withSim({ badImages: ['*:doesnotexist', 'invalid.example/*', 'registry.example.com/broken*'] }, async (sim) => {
    sim.store.create(deployment('a', 1, [container('invalid.example/team/app:1.0')]));
    sim.store.create(deployment('b', 1, [container('registry.example.com/broken-app:2')]));
    sim.store.create(deployment('c', 1, [container('registry.example.com/Shop/App:1')]));
    const reasons = await waitFor(sim.store, () => {
      const byApp = Object.fromEntries(pods(sim.store).map((p) => [p.metadata.labels?.app, waitingReason(p)]));
      return byApp.a === 'ErrImagePull' && byApp.b === 'ErrImagePull' && byApp.c === 'InvalidImageName' && byApp;
    }, 2000, 'pull failures');
    assert.equal(reasons.c, 'InvalidImageName');
  }));

test('a crashing container (crashImages or SIM_CRASH=1) goes into CrashLoopBackOff with a growing restartCount', () =>
  withSim({ crashImages: ['registry.example.com/crasher:*'], crashAfterMs: 500, crashBackoffMs: 1000 }, async (sim) => {
    sim.store.create(deployment('by-image', 1, [container('registry.example.com/crasher:1')]));
    sim.store.create(deployment('by-env', 1, [container('registry.example.com/ok:1', { env: [{ name: 'SIM_CRASH', value: '1' }] })]));
    const looping = await waitFor(sim.store, () => {
      const crashing = pods(sim.store).filter((p) => waitingReason(p) === 'CrashLoopBackOff' && containerStatus(p)!.restartCount >= 2);
      return crashing.length === 2 && crashing;
    }, 3000, 'two restarts each');
    for (const pod of looping) {
      const cs = containerStatus(pod)!;
      assert.equal(statusOf(pod).phase, 'Running');
      assert.equal(cs.ready, false);
      assert.deepEqual([cs.lastState.terminated?.exitCode, cs.lastState.terminated?.reason], [1, 'Error']);
      assert.match(cs.state.waiting!.message!, /^back-off \d+s restarting failed container=app pod=/);
    }
  }));

test('a missing ConfigMap key gives CreateContainerConfigError, which clears when the ConfigMap appears', () =>
  withSim({}, async (sim) => {
    const env = [{ name: 'LEVEL', valueFrom: { configMapKeyRef: { name: 'web-config', key: 'level' } } }];
    sim.store.create(deployment('web', 1, [container('registry.example.com/web:1', { env })]));
    const blocked = await waitFor(sim.store, () => firstPod(sim, (p) => waitingReason(p) === 'CreateContainerConfigError'), 2000, 'config error');
    assert.equal(containerStatus(blocked)!.state.waiting!.message, 'configmap "web-config" not found');
    sim.store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web-config', namespace: 'shop' }, data: { other: 'x' } });
    const noKey = await waitFor(sim.store, () => firstPod(sim, (p) => /couldn't find key/.test(containerStatus(p)?.state.waiting?.message ?? '')), 2000, 'missing key');
    assert.equal(containerStatus(noKey)!.state.waiting!.message, "couldn't find key level in ConfigMap shop/web-config");
    const cm = sim.store.get({ group: '', kind: 'ConfigMap', namespace: 'shop', name: 'web-config' })!;
    sim.store.update({ ...cm, data: { level: 'info' } });
    await waitFor(sim.store, () => firstPod(sim, (p) => conditionOf(p, 'Ready')?.status === 'True'), 2000, 'recovered');
  }));

test('a missing Secret in envFrom blocks the container; an optional one does not', () =>
  withSim({}, async (sim) => {
    sim.store.create(deployment('strict', 1, [container('registry.example.com/web:1', { envFrom: [{ secretRef: { name: 'creds' } }] })]));
    sim.store.create(deployment('relaxed', 1, [container('registry.example.com/web:1', { envFrom: [{ secretRef: { name: 'creds', optional: true } }] })]));
    const state = await waitFor(sim.store, () => {
      const strict = firstPod(sim, (p) => p.metadata.labels?.app === 'strict');
      const relaxed = firstPod(sim, (p) => p.metadata.labels?.app === 'relaxed');
      return waitingReason(strict!) === 'CreateContainerConfigError' && conditionOf(relaxed, 'Ready')?.status === 'True' && strict;
    }, 2000, 'strict blocked, relaxed ready');
    assert.equal(containerStatus(state)!.state.waiting!.message, 'secret "creds" not found');
  }));

test('a missing ConfigMap volume keeps the pod in ContainerCreating until it exists (as the kubelet does)', () =>
  withSim({}, async (sim) => {
    const d = deployment('web', 1, [container('registry.example.com/web:1')]);
    const spec = d.spec as { template: { spec: Record<string, unknown> } };
    spec.template.spec.volumes = [{ name: 'cfg', configMap: { name: 'files' } }];
    sim.store.create(d);
    await waitFor(sim.store, () => firstPod(sim, (p) => conditionOf(p, 'PodScheduled')?.status === 'True'), 2000, 'scheduled');
    await new Promise((resolve) => setTimeout(resolve, 60)); // 6 simulated seconds: well past podStartMs
    const stuck = firstPod(sim, () => true)!;
    assert.equal(waitingReason(stuck), 'ContainerCreating');
    sim.store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'files', namespace: 'shop' }, data: {} });
    await waitFor(sim.store, () => firstPod(sim, (p) => conditionOf(p, 'Ready')?.status === 'True'), 2000, 'mounted and ready');
  }));

test('a pod asking for more CPU than a node has is Unschedulable with the scheduler message; it schedules when room frees', () =>
  withSim({ nodes: 2, nodeAllocatable: { cpu: '2', memory: '8Gi' } }, async (sim) => {
    sim.store.create(deployment('big', 1, [container('registry.example.com/web:1', { resources: { requests: { cpu: '3', memory: '1Gi' } } })]));
    sim.store.create(deployment('filler', 4, [container('registry.example.com/web:1', { resources: { requests: { cpu: '1', memory: '1Gi' } } })]));
    sim.store.create(deployment('late', 1, [container('registry.example.com/web:1', { resources: { requests: { cpu: '1', memory: '1Gi' } } })]));
    const big = await waitFor(sim.store, () => firstPod(sim, (p) => p.metadata.labels?.app === 'big' && conditionOf(p, 'PodScheduled')?.reason === 'Unschedulable'), 2000, 'big unschedulable');
    const scheduled = conditionOf(big, 'PodScheduled')!;
    assert.equal(scheduled.status, 'False');
    assert.match(String(scheduled.message), /^0\/2 nodes are available: 2 Insufficient cpu\. preemption: /);
    assert.match(String(scheduled.lastTransitionTime), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const late = await waitFor(sim.store, () => firstPod(sim, (p) => p.metadata.labels?.app === 'late' && conditionOf(p, 'PodScheduled')?.reason === 'Unschedulable'), 2000, 'late unschedulable (nodes full)');
    assert.equal((late.spec as { nodeName?: string }).nodeName, undefined);
    const filler = sim.store.get({ group: 'apps', kind: 'Deployment', namespace: 'shop', name: 'filler' })!;
    sim.store.update({ ...filler, metadata: { ...filler.metadata, resourceVersion: undefined }, spec: { ...(filler.spec as object), replicas: 3 } });
    await waitFor(sim.store, () => firstPod(sim, (p) => p.metadata.labels?.app === 'late' && conditionOf(p, 'Ready')?.status === 'True'), 2000, 'late scheduled after scale-down');
  }));

test('a nodeSelector no node matches is Unschedulable; one that matches schedules on a matching node', () =>
  withSim({ nodes: 3 }, async (sim) => {
    sim.store.create(deployment('gpu', 1, [container('registry.example.com/web:1')], {}));
    const gpu = sim.store.get({ group: 'apps', kind: 'Deployment', namespace: 'shop', name: 'gpu' })!;
    const withSelector = (selector: Record<string, string>, name: string): KubeObject => {
      const spec = gpu.spec as { template: { spec: object } };
      return { ...gpu, metadata: { name, namespace: 'shop' }, spec: { ...spec, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { ...spec.template.spec, nodeSelector: selector } } } };
    };
    sim.store.create(withSelector({ 'nvidia.com/gpu': 'true' }, 'needs-gpu'));
    sim.store.create(withSelector({ 'topology.kubernetes.io/zone': 'sim-zone-b' }, 'zone-b'));
    const pending = await waitFor(sim.store, () => firstPod(sim, (p) => p.metadata.labels?.app === 'needs-gpu' && conditionOf(p, 'PodScheduled')?.reason === 'Unschedulable'), 2000, 'selector unschedulable');
    assert.match(String(conditionOf(pending, 'PodScheduled')!.message), /3 node\(s\) didn't match Pod's node affinity\/selector/);
    const placed = await waitFor(sim.store, () => firstPod(sim, (p) => p.metadata.labels?.app === 'zone-b' && !!(p.spec as { nodeName?: string }).nodeName), 2000, 'zone-b placed');
    assert.equal((placed.spec as { nodeName: string }).nodeName, 'sim-node-2');
  }));

test('slow images take slowReadinessMs to become Ready', () =>
  withSim({ slowImages: ['registry.example.com/slow:*'], slowReadinessMs: 20_000 }, async (sim) => {
    sim.store.create(deployment('slow', 1, [container('registry.example.com/slow:1')]));
    sim.store.create(deployment('fast', 1, [container('registry.example.com/fast:1')]));
    await waitFor(sim.store, () => firstPod(sim, (p) => p.metadata.labels?.app === 'fast' && conditionOf(p, 'Ready')?.status === 'True'), 2000, 'fast ready');
    const slow = firstPod(sim, (p) => p.metadata.labels?.app === 'slow')!;
    assert.equal(statusOf(slow).phase, 'Running');
    assert.equal(conditionOf(slow, 'Ready')?.status, 'False');
    await waitFor(sim.store, () => firstPod(sim, (p) => p.metadata.labels?.app === 'slow' && conditionOf(p, 'Ready')?.status === 'True'), 2000, 'slow ready');
  }));

test('the same seed gives the same pod names', async () => {
  const names: string[][] = [];
  for (let run = 0; run < 2; run++) {
    await withSim({ seed: 99 }, async (sim) => {
      sim.store.create(deployment('web', 3, [container('registry.example.com/web:1')]));
      const created = await waitFor(sim.store, () => pods(sim.store).length === 3 && pods(sim.store), 2000, 'pods');
      names.push(created.map((p) => p.metadata.name).sort());
    });
  }
  assert.deepEqual(names[0], names[1]);
});
