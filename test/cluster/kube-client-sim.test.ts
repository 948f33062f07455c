import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createKubeClient } from '../../src/cluster/kube-client.js';
import { startSimFleet, type SimFleet } from '../../src/cluster/sim/fleet.js';
import type { RetryClock } from '../../src/cluster/retry.js';
import { ClusterError, type ClusterClient, type KubeObject, type WatchEvent } from '../../src/cluster/types.js';

const FAST = { baseDelayMs: 1, maxDelayMs: 5, maxTotalMs: 2_000, timeoutMs: 2_000 };

function configMap(name: string, data: Record<string, string>, namespace = 'default'): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data };
}

/** Real time, but pauses are recorded and skipped (Retry-After is 1 s in the simulator). */
function skippingClock(): RetryClock & { sleeps: number[] } {
  const sleeps: number[] = [];
  let skipped = 0;
  return { sleeps, now: () => Date.now() + skipped, sleep: async (ms) => void (sleeps.push(ms), (skipped += ms)), random: () => 0.5 };
}

async function rejection(promise: Promise<unknown>): Promise<ClusterError> {
  const error = await promise.then(
    () => assert.fail('expected a failure'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof ClusterError, String(error));
  return error;
}

function deployment(name: string, replicas: number): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } },
    },
  };
}

describe('kube-client against the simulated fleet', () => {
  let fleet: SimFleet;
  let client: ClusterClient;
  before(async () => {
    fleet = await startSimFleet({ clusters: [{ name: 'eu-1' }] });
    client = createKubeClient({ cluster: 'eu-1', kubeconfig: { text: fleet.kubeconfig }, context: 'eu-1', retry: FAST });
  });
  after(async () => {
    client.close();
    await fleet.stop();
  });

  it('discovers built-in kinds with their scope', async () => {
    const d = await client.discover();
    assert.deepEqual(d.lookup('apps/v1', 'Deployment')?.resource, 'deployments');
    assert.equal(d.lookup('apps/v1', 'Deployment')?.namespaced, true);
    assert.equal(d.lookup('v1', 'Namespace')?.namespaced, false);
    assert.equal(d.lookup('example.com/v1', 'Widget'), undefined);
  });

  it('creates with server-side apply, then sees a re-apply as unchanged', async () => {
    const first = await client.apply(configMap('settings', { a: '1' }));
    assert.equal(first.created, true);
    assert.equal(first.changed, true);
    assert.equal(first.object.metadata.managedFields?.[0]?.manager, 'harbormaster');
    assert.equal(first.object.metadata.managedFields?.[0]?.operation, 'Apply');
    const again = await client.apply(configMap('settings', { a: '1' }));
    assert.deepEqual([again.created, again.changed], [false, false]);
    const changed = await client.apply(configMap('settings', { a: '2' }));
    assert.deepEqual([changed.created, changed.changed], [false, true]);
    assert.deepEqual((await client.get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'settings', namespace: 'default' }))?.data, { a: '2' });
  });

  it('reports a conflict with the other manager and its field; force takes the field over', async () => {
    await client.apply(deployment('web', 2), { fieldManager: 'kubectl' });
    const error = await client.apply(deployment('web', 3)).then(
      () => assert.fail('expected a conflict'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof ClusterError);
    assert.equal(error.code, 'CLUSTER_CONFLICT');
    assert.deepEqual(error.details.conflicts, [{ manager: 'kubectl', field: '.spec.replicas' }]);
    const forced = await client.apply(deployment('web', 3), { force: true });
    assert.equal(forced.changed, true);
    assert.equal((forced.object.spec as { replicas: number }).replicas, 3);
  });
  it('lists with a label selector, filling in apiVersion and kind, and returns the list resourceVersion', async () => {
    await client.apply({ ...configMap('labelled', { x: '1' }), metadata: { name: 'labelled', namespace: 'default', labels: { tier: 'web' } } });
    const { items, resourceVersion } = await client.list({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', labelSelector: 'tier=web' });
    assert.deepEqual(items.map((i) => [i.apiVersion, i.kind, i.metadata.name]), [['v1', 'ConfigMap', 'labelled']]);
    assert.match(resourceVersion, /^\d+$/);
  });

  it('returns undefined for a missing object, false for deleting one, true for deleting a live one', async () => {
    const ref = { apiVersion: 'v1', kind: 'ConfigMap', name: 'doomed', namespace: 'default' };
    assert.equal(await client.get(ref), undefined);
    assert.equal(await client.delete(ref), false);
    await client.apply(configMap('doomed', {}));
    assert.equal(await client.delete(ref), true);
    assert.equal(await client.get(ref), undefined);
  });

  it('fails with CLUSTER_UNKNOWN_KIND for a kind the server does not serve', async () => {
    const error = await rejection(client.apply({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', namespace: 'default' } }));
    assert.equal(error.code, 'CLUSTER_UNKNOWN_KIND');
    assert.deepEqual(error.details.ref?.kind, 'Widget');
  });

  it('predicts a change with a server-side dry run and writes nothing', async () => {
    await client.apply(configMap('dry', { a: '1' }));
    const predicted = await client.apply(configMap('dry', { a: '9' }), { dryRun: true });
    assert.deepEqual([predicted.created, predicted.changed], [false, true]);
    assert.deepEqual(predicted.object.data, { a: '9' });
    assert.deepEqual((await client.get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'dry', namespace: 'default' }))?.data, { a: '1' });
    const same = await client.apply(configMap('dry', { a: '1' }), { dryRun: true });
    assert.equal(same.changed, false);
  });

  it('counts requests by verb', async () => {
    const before = client.stats();
    await client.apply(configMap('counted', { a: '1' }));
    await client.list({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default' });
    await client.delete({ apiVersion: 'v1', kind: 'ConfigMap', name: 'counted', namespace: 'default' });
    const after = client.stats();
    assert.deepEqual(
      { get: after.get - before.get, list: after.list - before.list, patch: after.patch - before.patch, delete: after.delete - before.delete },
      { get: 1, list: 1, patch: 1, delete: 1 },
    );
  });

  it('retries through a burst of 429 (waiting Retry-After) and of 500', async () => {
    const clock = skippingClock();
    const retrying = createKubeClient({ cluster: 'eu-1', kubeconfig: { text: fleet.kubeconfig }, context: 'eu-1', retry: { ...FAST, maxTotalMs: 10_000 }, clock });
    await retrying.discover();
    const sim = fleet.cluster('eu-1');
    sim.faults.throttleNext(2, { retryAfterSeconds: 1, verbs: ['patch'] });
    sim.faults.failNext(2, { code: 500, verbs: ['patch'] });
    const result = await retrying.apply(configMap('bursty', { a: '1' }));
    assert.equal(result.created, true);
    assert.equal(retrying.stats().retries, 4);
    assert.equal(retrying.stats().patch, 5);
    assert.deepEqual(clock.sleeps.slice(0, 2), [1_000, 1_000]);
    retrying.close();
  });

  it('gives up after the attempt budget with the last error (503 stays CLUSTER_SERVER_ERROR)', async () => {
    const sim = fleet.cluster('eu-1');
    sim.faults.failNext(10, { code: 503, verbs: ['get'] });
    const error = await rejection(client.get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'x', namespace: 'default' }));
    assert.equal(error.code, 'CLUSTER_SERVER_ERROR');
    assert.equal(error.details.status, 503);
    sim.faults.reset();
  });

  it('aborts a request that outlasts the per-request timeout, retries it, then fails with CLUSTER_TIMEOUT', async () => {
    const impatient = createKubeClient({ cluster: 'eu-1', kubeconfig: { text: fleet.kubeconfig }, context: 'eu-1', retry: { ...FAST, timeoutMs: 250, maxAttempts: 2 } });
    const sim = fleet.cluster('eu-1');
    await impatient.discover();
    sim.faults.setLatency(1_500);
    try {
      const started = Date.now();
      const error = await rejection(impatient.get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'settings', namespace: 'default' }));
      assert.equal(error.code, 'CLUSTER_TIMEOUT');
      assert.equal(impatient.stats().retries, 1);
      assert.ok(Date.now() - started < 1_200, 'did not wait for the slow answers');
    } finally {
      sim.faults.setLatency(0);
      impatient.close();
    }
  });

  it('fails with CLUSTER_UNREACHABLE when the API server is down, and works again once it is back', async () => {
    const sim = fleet.cluster('eu-1');
    await sim.faults.unreachable();
    try {
      const error = await rejection(client.get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'settings', namespace: 'default' }));
      assert.equal(error.code, 'CLUSTER_UNREACHABLE');
      assert.equal(error.cluster, 'eu-1');
    } finally {
      await sim.faults.reachable();
    }
    assert.ok(await client.get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'settings', namespace: 'default' }));
  });

  it('does not keep a failed discovery: a client that met a down server works once it is back', async () => {
    const sim = fleet.cluster('eu-1');
    const fresh = createKubeClient({ cluster: 'eu-1', kubeconfig: { text: fleet.kubeconfig }, context: 'eu-1', retry: FAST });
    await sim.faults.unreachable();
    try {
      assert.equal((await rejection(fresh.discover())).code, 'CLUSTER_UNREACHABLE');
    } finally {
      await sim.faults.reachable();
    }
    assert.ok(await fresh.get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'settings', namespace: 'default' }));
    fresh.close();
  });

  it('watches from a list resourceVersion and sees changes and deletions', async () => {
    const { resourceVersion } = await client.list({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default' });
    const events: WatchEvent[] = [];
    let seen!: () => void;
    const deleted = new Promise<void>((resolve) => (seen = resolve));
    const handle = await client.watch({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', resourceVersion }, (e) => {
      if (e.type === 'BOOKMARK') return;
      events.push(e);
      if (e.type === 'DELETED') seen();
    });
    await client.apply(configMap('watched', { a: '1' }));
    await client.apply(configMap('watched', { a: '2' }));
    await client.delete({ apiVersion: 'v1', kind: 'ConfigMap', name: 'watched', namespace: 'default' });
    await deleted;
    handle.stop();
    await handle.done;
    assert.deepEqual(events.map((e) => [e.type, e.object.metadata.name, e.object.data]), [
      ['ADDED', 'watched', { a: '1' }],
      ['MODIFIED', 'watched', { a: '2' }],
      ['DELETED', 'watched', { a: '2' }],
    ]);
    assert.ok(client.stats().watch >= 1);
  });

  it('refuses to open a watch on an unreachable server', async () => {
    const sim = fleet.cluster('eu-1');
    await sim.faults.unreachable();
    try {
      const error = await rejection(client.watch({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default' }, () => undefined));
      assert.equal(error.code, 'CLUSTER_UNREACHABLE');
    } finally {
      await sim.faults.reachable();
    }
  });
});
