import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COMMANDS, main } from '../../src/cli/main.js';
import { captureIO } from '../harness/cli-io.js';

describe('harbormaster <command> --help', () => {
  for (const name of COMMANDS.keys()) {
    it(`${name} --help prints its usage on stdout and exits 0`, async () => {
      const io = captureIO();
      const code = await main([name, '--help'], io);
      assert.equal(code, 0);
      assert.match(io.out, new RegExp(`harbormaster ${name}`));
      assert.equal(io.err, '');
    });
  }

  it('an unknown command exits 2 and lists the commands', async () => {
    const io = captureIO();
    assert.equal(await main(['nope'], io), 2);
    assert.match(io.err, /unknown command 'nope'/);
    for (const name of COMMANDS.keys()) assert.match(io.err, new RegExp(`\\b${name}\\b`));
  });
});
