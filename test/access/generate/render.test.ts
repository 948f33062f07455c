import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as nodeFs from 'node:fs';
import { tmpdir } from 'node:os';
import { posix } from 'node:path';
import { after, describe, it } from 'node:test';
import type { CliIO } from '../../../src/cli/command.js';
import { renderCommand } from '../../../src/cli/render.js';
import { isObject, type JsonObject } from '../../../src/core/json.js';
import type { Resource } from '../../../src/core/resource.js';
import { composeCluster } from '../../../src/estate/compose.js';
import { loadEstate } from '../../../src/estate/load.js';
import { renderCluster, renderFleet } from '../../../src/estate/render.js';
import { DiskFileSystem } from '../../../src/fs/disk.js';
import { ACME, accessEstate, accessEstateFiles, IDENTITY_TEAM, NOW } from './fixture.js';
import { fixtureEstate } from './helpers.js';

const hasKubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;

function generatedBy(r: Resource): string | undefined {
  const labels = isObject(r.obj.metadata) && isObject(r.obj.metadata.labels ?? null) ? (r.obj.metadata.labels as JsonObject) : {};
  return labels['harbormaster.dev/generated-by'] as string | undefined;
}

function find(resources: Resource[], kind: string, name: string, namespace = ''): Resource {
  const found = resources.find((r) => r.kind === kind && r.name === name && r.namespace === namespace);
  if (!found) throw new Error(`no ${kind} ${namespace}/${name}`);
  return found;
}

describe('render: access manifests join each cluster', () => {
  const fs = accessEstate();
  const estate = fixtureEstate();
  const prod = renderCluster(fs, estate, 'prod-eu-west-1');

  it('team RBAC, EKS identity and workload identity are in the rendered cluster', () => {
    const kinds = new Set(prod.resources.filter(generatedBy).map((r) => r.kind));
    assert.deepEqual([...kinds].sort(), ['AccessEntry', 'ClusterRole', 'ClusterRoleBinding', 'ConfigMap', 'Namespace', 'PodIdentityAssociation', 'RoleBinding', 'ServiceAccount']);
    assert.match(prod.yaml, /kind: AccessEntry/);
  });

  it('only what the render lacks is created: web gets a Namespace, auth (from an addon) does not', () => {
    assert.equal(generatedBy(find(prod.resources, 'Namespace', 'web')), 'namespaces');
    assert.equal(generatedBy(find(prod.resources, 'Namespace', 'auth')), undefined);
    assert.equal(prod.resources.filter((r) => r.kind === 'Namespace').length, 2);
  });

  it('IRSA: the service\'s own account patched with the cluster\'s role; a missing one generated; pod identity strips a left-over annotation', () => {
    const annotations = (r: Resource) => (r.obj.metadata as JsonObject).annotations;
    assert.deepEqual(annotations(find(prod.resources, 'ServiceAccount', 'auth-api', 'auth')), { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::111122223333:role/acme-auth-api-eu' });
    assert.deepEqual(annotations(find(prod.resources, 'ServiceAccount', 'mailer-sa', 'web')), { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::111122223333:role/acme-mailer' });
    assert.deepEqual(annotations(find(prod.resources, 'ServiceAccount', 'web', 'web')), { keep: 'yes' });
    const patch = find(prod.resources, 'ServiceAccount', 'auth-api', 'auth').changes.find((c) => c.transformer === 'patches');
    assert.equal(patch?.source?.file, '/estate/services/auth-api/service.yaml', 'credited to service.yaml');
  });

  it('generated objects point at the estate line they stand for', () => {
    const rb = find(prod.resources, 'RoleBinding', 'hm:team:identity:deploy', 'auth');
    assert.deepEqual([rb.origin.file, rb.origin.line], ['/estate/teams/identity.yaml', 4]);
    const entry = prod.resources.find((r) => r.kind === 'AccessEntry' && (r.obj.spec as JsonObject).principalARN === 'arn:aws:iam::111122223333:role/ci/acme-deploy-identity')!;
    assert.deepEqual([entry.origin.file, entry.origin.line], ['/estate/teams/identity.yaml', IDENTITY_TEAM.split('\n').findIndex((l) => l.includes('ci/acme-deploy-identity')) + 1]);
  });

  it('an estate without spec.access renders exactly as before', () => {
    const text = accessEstateFiles()['harbormaster.yaml']!;
    const plain = text.slice(0, text.indexOf('  access:')) + text.slice(text.indexOf('  clusters:'));
    const without = accessEstate({ 'harbormaster.yaml': plain, 'teams/identity.yaml': null, 'teams/frontend.yaml': null });
    const rendered = renderCluster(without, loadEstate(without, '/estate', { now: NOW }), 'prod-eu-west-1');
    assert.equal(rendered.resources.filter(generatedBy).length, 0);
    assert.ok(!rendered.yaml.includes('harbormaster.dev/'));
  });
});

describe('render: the written-out tree renders identically with kubectl', { skip: !hasKubectl && 'kubectl not on PATH' }, () => {
  it('the fixture, with the namespace and account it lacks generated', () => {
    const dir = nodeFs.mkdtempSync(posix.join(tmpdir(), 'hm-access-'));
    after(() => nodeFs.rmSync(dir, { recursive: true, force: true }));
    for (const [path, text] of Object.entries(accessEstateFiles())) {
      nodeFs.mkdirSync(posix.dirname(posix.join(dir, path)), { recursive: true });
      nodeFs.writeFileSync(posix.join(dir, path), text);
    }
    const disk = new DiskFileSystem();
    const estate = loadEstate(disk, dir, { now: NOW });
    for (const cluster of ['prod-eu-west-1', 'staging-eu-west-1']) {
      const ours = renderCluster(disk, estate, cluster).yaml;
      const { files, root } = composeCluster(estate, cluster, { missing: { namespaces: ['web'], serviceAccounts: ['web/mailer-sa'] } });
      for (const [path, text] of files) {
        nodeFs.mkdirSync(posix.dirname(path), { recursive: true });
        nodeFs.writeFileSync(path, text);
      }
      assert.equal(ours, execFileSync('kubectl', ['kustomize', root], { encoding: 'utf8' }), cluster);
    }
  });
});

describe('render: the example estate', { skip: !nodeFs.existsSync(posix.join(ACME, 'harbormaster.yaml')) && 'no example estate' }, () => {
  const disk = new DiskFileSystem();
  const estate = loadEstate(disk, ACME, { now: NOW });

  it('six teams own all twenty services, and the estate loads without warnings', () => {
    assert.equal(estate.teams.size, 6);
    const listed = [...estate.teams.values()].flatMap((t) => t.services).sort();
    assert.deepEqual(listed, [...estate.services.keys()].sort());
    assert.equal(listed.length, 20);
    for (const service of estate.services.values()) assert.ok(estate.teams.get(service.owner)?.services.includes(service.name), service.name);
    assert.deepEqual(estate.warnings, []);
  });

  it('every active cluster: each team bound in each of its namespaces, its identities entered', () => {
    const active = estate.clusters.filter((c) => c.status === 'active').map((c) => c.name);
    const fleet = renderFleet(disk, estate, active);
    assert.deepEqual(fleet.failed, []);
    for (const { cluster, resources } of fleet.rendered) {
      const bindings = new Set(resources.filter((r) => r.kind === 'RoleBinding' && generatedBy(r)).map((r) => `${r.namespace}/${r.name}`));
      const spec = estate.clusters.find((c) => c.name === cluster)!;
      const services = spec.services ?? [...estate.services.keys()];
      for (const team of estate.teams.values()) {
        const namespaces = new Set(team.services.filter((s) => services.includes(s)).map((s) => estate.services.get(s)!.namespace));
        for (const ns of namespaces) assert.ok(bindings.has(`${ns}/hm:team:${team.name}:deploy`), `${cluster} ${ns} ${team.name}`);
      }
      const entries = resources.filter((r) => r.kind === 'AccessEntry').length;
      assert.equal(entries, 6 * 3 + 2, `${cluster}: two identities and one on-call role per team, the platform admin and the SRE break-glass role`);
      assert.equal(resources.filter((r) => r.kind === 'Namespace' && generatedBy(r)).length, 0, 'the namespaces addon creates them all');
    }
  });

  it('the rest of the render is unchanged, except the ServiceAccount moved to Pod Identity', () => {
    const cluster = 'prod-eu-central-1';
    const withAccess = renderCluster(disk, estate, cluster).resources.filter((r) => !generatedBy(r));
    const { access: _dropped, ...rest } = estate;
    const before = renderCluster(disk, { ...rest, teams: new Map() }, cluster).resources;
    const key = (r: Resource) => `${r.kind}/${r.namespace}/${r.name}`;
    const beforeByKey = new Map(before.map((r) => [key(r), JSON.stringify(r.obj)]));
    assert.equal(withAccess.length, before.length);
    const changed = withAccess.filter((r) => beforeByKey.get(key(r)) !== JSON.stringify(r.obj)).map(key);
    assert.deepEqual(changed, ['ServiceAccount/data/reports-exporter']);
  });

  it('`harbormaster render` prints the cluster with its access manifests', async () => {
    let out = '';
    const io: CliIO = { stdout: (t) => void (out += t), stderr: () => undefined, isTTY: false, cwd: ACME };
    assert.equal(await renderCommand.run(['--estate', ACME, '--cluster', 'prod-ca-central-1', '--quiet'], io), 0);
    assert.match(out, /kind: AccessEntry/);
    assert.match(out, /name: hm:team:identity:deploy\n  namespace: auth/);
    assert.match(out, /kind: PodIdentityAssociation/);
  });
});
