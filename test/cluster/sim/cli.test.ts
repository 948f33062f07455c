import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import * as k8s from '@kubernetes/client-node';
import { parse } from 'yaml';
import { parseSimArgs, runSimServe, simCommand } from '../../../src/cli/sim.js';
import { eventually } from './helpers.js';
import { captureIO } from '../../harness/cli-io.js';

const ESTATE = resolve('examples/acme-estate');

describe('harbormaster sim serve', () => {
  it('parses its flags and rejects others (exit 2)', async () => {
    assert.deepEqual(parseSimArgs(['serve', '--estate', 'e', '--kubeconfig-out=k.yaml']), { estate: 'e', kubeconfigOut: 'k.yaml' });
    const io = captureIO();
    assert.equal(await simCommand.run(['serve', '--bogus'], io), 2);
    assert.match(io.err, /unexpected argument --bogus/);
    assert.equal(await simCommand.run(['stop'], captureIO()), 2);
  });

  it('serves every sim cluster of the estate until stopped, then removes its kubeconfig', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hm-sim-cli-'));
    const file = join(dir, 'sim.yaml');
    const io = captureIO();
    let stop: () => void = () => undefined;
    const running = runSimServe({ estate: ESTATE, kubeconfigOut: file }, io, new Promise<void>((r) => (stop = r)));
    try {
      await eventually(() => existsSync(file), 5000);
      const config = parse(readFileSync(file, 'utf8')) as { contexts: Array<{ name: string }> };
      const sims = (readFileSync(join(ESTATE, 'harbormaster.yaml'), 'utf8').match(/sim: \{\}/g) ?? []).length;
      assert.equal(config.contexts.length, sims);
      assert.match(io.out, new RegExp(`HARBORMASTER_SIM_KUBECONFIG=${file} harbormaster deploy`));
      const kc = new k8s.KubeConfig();
      kc.loadFromFile(file);
      kc.setCurrentContext(config.contexts[0]!.name);
      const namespaces = await kc.makeApiClient(k8s.CoreV1Api).listNamespace();
      assert.ok(namespaces.items.some((n) => n.metadata?.name === 'kube-system'));
    } finally {
      stop();
      assert.equal(await running, 0);
      rmSync(dir, { recursive: true, force: true });
    }
    assert.equal(existsSync(file), false);
  });

  it('fails (exit 1) for an estate without sim clusters or with errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hm-sim-cli-'));
    try {
      const io = captureIO();
      assert.equal(await runSimServe({ estate: dir }, io, Promise.resolve()), 1);
      assert.notEqual(io.err, '');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
