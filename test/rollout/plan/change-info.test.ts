import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fleetDigest, clusterDigest } from '../../../src/rollout/change/canonical.js';
import { changeInfo, gitCommit } from '../../../src/rollout/change/git.js';
import { manifestsFromYaml, manifestsToYaml } from '../../../src/rollout/change/manifests.js';
import { configMap, deployment } from './objects.js';

const DESIRED = new Map([
  ['prod-b', [deployment('app'), configMap('app-config', { A: '1' })]],
  ['prod-a', [configMap('app-config', { A: '1' })]],
]);

describe('digests', () => {
  it('do not depend on object order, map order or key order', () => {
    const reordered = new Map([
      ['prod-a', [configMap('app-config', { A: '1' })]],
      ['prod-b', [configMap('app-config', { A: '1' }), deployment('app')]],
    ]);
    assert.equal(fleetDigest(reordered), fleetDigest(DESIRED));
    const keysReversed = DESIRED.get('prod-b')!.map((o) => Object.fromEntries(Object.entries(o).reverse()) as typeof o);
    assert.equal(clusterDigest(keysReversed), clusterDigest(DESIRED.get('prod-b')!));
    assert.match(fleetDigest(DESIRED), /^[0-9a-f]{64}$/);
  });

  it('change with any object of any cluster', () => {
    const changed = new Map(DESIRED);
    changed.set('prod-a', [configMap('app-config', { A: '2' })]);
    assert.notEqual(fleetDigest(changed), fleetDigest(DESIRED));
  });

  it('last-good manifests round-trip through YAML unchanged', () => {
    const objects = DESIRED.get('prod-b')!;
    const text = manifestsToYaml(objects);
    assert.match(text, /^apiVersion: apps\/v1\nkind: Deployment\n/);
    assert.equal(clusterDigest(manifestsFromYaml(text)), clusterDigest(objects));
  });
});

describe('changeInfo', () => {
  let dir: string;
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Ops', '-c', 'user.email=ops@acme.io', '-c', 'commit.gpgsign=false', ...args], {
      cwd: dir,
      env: { ...process.env, GIT_COMMITTER_DATE: '2026-11-30T17:02:11+01:00', GIT_AUTHOR_DATE: '2026-11-30T17:02:11+01:00' },
      stdio: 'pipe',
    });

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'hm-change-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('outside a git work tree: a summary from the digest, no commit', () => {
    const info = changeInfo(dir, DESIRED);
    assert.deepEqual(info, { digest: fleetDigest(DESIRED), summary: `estate digest ${fleetDigest(DESIRED).slice(0, 12)} (not a git work tree)` });
  });

  it('in a work tree: HEAD sha, commit time in UTC, subject, clean', () => {
    git('init', '-q');
    writeFileSync(join(dir, 'harbormaster.yaml'), 'kind: Estate\n');
    git('add', '.');
    git('commit', '-q', '-m', 'auth-api 2026.12.1', '-m', 'body text');
    const sha = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim();
    assert.deepEqual(changeInfo(dir, DESIRED), { digest: fleetDigest(DESIRED), commit: sha, commitTime: '2026-11-30T16:02:11Z', summary: 'auth-api 2026.12.1', dirty: false });
  });

  it('the journal directory does not make the tree dirty; an edited estate file does', () => {
    mkdirSync(join(dir, '.harbormaster'), { recursive: true });
    writeFileSync(join(dir, '.harbormaster', 'journal.db'), 'x');
    assert.equal(gitCommit(dir)?.dirty, false);
    writeFileSync(join(dir, 'harbormaster.yaml'), 'kind: Estate\nspec: {}\n');
    assert.equal(gitCommit(dir)?.dirty, true);
  });
});
