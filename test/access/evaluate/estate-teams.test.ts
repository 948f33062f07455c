/**
 * The example estate's teams, through the evaluator: every identity of a
 * team (resolved through its access entry) can deploy the services the team
 * owns, in the clusters that run them, and nothing else — no other team's
 * namespace, no Secrets, no exec, no RBAC, nothing cluster-wide. And a
 * platform break-glass mapped to system:masters (aws-auth mode) is flagged.
 */
import assert from 'node:assert/strict';
import * as nodeFs from 'node:fs';
import { tmpdir } from 'node:os';
import { posix } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseRequest } from '../../../src/access/evaluate/index.js';
import { reviewCluster } from '../../../src/access/review/index.js';
import { matrixOf } from '../../../src/cli/access/matrix.js';
import { loadRendered, type AccessSource, type LoadedCluster } from '../../../src/cli/access/source.js';

const ESTATE = fileURLToPath(new URL('../../../../examples/acme-estate', import.meta.url));

let source: AccessSource;
before(() => {
  source = loadRendered(ESTATE, { clusters: [] });
});

function servicesOn(cluster: string): string[] {
  const spec = source.estate!.clusters.find((c) => c.name === cluster)!;
  return spec.services ?? [...source.estate!.services.keys()];
}

function can(c: LoadedCluster, arn: string, verb: string, resource: string, namespace: string): boolean {
  const { request } = parseRequest({ verb, resource, namespace }, c.access.catalog);
  const r = c.access.canIAsPrincipal({ arn, sessionName: 'dev@acme.example' }, request);
  assert.ok(r.identity, `${arn} is mapped in ${c.cluster}`);
  return r.decision!.allowed;
}

describe('example estate: each team deploys its own services and nothing else', () => {
  it('renders every active cluster with teams', () => {
    assert.ok(source.clusters.length >= 10);
    assert.equal(source.estate!.teams.size, 6);
  });

  for (const teamName of ['admin-experience', 'data', 'identity', 'platform', 'push', 'telephony']) {
    it(`team ${teamName}`, () => {
      const team = source.estate!.teams.get(teamName)!;
      assert.ok(team.identities.length > 0);
      for (const c of source.clusters) {
        const running = servicesOn(c.cluster).map((s) => source.estate!.services.get(s)!);
        const own = [...new Set(running.filter((s) => s.owner === teamName).map((s) => s.namespace))];
        const others = [...new Set(running.filter((s) => s.owner !== teamName).map((s) => s.namespace))].filter((ns) => !own.includes(ns));
        for (const { roleArn } of team.identities) {
          for (const ns of own) {
            assert.equal(can(c, roleArn, 'patch', 'deployments.apps', ns), true, `${c.cluster}: ${teamName} deploys in ${ns}`);
            assert.equal(can(c, roleArn, 'update', 'deployments.apps/scale', ns), true, `${c.cluster}: ${teamName} scales in ${ns}`);
            for (const [verb, resource] of [['get', 'secrets'], ['list', 'secrets'], ['create', 'pods/exec'], ['create', 'rolebindings.rbac.authorization.k8s.io'], ['create', 'pods']]) {
              assert.equal(can(c, roleArn, verb!, resource!, ns), false, `${c.cluster}: ${teamName} cannot ${verb} ${resource} in ${ns}`);
            }
          }
          for (const ns of [...others, 'kube-system', 'default']) assert.equal(can(c, roleArn, 'patch', 'deployments.apps', ns), false, `${c.cluster}: ${teamName} cannot deploy in ${ns}`);
          assert.equal(can(c, roleArn, 'list', 'pods', ''), false, 'nothing across all namespaces');
          assert.equal(can(c, roleArn, 'get', 'nodes', ''), false, 'nothing cluster-scoped');
        }
        // Nothing else: the namespaces where the team's group may do anything at all are exactly its own.
        const scopes = [...matrixOf(c, team.kubernetesGroup).scopes.keys()].sort();
        assert.deepEqual(scopes, [...own].sort(), `${c.cluster}: ${teamName} has access only in ${own.join(', ')}`);
      }
    });
  }

  it('who-can deploy in a team namespace names that team only, among teams', () => {
    const c = source.clusters[0]!;
    const { request } = parseRequest({ verb: 'patch', resource: 'deployments', namespace: 'auth' }, c.access.catalog);
    const teamGroups = c.access.whoCan(request).rbac.subjects.map((s) => s.subject.name).filter((n) => n.startsWith('authwall:team:'));
    assert.deepEqual(teamGroups, ['authwall:team:identity', 'authwall:team:identity:break-glass:admin']);
  });
});

describe('example estate in aws-auth mode with a system:masters break-glass', () => {
  let dir: string;
  before(() => {
    dir = nodeFs.mkdtempSync(posix.join(tmpdir(), 'hm-teams-'));
    nodeFs.cpSync(ESTATE, dir, { recursive: true });
    const file = posix.join(dir, 'harbormaster.yaml');
    const text = nodeFs.readFileSync(file, 'utf8');
    const changed = text
      .replace('      mode: access-entries', '      mode: aws-auth')
      .replace(/(\n {8}reason: Replaces the legacy authwall:sre-admin binding[^\n]*)/, '$1\n        systemMasters: true');
    assert.notEqual(changed, text);
    nodeFs.writeFileSync(file, changed);
  });
  after(() => nodeFs.rmSync(dir, { recursive: true, force: true }));

  it('the mapping to system:masters is flagged, at the estate line that asks for it', () => {
    const one = loadRendered(dir, { clusters: ['prod-ca-central-1'] });
    const findings = reviewCluster(one.clusters[0]!.access).filter((f) => f.check === 'access/system-masters-mapping');
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.severity, 'critical');
    assert.deepEqual(findings[0]!.holder, { kind: 'IAMPrincipal', name: 'arn:aws:iam::111122223333:role/authwall-sre-break-glass' });
    assert.equal(findings[0]!.origin?.file, posix.join(dir, 'harbormaster.yaml'));
    const mapped = one.clusters[0]!.access.identities.mappings.find((m) => m.groups.includes('system:masters'))!;
    assert.equal(mapped.source, 'aws-auth/mapRoles');
  });

  it('the example estate as committed maps nobody to system:masters', () => {
    const findings = source.clusters.flatMap((c) => reviewCluster(c.access)).filter((f) => f.check === 'access/system-masters-mapping');
    assert.deepEqual(findings, []);
  });
});
