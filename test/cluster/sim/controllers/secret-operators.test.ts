import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PROVIDER_KEYS_ANNOTATION } from '../../../../src/cluster/sim/controllers/secret-operators.js';
import { conditionOf, container, deployment, get, pods, startSim, waitFor } from './sim-harness.js';

test('an ExternalSecret with dataFrom yields an owned Secret whose keys the workloads can read; the pod starts', async () => {
  const sim = startSim();
  try {
    sim.store.create({
      apiVersion: 'external-secrets.io/v1beta1',
      kind: 'ExternalSecret',
      metadata: { name: 'db', namespace: 'shop' },
      spec: { target: { name: 'db-credentials' }, dataFrom: [{ extract: { key: 'prod/db' } }] },
    });
    const env = [{ name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'db-credentials', key: 'password' } } }];
    sim.store.create(deployment('api', 1, [container('registry.example.com/api:1', { env })]));
    await waitFor(sim.store, () => pods(sim.store).some((p) => conditionOf(p, 'Ready')?.status === 'True'), 2000, 'pod ready');
    const secret = get(sim.store, '', 'Secret', 'db-credentials')!;
    assert.equal(secret.metadata.annotations?.[PROVIDER_KEYS_ANNOTATION], 'true');
    assert.equal(secret.metadata.ownerReferences?.[0]?.kind, 'ExternalSecret');
    assert.equal(conditionOf(get(sim.store, 'external-secrets.io', 'ExternalSecret', 'db'), 'Ready')?.status, 'True');
  } finally {
    sim.stop();
  }
});

test('an ExternalSecret with data and a SealedSecret yield Secrets with exactly their keys', async () => {
  const sim = startSim();
  try {
    sim.store.create({
      apiVersion: 'external-secrets.io/v1beta1',
      kind: 'ExternalSecret',
      metadata: { name: 'smtp', namespace: 'shop' },
      spec: { data: [{ secretKey: 'user', remoteRef: { key: 'smtp' } }, { secretKey: 'pass', remoteRef: { key: 'smtp' } }] },
    });
    sim.store.create({ apiVersion: 'bitnami.com/v1alpha1', kind: 'SealedSecret', metadata: { name: 'token', namespace: 'shop' }, spec: { encryptedData: { token: 'AgB…' } } });
    const smtp = await waitFor(sim.store, () => get(sim.store, '', 'Secret', 'smtp'), 2000, 'smtp secret');
    const token = await waitFor(sim.store, () => get(sim.store, '', 'Secret', 'token'), 2000, 'token secret');
    assert.deepEqual(Object.keys(smtp.data as object).sort(), ['pass', 'user']);
    assert.deepEqual(Object.keys(token.data as object), ['token']);
    assert.equal(smtp.metadata.annotations?.[PROVIDER_KEYS_ANNOTATION], undefined);
    assert.equal(conditionOf(get(sim.store, 'bitnami.com', 'SealedSecret', 'token'), 'Synced')?.status, 'True');
    // Settled: no reconcile loop keeps rewriting status.
    const version = sim.store.resourceVersion;
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(sim.store.resourceVersion, version);
  } finally {
    sim.stop();
  }
});
