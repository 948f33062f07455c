import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { executeRollout } from '../../../src/rollout/executor/index.js';
import { E2E } from './fleet-harness.js';

describe('e2e smoke: config only', () => {
  let e: E2E;
  before(async () => (e = await E2E.start(['a', 'b'])));
  after(() => e.stop());

  it('applies, waits and records through the real client and the SQLite journal', async () => {
    e.setDesired([
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web-config', namespace: 'shop' }, data: { a: '1' } },
    ]);
    const outcome = await executeRollout(e.plan([{ clusters: ['a'] }, { clusters: ['b'] }]), e.deps());
    assert.equal(outcome.state, 'succeeded', outcome.reason);
    for (const c of ['a', 'b']) assert.deepEqual(e.liveSummary(c), e.lastGoodSummary(c));
  });
});
