/**
 * `harbormaster access diff BASE..HEAD` on a temporary git repository with
 * an estate in a subdirectory and two commits: a renamed binding (no change),
 * a team given edit (exec and secrets: escalating gains), a binding removed,
 * an aws-auth mapping to system:masters. Markdown, SARIF, JSON; the working
 * tree; bad refs; no temporary trees left behind.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as nodeFs from 'node:fs';
import { tmpdir } from 'node:os';
import { posix } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { accessCommand } from '../../src/cli/access.js';
import { parseRange } from '../../src/cli/access/diff.js';
import { validateAgainst } from '../verify/sarif-schema-validator.js';
import { captureIO } from '../harness/cli-io.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SARIF_SCHEMA = JSON.parse(nodeFs.readFileSync(posix.join(ROOT, 'test/verify/fixtures/sarif-schema-2.1.0.json'), 'utf8'));

const ESTATE = `apiVersion: harbormaster.dev/v1alpha1
kind: Estate
metadata:
  name: tiny
spec:
  defaults:
    kubernetesVersion: "1.30"
    addons:
      rbac: v1
  environments:
    production: {}
  regions:
    eu-west-1: {}
  clusters:
    - name: prod-a
      region: eu-west-1
      environment: production
      wave: 0
      connection:
        sim: {}
    - name: prod-b
      region: eu-west-1
      environment: production
      wave: 1
      connection:
        sim: {}
`;

const KUSTOMIZATION = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - bindings.yaml\n';

function binding(name: string, ns: string, role: string, group: string): string {
  return `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: ${name}
  namespace: ${ns}
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: ${role} }
subjects:
  - { apiGroup: rbac.authorization.k8s.io, kind: Group, name: ${group} }
`;
}

const AWS_AUTH = `apiVersion: v1
kind: ConfigMap
metadata:
  name: aws-auth
  namespace: kube-system
data:
  mapRoles: |
    - rolearn: arn:aws:iam::111122223333:role/ops
      username: ops:{{SessionName}}
      groups: [system:masters]
`;

const BASE = [binding('devs-view', 'shop', 'view', 'devs'), binding('ops-view', 'shop', 'view', 'ops')].join('---\n');
// devs-view renamed (same effect), ops-view removed, devs get edit in shop, aws-auth maps ops to system:masters.
const HEAD = [binding('shop-readers', 'shop', 'view', 'devs'), binding('devs-edit', 'shop', 'edit', 'devs'), AWS_AUTH].join('---\n');

let repo: string;
let estate: string;

function git(...args: string[]): string {
  return execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });
}

function write(path: string, text: string): void {
  nodeFs.mkdirSync(posix.dirname(posix.join(estate, path)), { recursive: true });
  nodeFs.writeFileSync(posix.join(estate, path), text);
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIO(repo);
  const code = await accessCommand.run(args, io);
  return { code, out: io.out, err: io.err };
}

function leftovers(): string[] {
  return nodeFs.readdirSync(tmpdir()).filter((n) => n.startsWith('hm-access-') && !n.startsWith('hm-access-live-') && !n.startsWith('hm-access-diff-'));
}

describe('access diff', () => {
  let before0: string[];
  before(() => {
    before0 = leftovers();
    repo = nodeFs.mkdtempSync(posix.join(tmpdir(), 'hm-access-diff-'));
    estate = posix.join(repo, 'fleet');
    git('init', '-q', '-b', 'main');
    write('harbormaster.yaml', ESTATE);
    write('addons/rbac/v1/kustomization.yaml', KUSTOMIZATION);
    write('addons/rbac/v1/bindings.yaml', BASE);
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    write('addons/rbac/v1/bindings.yaml', HEAD);
    git('add', '-A');
    git('commit', '-q', '-m', 'head');
  });
  after(() => nodeFs.rmSync(repo, { recursive: true, force: true }));

  it('markdown: per cluster group and holder; escalating gains first and marked; renames invisible', async () => {
    const r = await run(['diff', 'HEAD~1..HEAD', '--estate', 'fleet']);
    assert.equal(r.code, 0, r.err);
    const md = r.out;
    assert.match(md, /^## Access changes `HEAD~1\.\.HEAD`\n\n2 of 2 clusters change; \*\*\d+ escalation-relevant gains\*\* ⚠️\./);
    assert.match(md, /\n### prod-a, prod-b\n/, 'identical clusters folded');
    assert.match(md, /\*\*Group devs\*\*\n\n\| \| permission \| scope \| via \|\n\|---\|---\|---\|---\|\n\| \*\*\+\*\* ⚠️ /, 'first row of devs is an escalating gain');
    assert.match(md, /\| \*\*\+\*\* ⚠️ `access\/pod-exec` \| create[^|]*pods\/exec[^|]* \| shop \| RoleBinding shop\/devs-edit → ClusterRole edit → rule \d+ \(aggregated from system:aggregate-to-edit\) \(`fleet\/addons\/rbac\/v1\/bindings\.yaml:\d+`\) \|/);
    assert.match(md, /\| \*\*\+\*\* ⚠️ `access\/secrets-read` \| get, list, watch secrets[^|]* \| shop \|/);
    assert.match(md, /\*\*Group ops\*\*[\s\S]*\| − \| get, list, watch [^|]*pods[^|]* \| shop \| RoleBinding shop\/ops-view → ClusterRole view/);
    assert.doesNotMatch(md, /shop-readers|devs-view/, 'the renamed binding is no change');
    assert.match(md, /\*\*IAM identity mappings\*\*[\s\S]*\| \*\*\+\*\* ⚠️ `access\/system-masters-mapping` \| arn:aws:iam::111122223333:role\/ops → ops:\{\{SessionName\}\}; groups system:masters \|/);
  });

  it('sarif: escalating gains at the head lines, valid, folded across clusters', async () => {
    const r = await run(['diff', 'HEAD~1..HEAD', '--estate', 'fleet', '--format', 'sarif']);
    const sarif = JSON.parse(r.out) as { runs: { results: { ruleId: string; properties: { clusters: string[] }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
    assert.deepEqual(validateAgainst(SARIF_SCHEMA, sarif as never), []);
    const results = sarif.runs[0]!.results;
    const masters = results.find((x) => x.ruleId === 'access/system-masters-mapping')!;
    assert.deepEqual(masters.properties.clusters, ['prod-a', 'prod-b']);
    assert.equal(masters.locations[0]!.physicalLocation.artifactLocation.uri, 'fleet/addons/rbac/v1/bindings.yaml');
    const text = nodeFs.readFileSync(posix.join(estate, 'addons/rbac/v1/bindings.yaml'), 'utf8').split('\n');
    assert.equal(text[masters.locations[0]!.physicalLocation.region.startLine], 'kind: ConfigMap');
    assert.ok(results.some((x) => x.ruleId === 'access/pod-exec'));
    assert.ok(!results.some((x) => x.ruleId === 'access/wildcard'));
  });

  it('json, and --fail-on', async () => {
    const r = await run(['diff', 'HEAD~1..', '--estate', 'fleet', '--format', 'json', '--fail-on', 'critical']);
    assert.equal(r.code, 1, 'system:masters is critical');
    const json = JSON.parse(r.out) as { base: string; head: string; clusters: { cluster: string; status: string; holders: { holder: { name: string }; gained: unknown[]; lost: unknown[] }[] }[] };
    assert.equal(json.head, 'HEAD');
    assert.deepEqual(json.clusters.map((c) => `${c.cluster}:${c.status}`), ['prod-a:changed', 'prod-b:changed']);
    const ops = json.clusters[0]!.holders.find((h) => h.holder.name === 'ops')!;
    assert.equal(ops.gained.length, 0);
    assert.ok(ops.lost.length > 0);
  });

  it('a lone BASE compares with the working tree; no change is said so', async () => {
    const r = await run(['diff', 'HEAD', '--estate', 'fleet']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /`HEAD\.\.\(working tree\)`\n\n0 of 2 clusters change; no escalation-relevant gains\. Unchanged: prod-a, prod-b\./);
  });

  it('a bad ref is an error; no temporary tree is left behind', async () => {
    const r = await run(['diff', 'nope..HEAD', '--estate', 'fleet']);
    assert.equal(r.code, 2);
    assert.match(r.err, /ACCESS_GIT_REF: nope is not a commit/);
    assert.deepEqual(leftovers().filter((n) => !before0.includes(n)), []);
  });

  it('ranges', () => {
    assert.deepEqual(parseRange('main..feature'), { base: 'main', head: 'feature' });
    assert.deepEqual(parseRange('main..'), { base: 'main', head: 'HEAD' });
    assert.deepEqual(parseRange('v1'), { base: 'v1' });
  });
});
