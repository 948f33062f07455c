import assert from 'node:assert/strict';
import * as nodeFs from 'node:fs';
import { tmpdir } from 'node:os';
import { posix } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseRenderArgs, renderCommand, UsageError, writeAllOrNothing } from '../../src/cli/render.js';
import { DiagnosticError } from '../../src/core/diagnostic.js';
import { DiskFileSystem } from '../../src/fs/disk.js';
import { loadEstate } from '../../src/estate/load.js';
import { renderCluster } from '../../src/estate/render.js';
import { captureIO, type Captured } from '../harness/cli-io.js';

const MINI = fileURLToPath(new URL('../../../test/estate/fixtures/mini', import.meta.url));

function tempDir(): string {
  const dir = nodeFs.mkdtempSync(posix.join(tmpdir(), 'hm-render-'));
  after(() => nodeFs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function run(args: string[], io = captureIO(MINI)): Promise<{ code: number; io: Captured }> {
  const code = await renderCommand.run(args, io);
  return { code, io };
}

const expected = (cluster: string): string => renderCluster(new DiskFileSystem(), loadEstate(new DiskFileSystem(), MINI), cluster).yaml;

describe('render: command-line mistakes exit 2', () => {
  const cases: [string, string[]][] = [
    ['an unknown flag', ['--clusters', 'x']],
    ['a flag without its value', ['--cluster']],
    ['an empty value', ['--out=']],
    ['a bad format', ['--format', 'xml']],
    ['a value on a boolean flag', ['--quiet=yes']],
    ['a stray argument', ['prod-eu-west-1']],
    ['a malformed --explain', ['--explain', 'auth-api']],
    ['--explain with --out', ['--explain', 'Deployment/web', '--out', 'x']],
  ];
  for (const [what, args] of cases) {
    it(what, async () => {
      assert.throws(() => parseRenderArgs(args), UsageError);
      const { code, io } = await run(args);
      assert.equal(code, 2);
      assert.equal(io.out, '');
      assert.match(io.err, /^error: .*\n\nusage: harbormaster render/);
    });
  }

  it('suggests the flag that was meant', () => {
    assert.throws(() => parseRenderArgs(['--clusters', 'x']), /did you mean --cluster\?/);
  });

  it('an unknown cluster, with a suggestion', async () => {
    const { code, io } = await run(['--cluster', 'prod-eu-west1']);
    assert.equal(code, 2);
    assert.match(io.err, /ESTATE_UNKNOWN_CLUSTER/);
    assert.match(io.err, /hint: did you mean prod-eu-west-1\?/);
  });

  it('several clusters without --out', async () => {
    const { code, io } = await run([]);
    assert.equal(code, 2);
    assert.equal(io.out, '');
  });

  it('parses every flag, in both spellings', () => {
    assert.deepEqual(parseRenderArgs(['--estate=e', '--cluster', 'a', '--cluster=b', '--out', 'o', '--format=json', '--quiet', '--include-planned']), {
      estate: 'e',
      clusters: ['a', 'b'],
      out: 'o',
      format: 'json',
      quiet: true,
      includePlanned: true,
    });
    assert.deepEqual(parseRenderArgs(['--explain', 'Deployment/web']).explain, { kind: 'Deployment', name: 'web' });
  });
});

describe('render: estate problems exit 1', () => {
  it('a directory without harbormaster.yaml', async () => {
    const { code, io } = await run(['--estate', tempDir(), '--cluster', 'x']);
    assert.equal(code, 1);
    assert.match(io.err, /error ESTATE_NO_FILE/);
  });
});

describe('render: output', () => {
  it('one cluster to stdout, byte for byte, with a summary line on stderr', async () => {
    const { code, io } = await run(['--cluster', 'prod-eu-west-1']);
    assert.equal(code, 0);
    assert.equal(io.out, expected('prod-eu-west-1'));
    assert.match(io.err, /^prod-eu-west-1: 6 objects, 5 kinds \(Deployment 2, ConfigMap 1, DaemonSet 1, …\), 7 replicas, 1 DaemonSet, [0-9.]+ KiB\n$/);
  });

  it('--estate is resolved against the working directory', async () => {
    const { code, io } = await run(['--estate', 'mini', '--cluster', 'staging-eu-west-1', '--quiet'], captureIO(posix.dirname(MINI)));
    assert.deepEqual([code, io.out, io.err], [0, expected('staging-eu-west-1'), '']);
  });

  it('--out writes one file per active cluster; planned ones only with --include-planned', async () => {
    const out = posix.join(tempDir(), 'out');
    const { code, io } = await run(['--out', out]);
    assert.equal(code, 0);
    assert.deepEqual(nodeFs.readdirSync(out), ['prod-eu-west-1.yaml', 'prod-us-east-1.yaml', 'staging-eu-west-1.yaml']);
    assert.equal(nodeFs.readFileSync(posix.join(out, 'prod-us-east-1.yaml'), 'utf8'), expected('prod-us-east-1'));
    assert.equal(io.out, '');
    assert.equal(io.err.split('\n').filter(Boolean).length, 3);

    const again = await run(['--out', out, '--include-planned', '--quiet']);
    assert.deepEqual([again.code, again.io.err], [0, '']);
    assert.ok(nodeFs.readdirSync(out).includes('sandbox-eu-west-1.yaml'));
  });

  it('a planned cluster named with --cluster renders', async () => {
    const { code, io } = await run(['--cluster', 'sandbox-eu-west-1', '--quiet']);
    assert.deepEqual([code, io.out], [0, expected('sandbox-eu-west-1')]);
  });

  it('--format json writes a kubectl v1 List', async () => {
    const { code, io } = await run(['--cluster', 'staging-eu-west-1', '--format', 'json', '--quiet']);
    assert.equal(code, 0);
    const list = JSON.parse(io.out);
    assert.deepEqual([list.apiVersion, list.kind, list.items.length], ['v1', 'List', 3]);
    assert.deepEqual(list.items.map((o: { kind: string }) => o.kind), ['Namespace', 'Deployment', 'DaemonSet']);
    assert.ok(io.out.startsWith('{\n    "apiVersion": "v1",\n    "items": [\n'));
  });

  it('shows progress on a terminal', async () => {
    const { code, io } = await run(['--cluster', 'staging-eu-west-1', '--cluster', 'prod-eu-west-1', '--out', tempDir()], captureIO(MINI, true));
    assert.equal(code, 0);
    assert.ok(io.err.includes('\r\x1b[K[1/2] rendering staging-eu-west-1'));
    assert.ok(io.err.includes('\r\x1b[K[2/2] rendering prod-eu-west-1'));
  });

  it('--explain prints each match per cluster', async () => {
    const { code, io } = await run(['--cluster', 'prod-eu-west-1', '--cluster', 'prod-us-east-1', '--explain', 'deployment/auth-api', '--quiet']);
    assert.equal(code, 0);
    assert.deepEqual(io.out.match(/^# cluster .*$/gm), ['# cluster prod-eu-west-1', '# cluster prod-us-east-1']);
    const missing = await run(['--cluster', 'prod-eu-west-1', '--explain', 'Deployment/nope']);
    assert.equal(missing.code, 1);
    assert.match(missing.io.err, /CLI_NO_SUCH_OBJECT/);
  });
});

describe('render: all or nothing', () => {
  /** The mini estate plus a prod-us-east-1 overlay for web that cannot render. */
  function brokenEstate(): string {
    const dir = posix.join(tempDir(), 'estate');
    nodeFs.cpSync(MINI, dir, { recursive: true });
    const overlay = posix.join(dir, 'services/web/overlays/prod-us-east-1');
    nodeFs.mkdirSync(overlay, { recursive: true });
    nodeFs.writeFileSync(posix.join(overlay, 'kustomization.yaml'), 'resources:\n- ../../base\n- missing.yaml\n');
    return dir;
  }

  it('a failing cluster means nothing is written, and every failure is reported', async () => {
    const estate = brokenEstate();
    const out = posix.join(posix.dirname(estate), 'out');
    const { code, io } = await run(['--estate', estate, '--out', out]);
    assert.equal(code, 1);
    assert.equal(nodeFs.existsSync(out), false);
    assert.match(io.err, /^prod-us-east-1: .*error KUST_/m);
    assert.doesNotMatch(io.err, /^prod-eu-west-1: /m);
  });

  it('an existing output directory is left exactly as it was', async () => {
    const estate = brokenEstate();
    const out = posix.join(posix.dirname(estate), 'out');
    nodeFs.mkdirSync(out);
    nodeFs.writeFileSync(posix.join(out, 'prod-eu-west-1.yaml'), 'old\n');
    assert.equal((await run(['--estate', estate, '--out', out])).code, 1);
    assert.deepEqual(nodeFs.readdirSync(out), ['prod-eu-west-1.yaml']);
    assert.equal(nodeFs.readFileSync(posix.join(out, 'prod-eu-west-1.yaml'), 'utf8'), 'old\n');
  });

  it('a file that cannot be written means none is, and no temporary file is left', async () => {
    const out = tempDir();
    nodeFs.mkdirSync(posix.join(out, 'staging-eu-west-1.yaml'));
    const { code, io } = await run(['--out', out]);
    assert.equal(code, 1);
    assert.match(io.err, /CLI_WRITE_FAILED/);
    assert.deepEqual(nodeFs.readdirSync(out), ['staging-eu-west-1.yaml']);
  });
});

describe('writeAllOrNothing', () => {
  it('removes the temporary files already written, and the directory it created, when a later file fails', () => {
    const out = posix.join(tempDir(), 'new');
    const files = [
      { path: posix.join(out, 'a.yaml'), text: 'a\n' },
      { path: posix.join(out, 'no-such-dir', 'b.yaml'), text: 'b\n' },
    ];
    assert.throws(() => writeAllOrNothing(out, files), (err: unknown) => err instanceof DiagnosticError && err.code === 'CLI_WRITE_FAILED');
    assert.equal(nodeFs.existsSync(out), false);
    const existing = tempDir();
    assert.throws(() => writeAllOrNothing(existing, files.map((f) => ({ ...f, path: f.path.replace(out, existing) }))));
    assert.deepEqual(nodeFs.readdirSync(existing), []);
  });

  it('writes every file when all succeed', () => {
    const out = tempDir();
    writeAllOrNothing(out, [{ path: posix.join(out, 'a.yaml'), text: 'a\n' }]);
    assert.deepEqual(nodeFs.readdirSync(out), ['a.yaml']);
  });
});
