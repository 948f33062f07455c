import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createKubeClient } from '../../src/cluster/kube-client.js';
import { startSimFleet, type SimFleet } from '../../src/cluster/sim/fleet.js';
import type { ClusterClient, KubeObject } from '../../src/cluster/types.js';
import { groupStreams, observe, type ObservedChange } from '../../src/cluster/wait.js';

const FAST = { baseDelayMs: 1, maxDelayMs: 5, maxTotalMs: 1_000, timeoutMs: 2_000 };
const QUICK_RECONNECT = { backoff: { baseDelayMs: 10, maxDelayMs: 40 }, minWatchMs: 0 };

const cm = (name: string, data: Record<string, string>, labels?: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'default', ...(labels ? { labels } : {}) },
  data,
});

const dataOf = (o: KubeObject) => (o.data ?? {}) as Record<string, string>;

/** Collects changes and lets a test wait for one that matches. */
function recorder() {
  const changes: ObservedChange[] = [];
  const waiters: { test: (c: ObservedChange) => boolean; resolve: () => void }[] = [];
  return {
    changes,
    onChange(change: ObservedChange) {
      changes.push(change);
      for (const w of waiters.filter((w) => w.test(change))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    },
    until(test: (c: ObservedChange) => boolean, what: string): Promise<void> {
      if (changes.some(test)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), 5_000);
        waiters.push({ test, resolve: () => (clearTimeout(timer), resolve()) });
      });
    },
  };
}

describe('groupStreams', () => {
  it('shares one watch between single-object queries of one kind and namespace', () => {
    const streams = groupStreams([
      { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' },
      { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'api' },
      { apiVersion: 'v1', kind: 'Pod', namespace: 'shop', labelSelector: 'app=web' },
      { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'billing', name: 'web' },
    ]);
    assert.equal(streams.length, 3);
    assert.deepEqual([...(streams[0]!.names ?? [])], ['web', 'api']);
    assert.equal(streams[1]!.names, undefined);
    assert.deepEqual(streams[0]!.queries.map((q) => q.index), [0, 1]);
  });
});

describe('observe against the simulated fleet', () => {
  let fleet: SimFleet;
  let client: ClusterClient;
  before(async () => {
    fleet = await startSimFleet({ clusters: [{ name: 'eu-1' }], historySize: 5 });
    client = createKubeClient({ cluster: 'eu-1', kubeconfig: { text: fleet.kubeconfig }, context: 'eu-1', retry: FAST });
  });
  after(async () => {
    client.close();
    await fleet.stop();
  });

  it('reports the listed state, then each change of the named objects and of the labelled ones', async () => {
    await client.apply(cm('alpha', { v: '1' }));
    const rec = recorder();
    const controller = new AbortController();
    const done = observe(
      client,
      [
        { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name: 'alpha' },
        { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', labelSelector: 'role=worker' },
      ],
      rec.onChange,
      controller.signal,
    );
    await rec.until((c) => c.type === 'SYNCED' && c.queryIndex === 0 && c.objects.length === 1, 'the first list');
    await client.apply(cm('alpha', { v: '2' }));
    await client.apply(cm('beta', { v: '1' }, { role: 'worker' }));
    await client.apply(cm('gamma', { v: '1' })); // matches neither query
    await rec.until((c) => c.queryIndex === 1 && c.type === 'ADDED', 'the labelled object');
    await rec.until((c) => c.queryIndex === 0 && c.type === 'MODIFIED', 'the change of alpha');
    controller.abort();
    await done;
    const alpha = rec.changes.filter((c) => c.queryIndex === 0);
    assert.deepEqual(alpha.map((c) => c.type), ['SYNCED', 'MODIFIED']);
    assert.deepEqual(alpha[1]!.objects.map((o) => o.data), [{ v: '2' }]);
    assert.ok(rec.changes.every((c) => c.object?.metadata.name !== 'gamma'));
    assert.deepEqual(rec.changes.filter((c) => c.queryIndex === 1 && c.type !== 'SYNCED').map((c) => c.object?.metadata.name), ['beta']);
  });

  it('reconnects after the API server comes back, and relists when its history has moved on (410)', async () => {
    const rec = recorder();
    const listsBefore = client.stats().list;
    const errors: unknown[] = [];
    const controller = new AbortController();
    const done = observe(client, [{ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name: 'delta' }], rec.onChange, controller.signal, {
      ...QUICK_RECONNECT,
      onError: (e) => errors.push(e),
    });
    await rec.until((c) => c.type === 'SYNCED', 'the first list');
    const sim = fleet.cluster('eu-1');
    await sim.faults.unreachable();
    // While the watch is down, more writes than the server keeps history for.
    for (let i = 0; i < 8; i++) sim.store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `filler-${i}`, namespace: 'default' }, data: {} });
    sim.store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'delta', namespace: 'default' }, data: { v: 'while-down' } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await sim.faults.reachable();
    await rec.until((c) => c.type === 'SYNCED' && c.objects.some((o) => dataOf(o).v === 'while-down'), 'a relist showing the change made while down');
    await client.apply(cm('delta', { v: 'after' }));
    await rec.until((c) => c.type === 'MODIFIED' && c.object !== undefined && dataOf(c.object).v === 'after', 'a change after reconnecting');
    controller.abort();
    await done;
    assert.ok(errors.length >= 1, 'the outage was reported');
    // The first list, and one more after the 410: reconnecting alone resumes from the last version seen.
    assert.equal(client.stats().list - listsBefore, 2);
    assert.ok(errors.every((e) => (e as { code?: string }).code === 'CLUSTER_UNREACHABLE'));
    assert.ok(rec.changes.every((c) => c.objects.every((o) => o.metadata.name === 'delta')));
  });

  it('returns at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const before = client.stats();
    await observe(client, [{ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default' }], () => assert.fail('no change expected'), controller.signal);
    assert.deepEqual(client.stats(), before);
  });
});
