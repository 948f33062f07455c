import assert from 'node:assert/strict';
import * as nodeFs from 'node:fs';
import { tmpdir } from 'node:os';
import { posix } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseVerifyArgs, verifyCommand } from '../../src/cli/verify.js';
import { UsageError } from '../../src/cli/render.js';
import { validateAgainst } from '../verify/sarif-schema-validator.js';
import { captureIO, type Captured } from '../harness/cli-io.js';

const MINI = fileURLToPath(new URL('../../../test/estate/fixtures/mini', import.meta.url));
const SARIF_SCHEMA = JSON.parse(nodeFs.readFileSync(fileURLToPath(new URL('../../../test/verify/fixtures/sarif-schema-2.1.0.json', import.meta.url)), 'utf8'));

function tempDir(): string {
  const dir = nodeFs.mkdtempSync(posix.join(tmpdir(), 'hm-verify-'));
  after(() => nodeFs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    nodeFs.mkdirSync(posix.dirname(posix.join(root, path)), { recursive: true });
    nodeFs.writeFileSync(posix.join(root, path), text);
  }
}

const WAIVERS = `apiVersion: harbormaster.dev/v1alpha1
kind: Waivers
waivers:
  - id: staging-privileged
    rule: pod-security/privileged
    resource: { kind: Deployment, namespace: web, name: web }
    clusters: [staging-*]
    reason: staging debugging image
    owner: frontend
    expires: "2099-01-01"
`;

/**
 * The mini estate plus: a privileged container in the web base (every
 * cluster), hostPID set by a patch in one cluster's overlay, and a waiver
 * for the staging cluster.
 */
function estate(extra: Record<string, string> = {}): string {
  const dir = tempDir();
  nodeFs.cpSync(MINI, dir, { recursive: true });
  const base = nodeFs.readFileSync(posix.join(dir, 'services/web/base/deployment.yaml'), 'utf8');
  write(dir, {
    'services/web/base/deployment.yaml': `${base}        securityContext:\n          privileged: true\n`,
    'services/web/overlays/prod-eu-west-1/kustomization.yaml': 'resources:\n- ../../base\npatches:\n- path: host-pid.yaml\n',
    'services/web/overlays/prod-eu-west-1/host-pid.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      hostPID: true\n',
    'policies/waivers.yaml': WAIVERS,
    ...extra,
  });
  return dir;
}

async function run(args: string[], cwd: string): Promise<{ code: number; io: Captured }> {
  const io = captureIO(cwd);
  const code = await verifyCommand.run(args, io);
  return { code, io };
}

interface JsonFinding {
  ruleId: string;
  location: { file: string; line: number };
  clusters: string[];
}

describe('verify: command line', () => {
  it('parses flags and refuses mistakes with a UsageError', () => {
    const flags = parseVerifyArgs(['--estate', 'e', '--cluster=a', '--cluster', 'b', '--pss-level', 'restricted', '--pss-version', 'v1.25', '--fail-on', 'warning', '--output', 'sarif']);
    assert.deepEqual([flags.estate, flags.clusters, flags.pss, flags.failOn, flags.output], ['e', ['a', 'b'], { level: 'restricted', version: 25 }, 'warning', 'sarif']);
    for (const bad of [['--pss-level', 'strict'], ['--pss-version', '1.25'], ['--fail-on', 'fatal'], ['--output', 'xml'], ['--estate'], ['--nope'], ['x.yaml', '--estate', 'e']]) {
      assert.throws(() => parseVerifyArgs(bad), UsageError, bad.join(' '));
    }
  });

  it('--help prints the usage on stdout and exits 0', async () => {
    const { code, io } = await run(['--help'], MINI);
    assert.equal(code, 0);
    assert.match(io.out, /^usage: harbormaster verify/);
  });

  it('exits 2 on a usage mistake and prints the usage', async () => {
    const { code, io } = await run(['--output', 'xml'], MINI);
    assert.equal(code, 2);
    assert.match(io.err, /usage: harbormaster verify/);
  });
});

describe('verify: an estate', () => {
  it('reports a finding shared by every cluster once, a cluster-only one with its cluster, and the waived one', async () => {
    const dir = estate();
    const { code, io } = await run(['--output', 'json'], dir);
    assert.equal(code, 1);
    const doc = JSON.parse(io.out) as { clusters: string[]; findings: JsonFinding[]; waived: (JsonFinding & { waiver: string })[] };
    assert.deepEqual(doc.clusters, ['prod-eu-west-1', 'prod-us-east-1', 'staging-eu-west-1']);
    const errors = doc.findings.filter((f) => f.ruleId.startsWith('pod-security/'));
    assert.deepEqual(errors.map((f) => [f.ruleId, f.location.file, f.location.line, f.clusters]), [
      ['pod-security/privileged', 'services/web/base/deployment.yaml', 18, ['prod-eu-west-1', 'prod-us-east-1']],
      ['pod-security/hostNamespaces', 'services/web/overlays/prod-eu-west-1/host-pid.yaml', 8, ['prod-eu-west-1']],
    ]);
    assert.deepEqual(doc.waived.map((f) => [f.ruleId, f.waiver, f.clusters]), [['pod-security/privileged', 'staging-privileged', ['staging-eu-west-1']]]);
  });

  it('--fail-on none exits 0; --cluster narrows the run', async () => {
    const dir = estate();
    assert.equal((await run(['--fail-on', 'none'], dir)).code, 0);
    const { code, io } = await run(['--cluster', 'staging-eu-west-1', '--output', 'json', '--fail-on', 'error'], dir);
    const doc = JSON.parse(io.out) as { clusters: string[]; findings: JsonFinding[] };
    assert.deepEqual(doc.clusters, ['staging-eu-west-1']);
    assert.equal(doc.findings.filter((f) => f.ruleId.startsWith('pod-security/')).length, 0);
    assert.equal(code, 0);
  });

  it('the table names the file to edit, line by line', async () => {
    const dir = estate();
    const { io } = await run(['--estate', dir], dir);
    assert.match(io.out, /^services\/web\/overlays\/prod-eu-west-1\/host-pid\.yaml\n {2}8:7 +error +pod-security\/hostNamespaces +Deployment web\/web/m);
  });

  it('an expired waiver fails the run at its expires line', async () => {
    const dir = estate({ 'policies/waivers.yaml': WAIVERS.replace('2099-01-01', '2001-01-01') });
    const { code, io } = await run(['--output', 'json', '--cluster', 'staging-eu-west-1'], dir);
    assert.equal(code, 1);
    const doc = JSON.parse(io.out) as { findings: JsonFinding[] };
    const expired = doc.findings.filter((f) => f.ruleId === 'hm/waiver-expired');
    assert.deepEqual(expired.map((f) => [f.location.file, f.location.line]), [['policies/waivers.yaml', 10]]);
    assert.ok(doc.findings.some((f) => f.ruleId === 'pod-security/privileged'));
  });

  it('an invalid waivers file, an unknown cluster or a missing estate exit 2', async () => {
    const bad = estate({ 'policies/waivers.yaml': WAIVERS.replace('    owner: frontend\n', '') });
    const invalid = await run([], bad);
    assert.equal(invalid.code, 2);
    assert.match(invalid.io.err, /VERIFY_WAIVER_INVALID/);
    assert.equal((await run(['--cluster', 'nope'], estate())).code, 2);
    assert.equal((await run(['--estate', '/nonexistent'], MINI)).code, 2);
  });

  it('policies/ settings give the registry allowlist and the default Pod Security level; flags override the level', async () => {
    const settings = 'apiVersion: harbormaster.dev/v1alpha1\nkind: VerifySettings\nspec:\n  allowedRegistries: [ghcr.io/acme]\n  podSecurity: { level: privileged }\n';
    const dir = estate({ 'policies/verify.yaml': settings });
    const estateRun = await run(['--output', 'json', '--cluster', 'prod-us-east-1'], dir);
    const doc = JSON.parse(estateRun.io.out) as { findings: JsonFinding[] };
    assert.ok(doc.findings.some((f) => f.ruleId === 'hm/registry-allowlist' && f.location.file === 'services/web/base/deployment.yaml'));
    assert.ok(!doc.findings.some((f) => f.ruleId.startsWith('pod-security/')), 'privileged is the estate default');
    const flagged = JSON.parse((await run(['--output', 'json', '--cluster', 'prod-us-east-1', '--pss-level', 'baseline'], dir)).io.out) as { findings: JsonFinding[] };
    assert.ok(flagged.findings.some((f) => f.ruleId === 'pod-security/privileged'));
  });

  it('admission policies in policies/ are evaluated; a policy that does not compile exits 2', async () => {
    const policy = (expression: string): string => `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: { name: team-label }
spec:
  matchConstraints:
    resourceRules:
      - { apiGroups: [apps], apiVersions: [v1], operations: [CREATE], resources: [deployments] }
  validations:
    - expression: ${JSON.stringify(expression)}
      message: deployments need a team label
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: { name: team-label }
spec:
  policyName: team-label
  validationActions: [Warn]
`;
    const dir = estate({ 'policies/team-label.yaml': policy("has(object.metadata.labels) && 'team' in object.metadata.labels") });
    const doc = JSON.parse((await run(['--output', 'json', '--cluster', 'prod-us-east-1', '--fail-on', 'none'], dir)).io.out) as { findings: (JsonFinding & { severity: string })[] };
    const vap = doc.findings.filter((f) => f.ruleId === 'vap/team-label');
    assert.ok(vap.length > 0);
    assert.ok(vap.every((f) => f.severity === 'warning'));
    const broken = estate({ 'policies/team-label.yaml': policy('object.metadata.(') });
    const result = await run(['--cluster', 'prod-us-east-1'], broken);
    assert.equal(result.code, 2);
    assert.match(result.io.err, /policies\/team-label\.yaml:\d+/);
  });

  it('--out writes the report to a file and keeps stdout empty', async () => {
    const dir = estate();
    const { code, io } = await run(['--output', 'sarif', '--out', 'reports/verify.sarif'], dir);
    assert.equal(code, 1);
    assert.equal(io.out, '');
    const sarif = JSON.parse(nodeFs.readFileSync(posix.join(dir, 'reports/verify.sarif'), 'utf8')) as { runs: { results: unknown[] }[] };
    assert.ok(sarif.runs[0]!.results.length > 0);
    assert.deepEqual(validateAgainst(SARIF_SCHEMA, sarif as never), []);
  });
});

describe('verify: plain paths', () => {
  it('reads manifest files, directories and kustomizations; --pss-level is the default level', async () => {
    const dir = tempDir();
    write(dir, {
      'pods/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: apps\nspec:\n  containers:\n    - name: c\n      image: ghcr.io/acme/app:1.0\n',
      'pods/notes.txt': 'not a manifest',
      'app/kustomization.yaml': 'resources: [cm.yaml]\n',
      'app/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: apps\ndata: {}\n',
    });
    const baseline = await run(['pods', 'app', '--output', 'json', '--fail-on', 'none'], dir);
    assert.equal(baseline.code, 0);
    const doc = JSON.parse(baseline.io.out) as { clusters: string[]; summary: { resources: number }; findings: JsonFinding[] };
    assert.deepEqual([doc.clusters, doc.summary.resources], [[], 2]);
    assert.ok(!doc.findings.some((f) => f.ruleId.startsWith('pod-security/')));
    const restricted = await run(['pods/pod.yaml', '--pss-level', 'restricted', '--output', 'json'], dir);
    const strict = JSON.parse(restricted.io.out) as { findings: JsonFinding[] };
    assert.ok(strict.findings.some((f) => f.ruleId === 'pod-security/runAsNonRoot' && f.location.file === 'pods/pod.yaml'));
    assert.equal(restricted.code, 1);
  });

  it('a missing path or a document that is not an object exits 2', async () => {
    const dir = tempDir();
    write(dir, { 'bad.yaml': '- just\n- a list\n' });
    assert.equal((await run(['missing.yaml'], dir)).code, 2);
    assert.equal((await run(['bad.yaml'], dir)).code, 2);
  });
});
