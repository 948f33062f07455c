/**
 * Health verdicts on live objects made by the simulated controllers: what the
 * rollout executor will see on the simulated fleet.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SimStore } from '../../../src/cluster/sim/store.js';
import type { KubeObject } from '../../../src/cluster/types.js';
import { assessHealth } from '../../../src/rollout/health/assess.js';
import { podsOfNewRevision } from '../../../src/rollout/health/new-revision.js';
import type { HealthVerdict } from '../../../src/rollout/health/types.js';
import { container, deployment, startSim, waitFor, withImage } from '../../cluster/sim/controllers/sim-harness.js';

/** 1 simulated second = 50 ms of wall clock. */
const TIME_SCALE = 0.05;

/** What the executor does: GET the object, LIST its revisions and pods, pick the new revision's pods, assess. */
function assess(store: SimStore, group: string, kind: string, name: string, namespace: string | undefined = 'shop'): HealthVerdict {
  const object = store.get({ group, kind, namespace, name });
  const revisionKind = kind === 'Deployment' ? 'ReplicaSet' : 'ControllerRevision';
  const revisions = store.list('apps', revisionKind, namespace);
  const pods = store.list('', 'Pod', namespace);
  return assessHealth({ object, pods: object ? podsOfNewRevision(object, revisions, pods) : [], replicaSets: revisions, now: new Date() });
}

/** Waits for a verdict with `status`, recording every status seen on the way; fails if `never` shows up. */
async function verdictOf(store: SimStore, read: () => HealthVerdict, status: HealthVerdict['status'], never?: HealthVerdict['status']): Promise<{ verdict: HealthVerdict; seen: Set<string>; simulatedSeconds: number }> {
  const seen = new Set<string>();
  const started = performance.now();
  const verdict = await waitFor(store, () => {
    const v = read();
    seen.add(v.status);
    if (never && v.status === never) throw new Error(`unexpected ${never}: ${v.reason}: ${v.message}`);
    return v.status === status && v;
  }, 5000, `health ${status}`);
  return { verdict, seen, simulatedSeconds: (performance.now() - started) / TIME_SCALE / 1000 };
}

test('a good rollout goes InProgress then Current; a bad image then fails fast within a few simulated seconds', async () => {
  const sim = startSim({ timeScale: TIME_SCALE });
  try {
    sim.store.create(deployment('web', 4, [container('registry.example.com/shop/web:1')]));
    const good = await verdictOf(sim.store, () => assess(sim.store, 'apps', 'Deployment', 'web'), 'Current', 'Failed');
    assert.ok(good.seen.has('InProgress'));
    assert.equal(good.verdict.reason, 'RolloutComplete');
    assert.deepEqual(good.verdict.progress, { desired: 4, updated: 4, ready: 4, available: 4 });

    const live = sim.store.get({ group: 'apps', kind: 'Deployment', namespace: 'shop', name: 'web' })!;
    sim.store.update(withImage(live, 'registry.example.com/shop/web:doesnotexist'));
    const bad = await verdictOf(sim.store, () => assess(sim.store, 'apps', 'Deployment', 'web'), 'Failed');
    assert.ok(bad.verdict.failFast);
    assert.match(bad.verdict.reason, /^(ErrImagePull|ImagePullBackOff)$/);
    assert.match(bad.verdict.message, /^pod web-\w+-\w+ container app: (ErrImagePull|ImagePullBackOff): /);
    assert.ok(bad.simulatedSeconds < 10, `failed after ${bad.simulatedSeconds.toFixed(1)} simulated seconds`);
    assert.deepEqual(sim.controllers.errors(), []);
  } finally {
    sim.stop();
  }
});

test('a crash-looping new revision fails fast; crash-looping OLD pods never fail the new revision', async () => {
  const sim = startSim({ timeScale: TIME_SCALE, crashAfterMs: 300, crashBackoffMs: 1000 });
  try {
    const crashing = container('registry.example.com/shop/api:1', { env: [{ name: 'SIM_CRASH', value: '1' }] });
    sim.store.create(deployment('api', 4, [crashing]));
    const broken = await verdictOf(sim.store, () => assess(sim.store, 'apps', 'Deployment', 'api'), 'Failed');
    assert.deepEqual([broken.verdict.reason, broken.verdict.failFast], ['CrashLoopBackOff', true]);

    const live = sim.store.get({ group: 'apps', kind: 'Deployment', namespace: 'shop', name: 'api' })!;
    const fixed = withImage(live, 'registry.example.com/shop/api:2');
    const spec = fixed.spec as { template: { spec: { containers: Array<Record<string, unknown>> } } };
    spec.template.spec.containers = [container('registry.example.com/shop/api:2')];
    sim.store.update(fixed);
    const healed = await verdictOf(sim.store, () => assess(sim.store, 'apps', 'Deployment', 'api'), 'Current', 'Failed');
    assert.ok(healed.seen.has('InProgress'));
  } finally {
    sim.stop();
  }
});

test('StatefulSet, DaemonSet, Job, PVC and LoadBalancer Service reach Current; an unschedulable pod fails', async () => {
  const sim = startSim({ timeScale: TIME_SCALE, nodeAllocatable: { cpu: '4', memory: '16Gi' } });
  try {
    const labels = (app: string) => ({ matchLabels: { app } });
    const template = (app: string, extra: Record<string, unknown> = {}) => ({ metadata: { labels: { app } }, spec: { containers: [container(`registry.example.com/${app}:1`, extra)] } });
    const objects: KubeObject[] = [
      { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db', namespace: 'shop' }, spec: { replicas: 2, serviceName: 'db', selector: labels('db'), template: template('db') } },
      { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', namespace: 'shop' }, spec: { selector: labels('agent'), template: template('agent') } },
      { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'migrate', namespace: 'shop' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [container('registry.example.com/migrate:1')] } } } },
      { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'shop' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'public', namespace: 'shop' }, spec: { type: 'LoadBalancer', ports: [{ port: 80 }] } },
      deployment('huge', 1, [container('registry.example.com/huge:1', { resources: { requests: { cpu: '8' } } })]),
    ];
    for (const object of objects) sim.store.create(object);
    const checks: Array<[string, string, string]> = [['apps', 'StatefulSet', 'db'], ['apps', 'DaemonSet', 'agent'], ['batch', 'Job', 'migrate'], ['', 'PersistentVolumeClaim', 'data'], ['', 'Service', 'public']];
    for (const [group, kind, name] of checks) {
      const { verdict } = await verdictOf(sim.store, () => assess(sim.store, group, kind, name), 'Current', 'Failed');
      assert.equal(verdict.status, 'Current', `${kind}/${name}`);
    }
    const strict = () => {
      const object = sim.store.get({ group: 'apps', kind: 'Deployment', namespace: 'shop', name: 'huge' });
      const revisions = sim.store.list('apps', 'ReplicaSet', 'shop');
      return assessHealth({ object, pods: podsOfNewRevision(object!, revisions, sim.store.list('', 'Pod', 'shop')), replicaSets: revisions, now: new Date(Date.now() + 61_000) });
    };
    const { verdict } = await verdictOf(sim.store, strict, 'Failed');
    assert.deepEqual([verdict.reason, verdict.failFast], ['Unschedulable', true]);
    assert.match(verdict.message, /0\/3 nodes are available: 3 Insufficient cpu/);
  } finally {
    sim.stop();
  }
});
