import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import type { KubeObject } from '../../../src/cluster/types.js';
import { executeRollout } from '../../../src/rollout/executor/index.js';
import { app } from '../executor/harness.js';
import { E2E } from './fleet-harness.js';

/**
 * An unchanged redeploy sends nothing, unless the cluster drifted: an object
 * deleted by hand is re-created, one edited by hand is applied again, and only
 * those are written.
 */
describe('e2e: drift on an unchanged redeploy', () => {
  let e: E2E;
  afterEach(() => e.stop());

  it('re-creates a deleted Deployment and restores an edited ConfigMap; writes only those two', async () => {
    e = await E2E.start(['a']);
    e.setDesired(app('web:1', { config: 'v1' }));
    assert.equal((await executeRollout(e.plan([{ clusters: ['a'] }]), e.deps())).state, 'succeeded');

    const store = e.fleet.cluster('a').store;
    store.delete({ group: 'apps', kind: 'Deployment', namespace: 'shop', name: 'web' });
    const config = store.get({ group: '', kind: 'ConfigMap', namespace: 'shop', name: 'web-config' })!;
    store.update({ ...config, data: { greeting: 'edited by hand' } }, { manager: 'kubectl-edit' });
    e.fleet.cluster('a').resetRequests();

    // A hand edit makes kubectl-edit the field's manager: taking it back is a conflict
    // (reported with the manager's name, see applyset-sim.test.ts) unless forced.
    const redeploy = await executeRollout(e.plan([{ clusters: ['a'] }]), e.deps({ forceConflicts: true }));
    assert.equal(redeploy.state, 'succeeded', redeploy.reason);
    assert.deepEqual(e.liveSummary('a'), e.desiredSummary('a'));
    assert.equal(e.patches('a'), 2, 'the Deployment and the ConfigMap, nothing else');
    const applied = e.ofType('step-applied').at(-1)!;
    assert.deepEqual([applied.created, applied.configured, applied.drifted, applied.unchanged], [1, 1, 2, 1]);

    e.fleet.cluster('a').resetRequests();
    const settled = await executeRollout(e.plan([{ clusters: ['a'] }]), e.deps());
    assert.equal(settled.state, 'succeeded', settled.reason);
    assert.equal(e.patches('a'), 0, 'no drift, no writes');
  });

  it('a change a controller makes after our write (a PVC bound to its volume) is not drift', async () => {
    e = await E2E.start(['a']);
    const claim: KubeObject = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data', namespace: 'shop' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
    };
    e.setDesired([...app('web:1'), claim]);
    assert.equal((await executeRollout(e.plan([{ clusters: ['a'] }]), e.deps())).state, 'succeeded');
    const bound = e.fleet.cluster('a').store.get({ group: '', kind: 'PersistentVolumeClaim', namespace: 'shop', name: 'data' })!;
    assert.ok((bound.spec as { volumeName?: string }).volumeName, 'the claim was bound after our write');
    e.fleet.cluster('a').resetRequests();
    assert.equal((await executeRollout(e.plan([{ clusters: ['a'] }]), e.deps())).state, 'succeeded');
    assert.equal(e.patches('a'), 0);
  });
});
