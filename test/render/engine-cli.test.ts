import assert from 'node:assert/strict';
import * as nodeFs from 'node:fs';
import { tmpdir } from 'node:os';
import { posix } from 'node:path';
import { after, describe, it } from 'node:test';
import { kustomizeCommand } from '../../src/cli/kustomize.js';
import { COMMANDS, main } from '../../src/cli/main.js';
import { captureIO } from '../harness/cli-io.js';

function tree(files: Record<string, string>): string {
  const dir = nodeFs.mkdtempSync(posix.join(tmpdir(), 'hm-kustomize-'));
  after(() => nodeFs.rmSync(dir, { recursive: true, force: true }));
  for (const [path, text] of Object.entries(files)) {
    nodeFs.mkdirSync(posix.dirname(posix.join(dir, path)), { recursive: true });
    nodeFs.writeFileSync(posix.join(dir, path), text);
  }
  return dir;
}

const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n';

describe('harbormaster kustomize', () => {
  it('prints what kubectl kustomize prints, warnings on stderr as "# Warning:" lines', async () => {
    const dir = tree({ 'app/kustomization.yaml': 'resources: [cm.yaml]\ncommonLabels: {a: b}\n', 'app/cm.yaml': CM });
    const io = captureIO(dir);
    assert.equal(await kustomizeCommand.run(['app'], io), 0);
    assert.equal(io.out, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels:\n    a: b\n  name: c\n');
    assert.equal(
      io.err,
      "# Warning: 'commonLabels' is deprecated. Please use 'labels' instead. Run 'kustomize edit fix' to update your Kustomization automatically.\n",
    );
  });

  it('exits 1 with each diagnostic naming file and line', async () => {
    const dir = tree({ 'kustomization.yaml': 'resources:\n- cm.yaml\n- nope.yaml\n', 'cm.yaml': CM });
    const io = captureIO(dir);
    assert.equal(await kustomizeCommand.run([], io), 1);
    assert.equal(io.out, '');
    assert.match(io.err, new RegExp(`^${dir}/kustomization.yaml:3:3: error KUST_MISSING_RESOURCE: `));
  });

  it('honours --load-restrictor', async () => {
    const dir = tree({ 'shared/cm.yaml': CM, 'app/kustomization.yaml': 'resources: [../shared/cm.yaml]\n' });
    const strict = captureIO(dir);
    assert.equal(await kustomizeCommand.run(['app'], strict), 1);
    assert.match(strict.err, /KUST_OUTSIDE_ROOT/);
    const open = captureIO(dir);
    assert.equal(await kustomizeCommand.run(['app', '--load-restrictor=LoadRestrictionsNone'], open), 0);
    assert.equal(open.out, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n');
  });

  it('--out builds several kustomizations into OUT/1.yaml, OUT/2.yaml', async () => {
    const dir = tree({
      'base/kustomization.yaml': 'resources: [cm.yaml]\n',
      'base/cm.yaml': CM,
      'a/kustomization.yaml': 'resources: [../base]\nnamePrefix: a-\n',
      'b/kustomization.yaml': 'resources: [../base]\nnamePrefix: b-\n',
    });
    const io = captureIO(dir);
    assert.equal(await kustomizeCommand.run(['--out', 'out', 'a', 'b'], io), 0);
    assert.equal(nodeFs.readFileSync(posix.join(dir, 'out/1.yaml'), 'utf8'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a-c\n');
    assert.equal(nodeFs.readFileSync(posix.join(dir, 'out/2.yaml'), 'utf8'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b-c\n');
  });

  it('usage mistakes exit 2', async () => {
    const io = captureIO('/');
    assert.equal(await kustomizeCommand.run(['--load-restrictor', 'Sometimes'], io), 2);
    assert.equal(await kustomizeCommand.run(['a', 'b'], io), 2);
    assert.equal(await kustomizeCommand.run(['--frobnicate'], io), 2);
  });
});

describe('harbormaster (main)', () => {
  it('dispatches to registered commands', async () => {
    assert.ok(COMMANDS.has('kustomize'));
    const dir = tree({ 'kustomization.yaml': 'resources: [cm.yaml]\n', 'cm.yaml': CM });
    const io = captureIO(dir);
    assert.equal(await main(['kustomize', '.'], io), 0);
    assert.equal(io.out, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n');
  });

  it('--help lists the commands, --version prints the version, an unknown command exits 2', async () => {
    const help = captureIO('/');
    assert.equal(await main(['--help'], help), 0);
    assert.match(help.out, /kustomize/);
    const version = captureIO('/');
    assert.equal(await main(['--version'], version), 0);
    assert.match(version.out, /^harbormaster \d+\.\d+\.\d+\n$/);
    const unknown = captureIO('/');
    assert.equal(await main(['frobnicate'], unknown), 2);
    assert.match(unknown.err, /unknown command 'frobnicate'/);
    assert.equal(await main([], captureIO('/')), 2);
  });
});
