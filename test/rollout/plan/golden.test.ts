/**
 * Golden plans of the example estate: `deploy --plan` text and the plan JSON,
 * compared byte for byte. After an intended change to the plan, its format or
 * the example estate, regenerate them with
 *
 *   HM_UPDATE_GOLDEN=1 node --test dist/test/rollout/plan/golden.test.js
 *
 * and review the diff of test/rollout/plan/golden/ before committing.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { KubeObject } from '../../../src/cluster/types.js';
import { createRenderCache, loadEstate, renderFleet, resolveCluster } from '../../../src/estate/index.js';
import type { Estate, ResolvedCluster } from '../../../src/estate/types.js';
import { DiskFileSystem } from '../../../src/fs/disk.js';
import type { FileSystem } from '../../../src/fs/filesystem.js';
import { MemoryFileSystem } from '../../../src/fs/memory.js';
import { OverlayFileSystem } from '../../../src/fs/overlay.js';
import { changeInfo } from '../../../src/rollout/change/git.js';
import { formatPlan } from '../../../src/rollout/plan/format.js';
import { planRollout } from '../../../src/rollout/plan/plan.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const ESTATE = `${ROOT}examples/acme-estate`;
const GOLDEN = `${ROOT}test/rollout/plan/golden/`;
const UPDATE = process.env['HM_UPDATE_GOLDEN'] !== undefined;
const NOW = new Date('2026-12-01T09:30:00Z');
const COMMIT = { sha: '3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39', time: '2026-12-01T09:12:44Z', dirty: false };

type Manifests = Map<string, KubeObject[]>;

let estate: Estate;
let clusters: ResolvedCluster[];
let current: Manifests;

function render(fs: FileSystem): Manifests {
  const names = clusters.filter((c) => c.status === 'active').map((c) => c.name);
  const fleet = renderFleet(fs, estate, names, { cache: createRenderCache(fs) });
  assert.deepEqual(fleet.failed, []);
  return new Map(fleet.rendered.map((r) => [r.cluster, r.resources.map((res) => res.obj as unknown as KubeObject)]));
}

/** Plans `desired` against `lastGood` and compares text and JSON with the golden files `name`.txt/.json. */
function checkGolden(name: string, subject: string, desired: Manifests, lastGood: Manifests): void {
  const plan = planRollout({ estate, clusters, desired, lastGood, change: changeInfo(estate.dir, desired, { ...COMMIT, subject }), now: NOW });
  const files = { [`${name}.txt`]: formatPlan(plan), [`${name}.json`]: `${JSON.stringify(plan, null, 2)}\n` };
  for (const [file, text] of Object.entries(files)) {
    if (UPDATE) {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(GOLDEN + file, text);
    }
    assert.equal(text, readFileSync(GOLDEN + file, 'utf8'), `${file} differs; see the top of this test to regenerate`);
  }
  assert.deepEqual(JSON.parse(files[`${name}.json`]!), plan, 'the plan serialises to JSON as-is');
}

describe('plan golden files of examples/acme-estate', () => {
  before(() => {
    const disk = new DiskFileSystem();
    estate = loadEstate(disk, ESTATE);
    clusters = estate.clusters.map((c) => resolveCluster(estate, c.name));
    current = render(disk);
  });

  it('first deploy: every object created, default strategy, planned clusters left out', () => {
    checkGolden('first-deploy', 'Authwall fleet under Harbormaster', current, new Map());
  });

  it('config-only change: an env file edit renames the generated ConfigMap, config strategy', () => {
    const disk = new DiskFileSystem();
    const envFile = `${ESTATE}/services/auth-api/base/config/auth-api.env`;
    const edited = new MemoryFileSystem().write(envFile, disk.readText(envFile).replace('LOG_LEVEL=info', 'LOG_LEVEL=debug'));
    checkGolden('config-change', 'auth-api: log at debug level', render(new OverlayFileSystem(edited, disk)), current);
  });

  it('image change: the auth-api Deployment changes everywhere, default strategy', () => {
    const bumped = new Map([...current].map(([cluster, objects]) => [cluster, objects.map(bumpAuthApi)]));
    checkGolden('image-change', 'auth-api 2026.12.1', bumped, current);
  });
});

function bumpAuthApi(object: KubeObject): KubeObject {
  if (object.kind !== 'Deployment' || object.metadata.name !== 'auth-api') return object;
  const copy = structuredClone(object);
  const containers = (copy as unknown as { spec: { template: { spec: { containers: { image: string }[] } } } }).spec.template.spec.containers;
  containers[0]!.image = 'ghcr.io/acme/auth-api:2026.12.1';
  return copy;
}
