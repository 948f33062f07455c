import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as k8s from '@kubernetes/client-node';
import type { SimFleet } from '../../../src/cluster/sim/fleet.js';
import { apply, clientsFor, configMap, eventually, namespace, startFleet, type Clients } from './helpers.js';

interface Seen {
  type: string;
  name: string;
  code?: number;
}

/** Starts a client-node watch and collects its events until stopped. */
async function watchConfigMaps(c: Clients, query: Record<string, string>, seen: Seen[]): Promise<{ stop(): void; done: Promise<unknown> }> {
  let finish: (err: unknown) => void = () => undefined;
  const done = new Promise((resolve) => (finish = resolve));
  const controller = await new k8s.Watch(c.kc).watch(
    '/api/v1/namespaces/watched/configmaps',
    query,
    (type, object: { metadata?: { name?: string }; code?: number }) => seen.push({ type, name: object.metadata?.name ?? '', code: object.code }),
    (err) => finish(err),
  );
  return { stop: () => controller.abort(), done };
}

describe('list selectors and watch', () => {
  let fleet: SimFleet;
  let c: Clients;
  before(async () => {
    fleet = await startFleet(['alpha'], { historySize: 50 });
    c = clientsFor(fleet, 'alpha');
    await apply(c, namespace('watched'));
    await apply(c, configMap('a', 'watched', { tier: 'web', env: 'prod' }));
    await apply(c, configMap('b', 'watched', { tier: 'db', env: 'prod' }));
    await apply(c, configMap('c', 'watched', { tier: 'web' }));
  });
  after(() => fleet.stop());

  it('filters lists by label selectors (=, ==, !=, in, notin, exists, !exists) and field selectors', async () => {
    const names = async (labelSelector?: string, fieldSelector?: string) =>
      (await c.core.listNamespacedConfigMap({ namespace: 'watched', labelSelector, fieldSelector })).items.map((i) => i.metadata?.name);
    assert.deepEqual(await names('tier=web'), ['a', 'c']);
    assert.deepEqual(await names('tier==web,env=prod'), ['a']);
    assert.deepEqual(await names('tier!=web'), ['b']);
    assert.deepEqual(await names('tier in (db, cache)'), ['b']);
    assert.deepEqual(await names('tier notin (db)'), ['a', 'c']);
    assert.deepEqual(await names('env'), ['a', 'b']);
    assert.deepEqual(await names('!env'), ['c']);
    assert.deepEqual(await names(undefined, 'metadata.name=b'), ['b']);
    assert.deepEqual(await names('tier=web', 'metadata.name!=a'), ['c']);
    const all = await c.core.listConfigMapForAllNamespaces({ fieldSelector: 'metadata.namespace=watched', limit: 1 });
    assert.equal(all.items.length, 3);
    await assert.rejects(names('tier in (web'), (e: unknown) => (e as { code?: number }).code === 400);
  });

  it('watches from a list resourceVersion: only later events, in order', async () => {
    const list = await c.core.listNamespacedConfigMap({ namespace: 'watched' });
    const seen: Seen[] = [];
    const w = await watchConfigMaps(c, { resourceVersion: list.metadata!.resourceVersion! }, seen);
    await apply(c, configMap('d', 'watched', { tier: 'web' }));
    await apply(c, configMap('d', 'watched', { tier: 'web' }, { k: 'v' }));
    await c.core.deleteNamespacedConfigMap({ name: 'd', namespace: 'watched' });
    await eventually(() => seen.length >= 3);
    assert.deepEqual(seen, [
      { type: 'ADDED', name: 'd', code: undefined },
      { type: 'MODIFIED', name: 'd', code: undefined },
      { type: 'DELETED', name: 'd', code: undefined },
    ]);
    w.stop();
    await w.done;
    await eventually(() => fleet.cluster('alpha').server.openWatches === 0);
  });

  it('without a resourceVersion starts with ADDED for what exists; selectors turn leaving into DELETED', async () => {
    const seen: Seen[] = [];
    const w = await watchConfigMaps(c, { labelSelector: 'tier=web' }, seen);
    await eventually(() => seen.length >= 2);
    assert.deepEqual(seen.map((s) => `${s.type} ${s.name}`), ['ADDED a', 'ADDED c']);
    await apply(c, configMap('c', 'watched', { tier: 'batch' }));
    await apply(c, configMap('b', 'watched', { tier: 'web', env: 'prod' }));
    await eventually(() => seen.length >= 4);
    assert.deepEqual(seen.slice(2).map((s) => `${s.type} ${s.name}`), ['DELETED c', 'ADDED b']);
    w.stop();
    await w.done;
  });

  it('answers a too-old resourceVersion with a 410 Expired ERROR event and closes', async () => {
    const store = fleet.cluster('alpha').store;
    for (let i = 0; i < 60; i++) store.create(configMap(`churn-${i}`, 'watched'));
    const seen: Seen[] = [];
    const w = await watchConfigMaps(c, { resourceVersion: '2' }, seen);
    const err = await w.done;
    assert.equal(err, null);
    assert.deepEqual(seen, [{ type: 'ERROR', name: '', code: 410 }]);
  });

  it('sends bookmarks to watches that allow them', async () => {
    const bookmarked = await startFleet(['beta'], { bookmarkIntervalMs: 10 });
    try {
      const b = clientsFor(bookmarked, 'beta');
      await apply(b, namespace('watched'));
      const seen: Seen[] = [];
      const w = await watchConfigMaps(b, { allowWatchBookmarks: 'true', resourceVersion: '1' }, seen);
      await eventually(() => seen.some((s) => s.type === 'BOOKMARK'));
      w.stop();
      await w.done;
    } finally {
      await bookmarked.stop();
    }
  });

  it('feeds a client-node informer: list, then watch from its resourceVersion', async () => {
    const informer = k8s.makeInformer(c.kc, '/api/v1/namespaces/watched/configmaps', () => c.core.listNamespacedConfigMap({ namespace: 'watched' }));
    const added: string[] = [];
    informer.on('add', (o: k8s.V1ConfigMap) => added.push(o.metadata!.name!));
    await informer.start();
    await apply(c, configMap('late', 'watched'));
    await eventually(() => added.includes('late'));
    assert.ok(informer.list().some((o) => o.metadata?.name === 'a'));
    await informer.stop();
    await eventually(() => fleet.cluster('alpha').server.openWatches === 0);
  });

  it('ends open watches when the fleet stops (clients see the stream close)', async () => {
    const other = await startFleet(['gamma']);
    const g = clientsFor(other, 'gamma');
    await apply(g, namespace('watched'));
    const seen: Seen[] = [];
    const w = await watchConfigMaps(g, {}, seen);
    await eventually(() => other.cluster('gamma').server.openWatches === 1);
    await other.stop();
    await w.done;
    assert.equal(other.cluster('gamma').server.openWatches, 0);
  });
});
