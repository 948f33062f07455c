/** Access diff by effect: layout changes are invisible, gains and losses are per holder, risky gains flagged. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JsonObject } from '../../../src/core/json.js';
import { diffClusterAccess, type ClusterAccessDiff } from '../../../src/access/diff/index.js';
import { ClusterAccess } from '../../../src/access/eks/index.js';
import { clusterRole, crb, rb, role } from '../evaluate/builders.js';

const access = (objects: JsonObject[], file = 'a.yaml'): ClusterAccess => new ClusterAccess('c', objects.map((object, i) => ({ object, origin: { file, line: i + 1 } })));

function summary(d: ClusterAccessDiff): string[] {
  return d.holders.flatMap((h) => [
    ...h.gained.map((g) => `+ ${h.holder.kind}:${h.holder.name} ${g.atom.verb} ${g.atom.resource || g.atom.url} @${g.atom.scope || '*'}${g.escalations.length ? ` [${g.escalations.join(',')}]` : ''}`),
    ...h.lost.map((l) => `- ${h.holder.kind}:${h.holder.name} ${l.atom.verb} ${l.atom.resource || l.atom.url} @${l.atom.scope || '*'}`),
  ]).sort();
}

const reader = role('shop', 'reader', [{ verbs: ['get', 'list'], groups: [''], resources: ['pods'] }]);

describe('access diff', () => {
  it('a renamed binding in another file with the same effect is no change', () => {
    const base = access([reader, rb('shop', 'old-name', 'Role:reader', ['Group:devs'])], 'base.yaml');
    const head = access([rb('shop', 'new-name', 'Role:reader', ['Group:devs']), reader], 'head.yaml');
    const d = diffClusterAccess('c', base, head);
    assert.equal(d.status, 'unchanged');
    assert.deepEqual(summary(d), []);
  });

  it('a role split in two with the same rules is no change', () => {
    const split = [
      clusterRole('a', [{ verbs: ['get'], groups: [''], resources: ['pods'] }]),
      clusterRole('b', [{ verbs: ['list'], groups: [''], resources: ['pods'] }]),
      rb('shop', 'x', 'ClusterRole:a', ['Group:devs']),
      rb('shop', 'y', 'ClusterRole:b', ['Group:devs']),
    ];
    const d = diffClusterAccess('c', access([reader, rb('shop', 'r', 'Role:reader', ['Group:devs'])]), access(split));
    assert.deepEqual(summary(d), []);
  });

  it('gains and losses per holder and namespace', () => {
    const base = access([reader, rb('shop', 'r', 'Role:reader', ['Group:devs', 'User:old'])]);
    const head = access([reader, rb('shop', 'r', 'Role:reader', ['Group:devs']), rb('shop', 'e', 'ClusterRole:edit', ['User:new'])]);
    const d = diffClusterAccess('c', base, head);
    const lines = summary(d);
    assert.ok(lines.includes('- User:old get pods @shop'));
    assert.ok(lines.includes('+ User:new create pods/exec @shop [access/pod-exec]'), 'exec gain is flagged');
    assert.ok(lines.includes('+ User:new get secrets @shop [access/secrets-read]'));
    assert.ok(!lines.some((l) => l.includes('Group:devs')), 'devs unchanged');
    assert.ok(d.escalations.some((f) => f.check === 'access/workload-create'));
    const gain = d.holders.find((h) => h.holder.name === 'new')!.gained[0]!;
    assert.match(gain.via, /^RoleBinding shop\/e → ClusterRole edit → rule \d+/);
    assert.equal(gain.origin?.line, 3, 'points at the binding line in the head');
  });

  it('a gain the base already covered is not a change (wildcard and cluster-wide cover specifics)', () => {
    const base = access([crb('all', 'cluster-admin', ['Group:sre'])]);
    const head = access([crb('all', 'cluster-admin', ['Group:sre']), rb('shop', 'extra', 'ClusterRole:edit', ['Group:sre'])]);
    assert.deepEqual(summary(diffClusterAccess('c', base, head)), []);
  });

  it('cluster-admin gained cluster-wide is one critical wildcard gain', () => {
    const d = diffClusterAccess('c', access([]), access([crb('all', 'cluster-admin', ['Group:sre'])]));
    assert.deepEqual(summary(d), ['+ Group:sre * * @* [access/wildcard]', '+ Group:sre * * @* [access/wildcard]'], 'all resources and all URLs');
    assert.deepEqual(d.holders[0]!.gained.map((g) => g.atom.url || g.atom.resource), ['*', '*']);
    assert.equal(d.escalations.find((f) => f.check === 'access/wildcard')?.severity, 'critical');
  });

  it('a new system:masters mapping in aws-auth is a mapping change and an escalation', () => {
    const awsAuth = (groups: string): JsonObject => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'aws-auth', namespace: 'kube-system' },
      data: { mapRoles: `- rolearn: arn:aws:iam::111122223333:role/ops\n  username: ops\n  groups: [${groups}]\n` },
    });
    const d = diffClusterAccess('c', access([awsAuth('ops')]), access([awsAuth('system:masters')]));
    assert.deepEqual(d.mappings.map((m) => `${m.change} ${m.mapping.groups.join(',')}`), ['gained system:masters', 'lost ops']);
    assert.deepEqual(d.escalations.map((f) => f.check), ['access/system-masters-mapping']);
  });

  it('a cluster only in the head: everything is gained', () => {
    const d = diffClusterAccess('c', undefined, access([reader, rb('shop', 'r', 'Role:reader', ['Group:devs'])]));
    assert.equal(d.status, 'added');
    assert.deepEqual(summary(d), ['+ Group:devs get pods @shop', '+ Group:devs list pods @shop']);
  });
});
