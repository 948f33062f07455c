import assert from 'node:assert/strict';
import { posix } from 'node:path';
import { describe, it } from 'node:test';
import { DiskFileSystem } from '../../src/fs/disk.js';
import type { FileSystem } from '../../src/fs/filesystem.js';
import { loadEstate } from '../../src/estate/load.js';
import { createRenderCache, renderCluster, renderFleet } from '../../src/estate/render.js';
import { summariseFleet } from '../../src/estate/summary.js';
import { EstateCode } from '../../src/estate/codes.js';
import { FIXTURES } from './helpers.js';

/** Counts reads per path. */
class CountingFileSystem extends DiskFileSystem implements FileSystem {
  readonly reads = new Map<string, number>();
  override readFile(path: string): Uint8Array {
    this.reads.set(path, (this.reads.get(path) ?? 0) + 1);
    return super.readFile(path);
  }
  override readText(path: string): string {
    this.reads.set(path, (this.reads.get(path) ?? 0) + 1);
    return super.readText(path);
  }
}

const MINI = posix.join(FIXTURES, 'mini');
const ACTIVE = ['prod-eu-west-1', 'prod-us-east-1', 'staging-eu-west-1'];

describe('renderFleet', () => {
  const estate = loadEstate(new DiskFileSystem(), MINI);

  it('renders each cluster as renderCluster does, in the order asked', () => {
    const fleet = renderFleet(new DiskFileSystem(), estate, ACTIVE);
    assert.deepEqual(fleet.failed, []);
    assert.deepEqual(fleet.rendered.map((r) => r.cluster), ACTIVE);
    for (const r of fleet.rendered) assert.equal(r.yaml, renderCluster(new DiskFileSystem(), estate, r.cluster).yaml);
  });

  it('reads each shared file once for the whole fleet, and parses it once', () => {
    const fs = new CountingFileSystem();
    const cache = createRenderCache(fs);
    renderFleet(fs, estate, ACTIVE, { cache });
    const shared = posix.join(estate.dir, 'services/web/base/deployment.yaml');
    assert.equal(fs.reads.get(shared), 1);
    assert.ok([...fs.reads.values()].every((n) => n === 1));
    assert.ok(cache.fileCache.has(shared), 'the engine stores parsed files in BuildOptions.fileCache');
  });

  it('collects every failing cluster instead of stopping at the first', () => {
    const fleet = renderFleet(new DiskFileSystem(), estate, ['prod-eu-west-1', 'nope', 'also-nope']);
    assert.deepEqual(fleet.rendered.map((r) => r.cluster), ['prod-eu-west-1']);
    assert.deepEqual(fleet.failed.map((f) => [f.cluster, f.diagnostics[0]!.code]), [
      ['nope', EstateCode.UnknownCluster],
      ['also-nope', EstateCode.UnknownCluster],
    ]);
  });

  it('summariseFleet counts objects by kind, replicas and DaemonSets', () => {
    const fleet = renderFleet(new DiskFileSystem(), estate, ['prod-eu-west-1', 'staging-eu-west-1']);
    const [prod, staging] = summariseFleet(fleet.rendered);
    assert.deepEqual({ ...prod!, bytes: 0 }, {
      cluster: 'prod-eu-west-1',
      objects: 6,
      kinds: { ConfigMap: 1, DaemonSet: 1, Deployment: 2, Namespace: 1, Service: 1 },
      replicas: 7, // auth-api 3 + web 4
      daemonSets: 1,
      bytes: 0,
    });
    assert.equal(prod!.bytes, Buffer.byteLength(fleet.rendered[0]!.yaml));
    // web has no replicas field: the API default of 1 counts.
    assert.deepEqual([staging!.objects, staging!.replicas, staging!.daemonSets], [3, 1, 1]);
  });
});
