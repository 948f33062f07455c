/**
 * The example estate verifies without errors on every cluster, active and
 * planned, and uses each of its waivers (none expired, none stale).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { CliIO } from '../../src/cli/command.js';
import { verifyCommand } from '../../src/cli/verify.js';

const ACME = fileURLToPath(new URL('../../../examples/acme-estate', import.meta.url));

test('examples/acme-estate: no errors in any cluster; every waiver used', async () => {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), isTTY: false, cwd: ACME };
  const clusters = ['prod-ca-central-1', 'prod-us-east-2', 'prod-ap-southeast-2', 'prod-us-east-1', 'prod-us-west-2', 'prod-eu-west-1',
    'prod-eu-central-1', 'prod-eu-west-2', 'prod-ap-northeast-1', 'prod-ap-south-1', 'prod-sa-east-1', 'prod-me-central-1'];
  const code = await verifyCommand.run([...clusters.flatMap((c) => ['--cluster', c]), '--output', 'json'], io);
  const doc = JSON.parse(out) as {
    clusters: string[];
    summary: { findings: { error: number } };
    findings: { ruleId: string; severity: string; location: { file: string; line: number } }[];
    waivers: { id: string; status: string }[];
  };
  const errors = doc.findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId} ${f.location.file}:${f.location.line}`);
  assert.deepEqual(errors, []);
  assert.equal(code, 0, err);
  assert.equal(doc.clusters.length, 12);
  assert.deepEqual(doc.waivers.map((w) => `${w.id}:${w.status}`), ['sre-break-glass:used', 'node-exporter-host-metrics:used', 'ebs-csi-node-plugin:used']);
});
