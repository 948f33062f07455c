/** who-can paths and scopes, can-i hints, resource names as kubectl takes them, problems reported. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { impersonatedUser, parseRequest, RbacEvaluator, ResourceCatalog, type AccessRequest } from '../../../src/access/evaluate/index.js';
import { clusterRole, crb, inputs, rb, role } from './builders.js';

const catalog = ResourceCatalog.withCrds([
  {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'certificates.cert-manager.io' },
    spec: { group: 'cert-manager.io', scope: 'Namespaced', names: { plural: 'certificates', singular: 'certificate', kind: 'Certificate', shortNames: ['cert', 'certs'] } },
  },
  {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'clusterissuers.cert-manager.io' },
    spec: { group: 'cert-manager.io', scope: 'Cluster', names: { plural: 'clusterissuers', kind: 'ClusterIssuer' } },
  },
]);

describe('resource names as kubectl accepts them', () => {
  // [typed, group, resource, subresource, namespaced]
  const rows: [string, string, string, string, boolean][] = [
    ['pods', '', 'pods', '', true],
    ['pod', '', 'pods', '', true],
    ['po', '', 'pods', '', true],
    ['Pod', '', 'pods', '', true],
    ['deploy', 'apps', 'deployments', '', true],
    ['deployments.apps', 'apps', 'deployments', '', true],
    ['deploy/scale', 'apps', 'deployments', 'scale', true],
    ['pods/exec', '', 'pods', 'exec', true],
    ['no', '', 'nodes', '', false],
    ['nodes/proxy', '', 'nodes', 'proxy', false],
    ['clusterroles', 'rbac.authorization.k8s.io', 'clusterroles', '', false],
    ['cert', 'cert-manager.io', 'certificates', '', true],
    ['certificates.cert-manager.io', 'cert-manager.io', 'certificates', '', true],
    ['clusterissuers', 'cert-manager.io', 'clusterissuers', '', false],
    ['csr', 'certificates.k8s.io', 'certificatesigningrequests', '', false],
    ['hpa', 'autoscaling', 'horizontalpodautoscalers', '', true],
  ];
  for (const [typed, group, resource, sub, namespaced] of rows) {
    it(`${typed} → ${resource}${group ? `.${group}` : ''}${sub ? `/${sub}` : ''}`, () => {
      const r = catalog.resolve(typed);
      assert.deepEqual([r.group, r.resource, r.subresource, r.namespaced, r.known], [group, resource, sub, namespaced, true]);
    });
  }

  it('unknown types are evaluated as typed, with a warning', () => {
    const parsed = parseRequest({ verb: 'get', resource: 'widgets.example.com', namespace: 'a' }, catalog);
    assert.deepEqual(parsed.request, { kind: 'resource', verb: 'get', apiGroup: 'example.com', resource: 'widgets', subresource: '', name: '', namespace: 'a' });
    assert.match(parsed.warning ?? '', /not known/);
  });

  it('cluster-scoped resources ignore -n; URLs are non-resource requests', () => {
    assert.equal((parseRequest({ verb: 'get', resource: 'nodes', namespace: 'a' }, catalog).request as { namespace?: string }).namespace, '');
    assert.deepEqual(parseRequest({ verb: 'GET', resource: '/healthz' }, catalog).request, { kind: 'nonResource', verb: 'get', path: '/healthz' });
  });
});

describe('who-can', () => {
  const evaluator = RbacEvaluator.fromObjects(
    inputs([
      clusterRole('reader', [{ verbs: ['get', 'list'], groups: [''], resources: ['pods'] }]),
      role('a', 'local', [{ verbs: ['get'], groups: [''], resources: ['pods'], names: ['web'] }]),
      rb('a', 'readers', 'ClusterRole:reader', ['Group:devs', 'ServiceAccount:ci']),
      rb('b', 'readers', 'ClusterRole:reader', ['Group:devs']),
      rb('a', 'local', 'Role:local', ['User:ann']),
      crb('all', 'reader', ['Group:sre']),
    ]),
  );
  const ask = (r: Partial<AccessRequest> & { namespace?: string }): AccessRequest => ({ kind: 'resource', verb: 'get', apiGroup: '', resource: 'pods', subresource: '', name: '', ...r }) as AccessRequest;

  it('in one namespace: ClusterRoleBindings and that namespace\'s RoleBindings, with paths', () => {
    const who = evaluator.whoCan(ask({ namespace: 'a' }));
    assert.deepEqual(
      who.subjects.map((s) => `${s.subject.kind}:${s.subject.namespace ? `${s.subject.namespace}/` : ''}${s.subject.name}@${s.paths.map((p) => p.scope || '*').join(',')}`),
      ['Group:devs@a', 'Group:sre@*', 'ServiceAccount:a/ci@a'],
    );
    const path = who.subjects[0]!.paths[0]!;
    assert.deepEqual([path.binding.kind, path.binding.name, path.role.kind, path.role.name, path.rule.index], ['RoleBinding', 'readers', 'ClusterRole', 'reader', 0]);
  });

  it('in any namespace: every RoleBinding, each path scoped to its namespace', () => {
    const who = evaluator.whoCan(ask({}));
    const devs = who.subjects.find((s) => s.subject.name === 'devs')!;
    assert.deepEqual(devs.paths.map((p) => p.scope), ['a', 'b']);
  });

  it('a named object: resourceNames rules join', () => {
    const who = evaluator.whoCan(ask({ namespace: 'a', name: 'web' }));
    assert.ok(who.subjects.some((s) => s.subject.name === 'ann'));
    assert.ok(!evaluator.whoCan(ask({ namespace: 'a', name: 'db' })).subjects.some((s) => s.subject.name === 'ann'));
  });

  it('all namespaces at once (cluster-wide): only ClusterRoleBindings', () => {
    assert.deepEqual(evaluator.whoCan(ask({ verb: 'list', namespace: '' })).subjects.map((s) => s.subject.name), ['sre']);
  });
});

describe('can-i: why not', () => {
  const evaluator = RbacEvaluator.fromObjects(
    inputs([
      clusterRole('reader', [{ verbs: ['get', 'list'], groups: [''], resources: ['pods'] }]),
      role('a', 'cm', [{ verbs: ['get', 'list'], groups: [''], resources: ['configmaps'], names: ['settings'] }]),
      rb('a', 'readers', 'ClusterRole:reader', ['User:ann']),
      rb('a', 'cm', 'Role:cm', ['User:ann']),
      rb('a', 'ghost', 'Role:gone', ['User:ann']),
    ]),
  );
  const ann = impersonatedUser('ann');
  const hints = (r: AccessRequest): string[] => evaluator.canI(ann, r).hints;
  const res = (verb: string, resource: string, namespace: string, name = ''): AccessRequest => ({ kind: 'resource', verb, apiGroup: '', resource, subresource: '', name, namespace });

  it('another verb', () => assert.ok(hints(res('delete', 'pods', 'a')).some((h) => h === 'RoleBinding a/readers → ClusterRole reader allows get,list on pods, not delete')));
  it('another namespace', () => assert.equal(hints(res('get', 'pods', 'b'))[0], 'allowed in namespace a by RoleBinding, but not in namespace b'));
  it('cluster-wide', () => assert.match(hints(res('list', 'pods', ''))[0]!, /^allowed in namespace a by RoleBinding, but not cluster-wide/));
  it('named objects only, and why a list carries no name', () => {
    assert.ok(hints(res('list', 'configmaps', 'a')).some((h) => /only for the names settings \(list carries a name only with the field selector metadata\.name=NAME\)/.test(h)));
    assert.ok(hints(res('get', 'configmaps', 'a', 'other')).some((h) => /only for the names settings \(asked for other\)/.test(h)));
  });
  it('a binding to a missing role', () => assert.ok(hints(res('get', 'secrets', 'a')).some((h) => h === 'RoleBinding a/ghost → Role gone: the role does not exist, so the binding grants nothing')));
  it('nobody binds the user', () => assert.match(evaluator.canI(impersonatedUser('bob'), res('get', 'pods', 'a')).hints[0]!, /^no binding names User bob or its groups \(system:authenticated\)/));
  it('the missing role is reported as a problem', () => {
    assert.deepEqual(evaluator.set.problems.map((p) => p.code), ['ACCESS_MISSING_ROLE']);
  });
});

describe('aggregation selectors', () => {
  it('matchExpressions (In, Exists, DoesNotExist) select like label selectors', () => {
    const agg = {
      ...clusterRole('agg', []),
      aggregationRule: { clusterRoleSelectors: [{ matchExpressions: [{ key: 'tier', operator: 'In', values: ['gold'] }, { key: 'retired', operator: 'DoesNotExist', values: [] }] }] },
    };
    const e = RbacEvaluator.fromObjects(
      inputs([
        agg,
        clusterRole('gold', [{ verbs: ['get'], groups: [''], resources: ['pods'] }], { tier: 'gold' }),
        clusterRole('old', [{ verbs: ['get'], groups: [''], resources: ['secrets'] }], { tier: 'gold', retired: 'yes' }),
        clusterRole('silver', [{ verbs: ['get'], groups: [''], resources: ['nodes'] }], { tier: 'silver' }),
      ]),
    );
    const rules = e.set.roles.find((r) => r.name === 'agg')!.rules;
    assert.deepEqual(rules.map((r) => [r.aggregatedFrom, r.rule.resources[0]]), [['gold', 'pods']]);
  });
});
