import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { connectCluster, SIM_KUBECONFIG_ENV } from '../../src/cluster/connect.js';
import { startSimFleet, type SimFleet } from '../../src/cluster/sim/fleet.js';
import { ClusterError, type KubeObject } from '../../src/cluster/types.js';

const marker = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, data: {} });

function contextError(run: () => unknown): ClusterError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof ClusterError);
    assert.equal(error.code, 'CLUSTER_CONTEXT');
    return error;
  }
  return assert.fail('expected CLUSTER_CONTEXT');
}

describe('connectCluster', () => {
  let fleet: SimFleet;
  let dir: string;
  let fleetFile: string;
  before(async () => {
    fleet = await startSimFleet({ clusters: [{ name: 'eu-1' }, { name: 'us-1' }] });
    dir = mkdtempSync(join(tmpdir(), 'hm-connect-'));
    fleetFile = join(dir, 'fleet.yaml');
    fleet.writeKubeconfig(fleetFile);
  });
  after(async () => {
    await fleet.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Which simulated cluster a client reaches: it writes a marker, we look for it in each store. */
  async function reached(client: ReturnType<typeof connectCluster>, name: string): Promise<string[]> {
    await client.apply(marker(name));
    client.close();
    return fleet.clusters().filter((c) => c.store.list('', 'ConfigMap', 'default').some((o) => o.metadata.name === name)).map((c) => c.name);
  }

  it('reaches a simulated cluster through the kubeconfig text, its context named after it', async () => {
    const client = connectCluster({ name: 'us-1', connection: { kind: 'sim' } }, { simKubeconfig: fleet.kubeconfig, env: {} });
    assert.equal(client.cluster, 'us-1');
    assert.deepEqual(await reached(client, 'via-text'), ['us-1']);
  });

  it(`reads the simulated fleet's kubeconfig from ${SIM_KUBECONFIG_ENV}`, async () => {
    const client = connectCluster({ name: 'eu-1', connection: { kind: 'sim' } }, { env: { [SIM_KUBECONFIG_ENV]: fleetFile } });
    assert.deepEqual(await reached(client, 'via-env'), ['eu-1']);
  });

  it('says how to start the simulated fleet when none is known', () => {
    const error = contextError(() => connectCluster({ name: 'eu-1', connection: { kind: 'sim' } }, { env: {} }));
    assert.match(error.details.hint ?? '', new RegExp(SIM_KUBECONFIG_ENV));
  });

  it('uses --kubeconfig for a context connection, whatever the cluster is called in the estate', async () => {
    const client = connectCluster({ name: 'prod-eu', connection: { kind: 'context', context: 'eu-1' } }, { kubeconfigPath: fleetFile, env: {} });
    assert.equal(client.cluster, 'prod-eu');
    assert.deepEqual(await reached(client, 'via-flag'), ['eu-1']);
  });

  it('falls back to KUBECONFIG (a list; missing files skipped; the first definition of a name wins)', async () => {
    const decoy = join(dir, 'decoy.yaml');
    // Same context name, pointing at the other cluster: it comes second, so it loses.
    writeFileSync(decoy, fleet.kubeconfig.replace(/name: eu-1\n(\s+)context:\n(\s+)cluster: eu-1/, 'name: eu-1\n$1context:\n$2cluster: us-1'));
    const env = { KUBECONFIG: [join(dir, 'missing.yaml'), fleetFile, decoy].join(delimiter) };
    const client = connectCluster({ name: 'eu', connection: { kind: 'context', context: 'eu-1' } }, { env });
    assert.deepEqual(await reached(client, 'via-kubeconfig-env'), ['eu-1']);
    const decoyFirst = connectCluster({ name: 'eu', connection: { kind: 'context', context: 'eu-1' } }, { env: { KUBECONFIG: [decoy, fleetFile].join(delimiter) } });
    assert.deepEqual(await reached(decoyFirst, 'via-decoy'), ['us-1']);
  });

  it('falls back to ~/.kube/config', async () => {
    const home = join(dir, 'home');
    mkdirSync(join(home, '.kube'), { recursive: true });
    writeFileSync(join(home, '.kube', 'config'), fleet.kubeconfig);
    const client = connectCluster({ name: 'us', connection: { kind: 'context', context: 'us-1' } }, { env: {}, homeDir: home });
    assert.deepEqual(await reached(client, 'via-home'), ['us-1']);
  });

  it('names the contexts on offer when the wanted one is missing', () => {
    const error = contextError(() => connectCluster({ name: 'ap-1', connection: { kind: 'context', context: 'ap-1' } }, { kubeconfigPath: fleetFile, env: {} }));
    assert.equal(error.cluster, 'ap-1');
    assert.match(error.message, /context "ap-1"/);
    assert.equal(error.details.hint, 'available contexts: eu-1, us-1');
  });

  it('says where it looked when there is no kubeconfig at all', () => {
    const error = contextError(() => connectCluster({ name: 'x', connection: { kind: 'context', context: 'x' } }, { env: {}, homeDir: join(dir, 'nobody') }));
    assert.match(error.message, /no kubeconfig found .*nobody/);
  });

  it('reports an unreadable kubeconfig as CLUSTER_CONTEXT', () => {
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'clusters: [ {');
    contextError(() => connectCluster({ name: 'x', connection: { kind: 'context', context: 'x' } }, { kubeconfigPath: broken, env: {} }));
  });
});
