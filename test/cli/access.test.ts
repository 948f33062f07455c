/**
 * `harbormaster access` on the example estate (one cluster, in process):
 * flags and exit codes, who-can / can-i / matrix / review output in every
 * format, and live mode against a simulated cluster.
 */
import assert from 'node:assert/strict';
import * as nodeFs from 'node:fs';
import { tmpdir } from 'node:os';
import { posix } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { accessCommand } from '../../src/cli/access.js';
import { COMMANDS } from '../../src/cli/main.js';
import { connectCluster } from '../../src/cluster/connect.js';
import { startSimFleet, type SimFleet } from '../../src/cluster/sim/fleet.js';
import { validateAgainst } from '../verify/sarif-schema-validator.js';
import { captureIO } from '../harness/cli-io.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ESTATE = ['--estate', 'examples/acme-estate', '--cluster', 'prod-ca-central-1'];
const SARIF_SCHEMA = JSON.parse(nodeFs.readFileSync(posix.join(ROOT, 'test/verify/fixtures/sarif-schema-2.1.0.json'), 'utf8'));
const IDENTITY_SSO = 'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_IdentityDeveloper_fedae65c5db8292a';

interface Run {
  code: number;
  out: string;
  err: string;
}

async function run(args: string[], cwd = ROOT): Promise<Run> {
  const io = captureIO(cwd);
  const code = await accessCommand.run(args, io);
  return { code, out: io.out, err: io.err };
}

describe('access: flags', () => {
  it('is registered as a command', () => assert.ok(COMMANDS.has('access')));

  // [args, message part, why]
  const rows: [string[], RegExp, string][] = [
    [['nope'], /unknown subcommand nope/, 'unknown subcommand'],
    [['who-can', 'get'], /at least 2 arguments/, 'who-can needs VERB RESOURCE'],
    [['can-i', 'get', 'pods'], /needs --as USER/, 'can-i needs an identity'],
    [['can-i', 'get', 'pods', '--as', 'a', '--as-role', 'arn:aws:iam::1:role/x'], /cannot be combined/, 'one identity at a time'],
    [['who-can', 'get', 'pods', '-n', 'a', '-A'], /-n and -A/, 'namespace or all'],
    [['who-can', 'get', 'pods', '--clustr', 'x'], /unknown flag --clustr \(did you mean --cluster\?\)/, 'typo suggestion'],
    [['matrix'], /needs --team/, 'matrix needs a team'],
    [['review', '--format', 'xml'], /--format must be one of table, json, sarif, markdown/, 'review formats'],
    [['review', '--fail-on', 'bad', ...ESTATE], /--fail-on must be one of/, 'fail-on levels'],
    [['diff', 'a...b'], /two dots/, 'diff range'],
    [['who-can', 'get', 'pods', '--context', 'x'], /add --live/, 'context needs live'],
  ];
  for (const [args, message, why] of rows) {
    it(`${why}: exit 2`, async () => {
      const r = await run(args);
      assert.equal(r.code, 2, r.err);
      assert.match(r.err, message);
    });
  }

  it('--help prints the usage and exits 0', async () => {
    const r = await run(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.out, /harbormaster access who-can VERB RESOURCE/);
  });

  it('an unknown cluster is an estate error (exit 2) with a suggestion', async () => {
    const r = await run(['who-can', 'get', 'pods', '--estate', 'examples/acme-estate', '--cluster', 'prod-ca-central-2']);
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown cluster prod-ca-central-2/);
  });
});

describe('access on the example estate', () => {
  it('who-can: subjects, scopes, paths, estate lines, IAM principals, EKS policies apart', async () => {
    const r = await run(['who-can', 'patch', 'deploy', '-n', 'auth', ...ESTATE]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^who can patch deployments\.apps in namespace auth — cluster prod-ca-central-1/);
    assert.match(r.out, /Group authwall:team:identity +auth +RoleBinding auth\/hm:team:identity:deploy → ClusterRole hm:team-base:deploy → rule \d+ \(from hm:team-rules:deploy\)/);
    assert.match(r.out, /examples\/acme-estate\/teams\/identity\.yaml:4/);
    assert.match(r.out, /Group authwall:team:identity ← .*AWSReservedSSO_IdentityDeveloper/);
    assert.match(r.out, /EKS access policies[^\n]*\n.*\n.*AmazonEKSClusterAdminPolicy +cluster/);
    assert.doesNotMatch(r.out, /authwall:team:push/);
  });

  it('who-can --format json', async () => {
    const r = await run(['who-can', 'get', 'secrets', '-n', 'auth', '--format', 'json', ...ESTATE]);
    const json = JSON.parse(r.out) as { clusters: { cluster: string; subjects: { kind: string; name: string; paths: { binding: { name: string } }[] }[]; policies: { policy: string }[] }[] };
    const c = json.clusters[0]!;
    assert.equal(c.cluster, 'prod-ca-central-1');
    assert.ok(c.subjects.some((s) => s.name === 'authwall:engineers' && s.paths.some((p) => p.binding.name === 'legacy:engineers-edit')));
    assert.ok(!c.subjects.some((s) => s.name === 'authwall:team:identity'), 'deploy level reads no secrets');
    assert.ok(c.policies.every((p) => p.policy === 'AmazonEKSClusterAdminPolicy'));
  });

  it('can-i --as-role: yes (exit 0) with the identity and the path', async () => {
    const r = await run(['can-i', 'patch', 'deployments.apps', '-n', 'auth', '--as-role', IDENTITY_SSO, '--session-name', 'jane@acme.example', ...ESTATE]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /yes — patch deployments\.apps in namespace auth/);
    assert.match(r.out, /as hm:identity:jane-acme\.example \(groups authwall:team:identity, system:authenticated\) via AccessEntry kube-system\//);
  });

  it('can-i: no (exit 1) with why', async () => {
    const r = await run(['can-i', 'patch', 'deployments', '-n', 'push', '--as-role', IDENTITY_SSO, ...ESTATE]);
    assert.equal(r.code, 1);
    assert.match(r.out, /no — patch deployments\.apps in namespace push\n.*\n {2}allowed in namespace auth by RoleBinding, but not in namespace push/);
    const unknown = await run(['can-i', 'get', 'pods', '--as-role', 'arn:aws:iam::111122223333:role/stranger', ...ESTATE]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.out, /cannot authenticate/);
  });

  it('can-i --as with groups, and ServiceAccounts', async () => {
    const sre = await run(['can-i', 'delete', 'nodes', '--as', 'ops', '--as-group', 'authwall:sre', ...ESTATE]);
    assert.equal(sre.code, 0);
    const sa = await run(['can-i', 'list', 'secrets', '--as', 'system:serviceaccount:external-secrets:external-secrets', '--format', 'json', ...ESTATE]);
    const json = JSON.parse(sa.out) as { clusters: { allowed: boolean; paths: { binding: { name: string } }[] }[] };
    assert.equal(json.clusters[0]!.allowed, true);
    assert.equal(json.clusters[0]!.paths[0]!.binding.name, 'external-secrets-controller');
  });

  it('matrix --team: the team namespace, resources × verbs', async () => {
    const r = await run(['matrix', '--team', 'identity', ...ESTATE]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /team identity \(Group authwall:team:identity\) — cluster prod-ca-central-1/);
    assert.match(r.out, /namespace auth\nRESOURCE +GET +LIST +WATCH +CREATE +UPDATE +PATCH +DELETE/);
    assert.match(r.out, /\ndeployments\.apps +✔ +✔ +✔ +✖ +✔ +✔ +✖\n/);
    assert.match(r.out, /\nsecrets +✖ +✖ +✖ +✖ +✖ +✖ +✖\n/);
    assert.doesNotMatch(r.out, /namespace push|cluster-wide/);
    const unknown = await run(['matrix', '--team', 'identty', ...ESTATE]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /unknown team identty[\s\S]*did you mean identity/);
  });

  it('review: table, markdown, json and SARIF (valid), --fail-on', async () => {
    const table = await run(['review', ...ESTATE]);
    assert.equal(table.code, 0, table.err);
    assert.match(table.out, /critical access\/wildcard +Group authwall:sre +\(cluster-wide; prod-ca-central-1\)\n.*full control.*\n {2}via ClusterRoleBinding authwall:sre-admin → ClusterRole cluster-admin → rules 1, 2\n {2}at examples\/acme-estate\/addons\/cluster-roles\/v1\/clusterroles\.yaml:62/);
    assert.match(table.out, /\d+ findings \(\d+ critical, \d+ high, \d+ medium\) in 1 cluster, 14 checks\n$/);
    const md = await run(['review', '--format', 'markdown', ...ESTATE]);
    assert.match(md.out, /^## Access review\n/);
    assert.match(md.out, /\| critical \| `access\/aws-auth-edit` \| Group authwall:engineers \|/);
    const json = JSON.parse((await run(['review', '--format', 'json', ...ESTATE])).out) as { findings: { check: string; clusters: string[] }[] };
    assert.ok(json.findings.some((f) => f.check === 'access/secrets-read' && f.clusters[0] === 'prod-ca-central-1'));
    const sarif = JSON.parse((await run(['review', '--format', 'sarif', ...ESTATE])).out) as { runs: { results: { ruleId: string; locations?: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    assert.deepEqual(validateAgainst(SARIF_SCHEMA, sarif as never), []);
    const wildcard = sarif.runs[0]!.results.find((r) => r.ruleId === 'access/wildcard')!;
    assert.equal(wildcard.locations![0]!.physicalLocation.artifactLocation.uri, 'examples/acme-estate/addons/cluster-roles/v1/clusterroles.yaml');
    assert.equal((await run(['review', '--fail-on', 'critical', ...ESTATE])).code, 1);
  });
});

describe('access --live (simulated cluster)', () => {
  let fleet: SimFleet;
  let dir: string;
  before(async () => {
    fleet = await startSimFleet({ clusters: [{ name: 'live-a' }], startControllers: false });
    dir = nodeFs.mkdtempSync(posix.join(tmpdir(), 'hm-access-live-'));
    fleet.writeKubeconfig(posix.join(dir, 'kubeconfig'));
    const client = connectCluster({ name: 'live-a', connection: { kind: 'context', context: 'live-a' } }, { kubeconfigPath: posix.join(dir, 'kubeconfig') });
    try {
      await client.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
      const roleRef = { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'edit' };
      await client.apply({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'devs', namespace: 'shop' }, roleRef, subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'devs' }] });
      const mapRoles = '- rolearn: arn:aws:iam::111122223333:role/dev\n  username: dev:{{SessionName}}\n  groups: [devs]\n';
      await client.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'aws-auth', namespace: 'kube-system' }, data: { mapRoles } });
    } finally {
      client.close();
    }
  });
  after(async () => {
    await fleet.stop();
    nodeFs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads the cluster RBAC and aws-auth: who-can and can-i', async () => {
    const live = ['--live', '--context', 'live-a', '--kubeconfig', posix.join(dir, 'kubeconfig')];
    const who = await run(['who-can', 'create', 'pods/exec', '-n', 'shop', ...live]);
    assert.equal(who.code, 0, who.err);
    assert.match(who.out, /cluster live-a/);
    assert.match(who.out, /Group devs +shop +RoleBinding shop\/devs → ClusterRole edit/);
    assert.match(who.out, /Group devs ← arn:aws:iam::111122223333:role\/dev/);
    const can = await run(['can-i', 'create', 'pods/exec', '-n', 'shop', '--as-role', 'arn:aws:sts::111122223333:assumed-role/dev/jo', ...live]);
    assert.equal(can.code, 0, can.out);
    assert.match(can.out, /as dev:jo \(groups devs, system:authenticated\) via ConfigMap kube-system\/aws-auth/);
  });
});
