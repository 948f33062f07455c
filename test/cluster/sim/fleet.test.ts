import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as k8s from '@kubernetes/client-node';
import { parse } from 'yaml';
import { startSimFleet } from '../../../src/cluster/sim/fleet.js';
import { apply, clientsFor, deployment, eventually, namespace } from './helpers.js';

/** Handles that keep the event loop alive, by type (timers, sockets, servers). */
function liveHandles(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const type of process.getActiveResourcesInfo()) counts.set(type, (counts.get(type) ?? 0) + 1);
  return counts;
}

describe('simulated fleet', () => {
  it('serves one cluster per name, each with its own store, and a kubeconfig with one context per cluster', async () => {
    const fleet = await startSimFleet({ clusters: [{ name: 'eu-1' }, { name: 'us-1' }] });
    try {
      const config = parse(fleet.kubeconfig) as { contexts: Array<{ name: string; context: { cluster: string } }>; clusters: Array<{ name: string; cluster: { server: string } }> };
      assert.deepEqual(config.contexts.map((x) => x.name), ['eu-1', 'us-1']);
      assert.deepEqual(config.clusters.map((x) => x.cluster.server), [fleet.cluster('eu-1').url, fleet.cluster('us-1').url]);
      assert.match(fleet.cluster('eu-1').url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.notEqual(fleet.cluster('eu-1').port, fleet.cluster('us-1').port);
      await apply(clientsFor(fleet, 'eu-1'), namespace('only-in-eu'));
      assert.ok(fleet.cluster('eu-1').store.get({ group: '', kind: 'Namespace', name: 'only-in-eu' }));
      assert.equal(fleet.cluster('us-1').store.get({ group: '', kind: 'Namespace', name: 'only-in-eu' }), undefined);
      assert.throws(() => fleet.cluster('nope'), /no cluster "nope"/);

      const dir = mkdtempSync(join(tmpdir(), 'hm-sim-'));
      try {
        const file = join(dir, 'kubeconfig.yaml');
        fleet.writeKubeconfig(file);
        assert.equal(readFileSync(file, 'utf8'), fleet.kubeconfig);
        assert.equal(statSync(file).mode & 0o777, 0o600);
        const kc = new k8s.KubeConfig();
        kc.loadFromFile(file);
        kc.setCurrentContext('us-1');
        const namespaces = await kc.makeApiClient(k8s.CoreV1Api).listNamespace();
        assert.deepEqual(namespaces.items.map((n) => n.metadata?.name), ['default', 'kube-node-lease', 'kube-public', 'kube-system']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    } finally {
      await fleet.stop();
    }
  });

  it('runs the simulated controllers: an applied Deployment gets ready pods', async () => {
    const fleet = await startSimFleet({ clusters: [{ name: 'eu-1' }], workload: { timeScale: 0.01, jitter: 0 } });
    try {
      const c = clientsFor(fleet, 'eu-1');
      await apply(c, namespace('shop'));
      await apply(c, deployment('web', 'shop', 3));
      const store = fleet.cluster('eu-1').store;
      await eventually(() => ((store.get({ group: 'apps', kind: 'Deployment', namespace: 'shop', name: 'web' })?.status as { readyReplicas?: number } | undefined)?.readyReplicas === 3 ? true : undefined));
      const pods = await c.core.listNamespacedPod({ namespace: 'shop', labelSelector: 'app=web' });
      assert.equal(pods.items.length, 3);
      assert.ok(pods.items.every((p) => p.status?.phase === 'Running'));
    } finally {
      await fleet.stop();
    }
  });

  it('refuses duplicate names', async () => {
    await assert.rejects(startSimFleet({ clusters: [{ name: 'a' }, { name: 'a' }] }), /listed twice/);
  });

  it('leaves no sockets, servers or timers behind when stopped', async () => {
    await new Promise((r) => setTimeout(r, 20));
    const before = liveHandles();
    const fleet = await startSimFleet({ clusters: [{ name: 'a' }, { name: 'b' }, { name: 'c' }], bookmarkIntervalMs: 5 });
    const c = clientsFor(fleet, 'a');
    await apply(c, namespace('x'));
    const informer = k8s.makeInformer(c.kc, '/api/v1/namespaces', () => c.core.listNamespace());
    await informer.start();
    fleet.cluster('b').faults.setLatency(1);
    await informer.stop();
    await fleet.stop();
    await new Promise((r) => setTimeout(r, 20));
    const after = liveHandles();
    // (Earlier tests' client sockets may still be closing in `before`: nothing may be added.)
    for (const type of ['TCPServerWrap', 'TCPSocketWrap', 'Timeout']) assert.ok((after.get(type) ?? 0) <= (before.get(type) ?? 0), `${type} left open: ${JSON.stringify([...after])}`);
  });
});
