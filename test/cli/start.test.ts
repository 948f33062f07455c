import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import { captureIO } from '../harness/cli-io.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));

describe('harbormaster start (the npm start job)', () => {
  it('renders every active cluster of the example estate, wave by wave, with totals', async () => {
    const io = captureIO(REPO);
    const code = await main(['start', '--estate', 'examples/acme-estate', '--render-only'], io);
    assert.equal(code, 0, io.err);
    assert.match(io.out, /^Estate "acme": 10 active \+ 2 planned clusters, 20 services, 31 addons/);
    const rows = io.out.split('\n').filter((line) => /^\d+\s+prod-/.test(line));
    assert.equal(rows.length, 10);
    const waves = rows.map((row) => Number(row.split(/\s+/)[0]));
    assert.deepEqual(waves, [...waves].sort((a, b) => a - b), 'rows are ordered by wave');
    assert.match(io.out, /10 clusters rendered: \d+ objects, \d+ pods; biggest: prod-us-east-1/);
    assert.match(io.out, /planned \(validated, not rendered\): prod-sa-east-1, prod-me-central-1/);
  });

  it('refuses unknown flags and bad speeds with exit 2 and usage', async () => {
    for (const args of [['--bogus'], ['--speed', 'fast'], ['--speed', '0.5']]) {
      const io = captureIO(REPO);
      assert.equal(await main(['start', ...args], io), 2, args.join(' '));
      assert.match(io.err, /usage: harbormaster start/);
    }
  });

  it('reports estate errors with file and exit 1', async () => {
    const io = captureIO(REPO);
    assert.equal(await main(['start', '--estate', 'test'], io), 1);
    assert.match(io.err, /harbormaster\.yaml/);
  });
});

describe('command registry', () => {
  it('lists each command with the same summary the command itself carries', async () => {
    const { COMMANDS } = await import('../../src/cli/main.js');
    for (const entry of COMMANDS.values()) {
      const command = await entry.load();
      assert.equal(command.name, entry.name);
      assert.equal(command.summary, entry.summary);
    }
  });
});
