import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SimFleet } from '../../../src/cluster/sim/fleet.js';
import { apply, clientsFor, configMap, namespace, startFleet, statusOf, type Clients } from './helpers.js';

describe('fault injection', () => {
  let fleet: SimFleet;
  let c: Clients;
  before(async () => {
    fleet = await startFleet(['alpha']);
    c = clientsFor(fleet, 'alpha');
    await apply(c, namespace('faults'));
  });
  after(() => fleet.stop());

  it('fails a burst of N requests with 500 InternalError, then recovers', async () => {
    const cluster = fleet.cluster('alpha');
    cluster.faults.failNext(2);
    for (let i = 0; i < 2; i++) {
      await assert.rejects(c.core.readNamespace({ name: 'faults' }), (e: unknown) => statusOf(e).code === 500 && statusOf(e).reason === 'InternalError');
    }
    assert.equal((await c.core.readNamespace({ name: 'faults' })).metadata?.name, 'faults');
    assert.equal(cluster.requests().faulted, 2);
  });

  it('limits a burst to some verbs', async () => {
    fleet.cluster('alpha').faults.failNext(1, { verbs: ['patch'], code: 503 });
    assert.ok(await c.core.readNamespace({ name: 'faults' }));
    await assert.rejects(apply(c, configMap('x', 'faults')), (e: unknown) => statusOf(e).code === 503);
    assert.ok(await apply(c, configMap('x', 'faults')));
  });

  it('throttles a burst with 429 TooManyRequests and Retry-After', async () => {
    fleet.cluster('alpha').faults.throttleNext(1, { retryAfterSeconds: 3 });
    const res = await fetch(`${fleet.cluster('alpha').url}/api/v1/namespaces/faults`);
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('retry-after'), '3');
    const body = (await res.json()) as { reason: string; details: { retryAfterSeconds: number } };
    assert.equal(body.reason, 'TooManyRequests');
    assert.equal(body.details.retryAfterSeconds, 3);
    assert.equal((await fetch(`${fleet.cluster('alpha').url}/api/v1/namespaces/faults`)).status, 200);
  });

  it('adds latency to every request', async () => {
    const faults = fleet.cluster('alpha').faults;
    faults.setLatency(40);
    const started = Date.now();
    await c.core.readNamespace({ name: 'faults' });
    assert.ok(Date.now() - started >= 40);
    faults.reset();
    assert.equal(faults.latencyMs, 0);
  });

  it('goes unreachable (connection refused) and comes back on the same port', async () => {
    const cluster = fleet.cluster('alpha');
    const port = cluster.port;
    await cluster.faults.unreachable();
    // A fresh connection is refused; a pooled one may instead see its socket reset.
    await assert.rejects(fetch(`${cluster.url}/version`), (e: Error) => ['ECONNREFUSED', 'ECONNRESET', 'UND_ERR_SOCKET'].includes(String((e.cause as { code?: string } | undefined)?.code)));
    await assert.rejects(fetch(`${cluster.url}/version`), (e: Error) => (e.cause as { code?: string } | undefined)?.code === 'ECONNREFUSED');
    await assert.rejects(c.core.readNamespace({ name: 'faults' }), /ECONNREFUSED|ECONNRESET|socket hang up/);
    await cluster.faults.reachable();
    assert.equal(cluster.port, port);
    assert.equal((await c.core.readNamespace({ name: 'faults' })).metadata?.name, 'faults');
  });
});
