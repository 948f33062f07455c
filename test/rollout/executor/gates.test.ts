import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, afterEach, before, describe, it } from 'node:test';
import { executeRollout, queryPrometheus } from '../../../src/rollout/executor/index.js';
import type { GatePlan } from '../../../src/rollout/plan/types.js';
import { app, Harness } from './harness.js';

/** A stand-in for Prometheus' /api/v1/query: the error rate is whatever the test sets. */
let server: Server;
let prometheus: string;
let errorRate = 0;
const queries: string[] = [];

before(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    queries.push(`${url.pathname}?${url.searchParams.get('query')}`);
    res.setHeader('content-type', 'application/json');
    if (url.searchParams.get('query') === 'broken') {
      res.statusCode = 400;
      res.end(JSON.stringify({ status: 'error', error: 'parse error at char 1' }));
    } else if (url.searchParams.get('query') === 'scalar(42)') {
      res.end(JSON.stringify({ status: 'success', data: { resultType: 'scalar', result: [1700000000, '42'] } }));
    } else res.end(JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [{ metric: {}, value: [1700000000, String(errorRate)] }] } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  prometheus = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

function gate(query = 'sum(rate(errors[5m]))'): Extract<GatePlan, { kind: 'metric' }> {
  return { kind: 'metric', name: 'error-rate', prometheus, query, comparison: '<', threshold: 0.01 };
}

describe('wave gates', () => {
  let h: Harness;
  afterEach(() => h.stop());

  it('passes a wave whose metric meets the threshold and records the value', async () => {
    errorRate = 0.002;
    h = new Harness(['a']);
    h.setDesired(app('web:1'));
    const outcome = await executeRollout(h.plan([{ clusters: ['a'], gates: [{ kind: 'health' }, gate()] }]), h.deps());
    assert.equal(outcome.state, 'succeeded');
    const checks = h.ofType('gate-checked').map((g) => [g.gate, g.value, g.passed]);
    assert.deepEqual(checks, [['health', 1, true], ['error-rate', 0.002, true]]);
    assert.ok(queries.includes('/api/v1/query?sum(rate(errors[5m]))'));
    assert.ok(h.types().indexOf('gate-checked') < h.types().indexOf('wave-baking'), 'gates before the bake');
  });

  it('fails the wave (and rolls it back) when the metric is over the threshold or cannot be read', async () => {
    h = new Harness(['a']);
    h.setDesired(app('web:1'));
    await executeRollout(h.plan([{ clusters: ['a'] }]), h.deps());
    for (const [query, expected] of [['errors', /0.2 is not < 0.01/], ['broken', /could not be read: .*HTTP 400: parse error/]] as const) {
      errorRate = 0.2;
      h.setDesired(app('web:2'));
      const outcome = await executeRollout(h.plan([{ clusters: ['a'], gates: [gate(query)] }]), h.deps());
      assert.equal(outcome.state, 'rolled-back');
      assert.equal(outcome.failures[0]!.code, 'GATE_FAILED');
      assert.match(outcome.failures[0]!.reason, expected);
      assert.equal(h.image('a'), 'web:1');
    }
  });

  it('reads scalars too, and uses an injected reader when given', async () => {
    assert.equal(await queryPrometheus(gate(), AbortSignal.timeout(5_000)), errorRate);
    assert.equal(await queryPrometheus(gate('scalar(42)'), AbortSignal.timeout(5_000)), 42);
    h = new Harness(['a']);
    h.setDesired(app('web:1'));
    const outcome = await executeRollout(h.plan([{ clusters: ['a'], gates: [gate()] }]), h.deps({}, { queryMetric: async () => 0 }));
    assert.equal(outcome.state, 'succeeded');
  });
});
