import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as nodeFs from 'node:fs';
import { tmpdir } from 'node:os';
import { posix } from 'node:path';
import { after, describe, it } from 'node:test';
import { DiskFileSystem } from '../../src/fs/disk.js';
import { composeCluster } from '../../src/estate/compose.js';
import { loadEstate } from '../../src/estate/load.js';
import { toJsonList } from '../../src/estate/output.js';
import { renderCluster } from '../../src/estate/render.js';
import { FIXTURES } from './helpers.js';

const hasKubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;
const ACME = posix.resolve(FIXTURES, '../../../examples/acme-estate');

/** Copies an estate to a temporary directory so the generated tree can be written next to it. */
function copyEstate(dir: string): string {
  const copy = nodeFs.mkdtempSync(posix.join(tmpdir(), 'hm-estate-'));
  nodeFs.cpSync(dir, copy, { recursive: true });
  return copy;
}

/**
 * The generated roots, written to disk and rendered by kubectl, must give the
 * bytes our in-memory render gives.
 */
function compareWithKubectl(dir: string, clusters?: string[]): void {
  const copy = copyEstate(dir);
  after(() => nodeFs.rmSync(copy, { recursive: true, force: true }));
  const fs = new DiskFileSystem();
  const estate = loadEstate(fs, copy);
  for (const cluster of clusters ?? estate.clusters.map((c) => c.name)) {
    const ours = renderCluster(fs, estate, cluster).yaml;
    const { files, root } = composeCluster(estate, cluster);
    for (const [path, text] of files) {
      nodeFs.mkdirSync(posix.dirname(path), { recursive: true });
      nodeFs.writeFileSync(path, text);
    }
    const theirs = execFileSync('kubectl', ['kustomize', root], { encoding: 'utf8', maxBuffer: 64 << 20 });
    assert.equal(ours, theirs, `cluster ${cluster}`);
  }
}

describe('renderCluster matches kubectl kustomize on the written-out tree', { skip: !hasKubectl && 'kubectl not on PATH' }, () => {
  it('every cluster of the mini fixture', () => compareWithKubectl(posix.join(FIXTURES, 'mini')));

  it('the JSON v1 List reads back through kubectl as the same objects', () => {
    const dir = nodeFs.mkdtempSync(posix.join(tmpdir(), 'hm-list-'));
    after(() => nodeFs.rmSync(dir, { recursive: true, force: true }));
    const fs = new DiskFileSystem();
    const rendered = renderCluster(fs, loadEstate(fs, posix.join(FIXTURES, 'mini')), 'prod-us-east-1');
    nodeFs.writeFileSync(posix.join(dir, 'list.json'), toJsonList(rendered.resources));
    nodeFs.writeFileSync(posix.join(dir, 'kustomization.yaml'), 'resources: [list.json]\n');
    assert.equal(execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8' }), rendered.yaml);
  });

  it('the first cluster of the example estate', { skip: !nodeFs.existsSync(posix.join(ACME, 'harbormaster.yaml')) && 'no example estate' }, () => {
    const estate = loadEstate(new DiskFileSystem(), ACME);
    compareWithKubectl(ACME, estate.clusters.slice(0, 1).map((c) => c.name));
  });
});
