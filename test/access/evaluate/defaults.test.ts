/** The built-in ClusterRoles with their real rules, and the default bindings. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultRbacInputs, withDefaults } from '../../../src/access/defaults/index.js';
import { impersonatedUser, parseRequest, RbacEvaluator, ResourceCatalog } from '../../../src/access/evaluate/index.js';
import { clusterRole, rb, inputs } from './builders.js';

const catalog = ResourceCatalog.withCrds([]);

/** Each role bound in namespace `app` to a user named after it; cluster-admin bound cluster-wide too. */
function cluster(extra = inputs([])): RbacEvaluator {
  const bindings = ['admin', 'edit', 'view', 'cluster-admin'].map((r) => rb('app', r, `ClusterRole:${r}`, [`User:${r}-user`]));
  return RbacEvaluator.fromObjects(withDefaults([...inputs(bindings), ...extra]));
}

function can(e: RbacEvaluator, user: string, verb: string, resource: string, ns = 'app', name?: string, groups: string[] = []): boolean {
  const { request } = parseRequest({ verb, resource, namespace: ns, ...(name ? { name } : {}) }, catalog);
  return e.canI(impersonatedUser(user, groups), request).allowed;
}

// [role, verb, resource, allowed, why]
const TABLE: [string, string, string, boolean, string][] = [
  ['view', 'get', 'pods', true, 'view reads workloads'],
  ['view', 'list', 'deployments.apps', true, 'view reads apps'],
  ['view', 'get', 'pods/log', true, 'view reads logs'],
  ['view', 'get', 'secrets', false, 'view cannot read secrets'],
  ['view', 'list', 'secrets', false, 'view cannot list secrets'],
  ['view', 'get', 'roles', false, 'view cannot read roles'],
  ['view', 'create', 'pods', false, 'view is read-only'],
  ['view', 'create', 'pods/exec', false, 'view cannot exec'],
  ['view', 'get', 'endpointslices.discovery.k8s.io', true, 'view reads endpoint slices'],
  ['edit', 'create', 'pods/exec', true, 'edit can exec'],
  ['edit', 'get', 'secrets', true, 'edit reads secrets'],
  ['edit', 'create', 'deployments', true, 'edit creates workloads'],
  ['edit', 'update', 'deployments/scale', true, 'edit scales'],
  ['edit', 'impersonate', 'serviceaccounts', true, 'edit impersonates ServiceAccounts'],
  ['edit', 'create', 'serviceaccounts/token', true, 'edit mints ServiceAccount tokens'],
  ['edit', 'create', 'rolebindings', false, 'edit has no RBAC'],
  ['edit', 'get', 'roles', false, 'edit cannot read roles'],
  ['edit', 'list', 'pods', true, 'edit includes view'],
  ['edit', 'create', 'leases.coordination.k8s.io', true, 'edit writes leases'],
  ['admin', 'create', 'rolebindings', true, 'admin can create rolebindings'],
  ['admin', 'create', 'roles', true, 'admin can create roles'],
  ['admin', 'create', 'localsubjectaccessreviews', true, 'admin checks others\' access'],
  ['admin', 'create', 'pods/exec', true, 'admin includes edit'],
  ['admin', 'get', 'pods', true, 'admin includes view'],
  ['admin', 'update', 'resourcequotas', false, 'admin cannot change quotas'],
  ['admin', 'delete', 'namespaces', false, 'admin cannot delete its namespace'],
  ['admin', 'escalate', 'roles', false, 'admin has no escalate'],
  ['admin', 'bind', 'clusterroles', false, 'admin has no bind'],
  ['cluster-admin', 'delete', 'secrets', true, 'cluster-admin does everything in the namespace'],
  ['cluster-admin', 'escalate', 'roles', true, 'cluster-admin escalates'],
];

describe('built-in ClusterRoles', () => {
  const e = cluster();
  for (const [roleName, verb, resource, allowed, why] of TABLE) {
    it(`${why}: ${roleName} ${verb} ${resource} → ${allowed}`, () => assert.equal(can(e, `${roleName}-user`, verb, resource), allowed));
  }

  it('a RoleBinding to admin holds only in its namespace', () => {
    assert.equal(can(e, 'admin-user', 'get', 'pods', 'other'), false);
    assert.equal(can(e, 'admin-user', 'get', 'nodes'), false);
  });

  it('cluster-admin through system:masters: everything, cluster-wide and URLs', () => {
    const ask = (verb: string, resource: string): boolean => can(e, 'root', verb, resource, '', undefined, ['system:masters']);
    assert.equal(ask('delete', 'nodes'), true);
    assert.equal(ask('get', '/metrics'), true);
    const decision = e.canI(impersonatedUser('root', ['system:masters']), parseRequest({ verb: 'delete', resource: 'nodes' }, catalog).request);
    assert.equal(decision.superuser, true);
    assert.deepEqual(decision.paths.map((p) => `${p.binding.name}→${p.role.name}`), ['cluster-admin→cluster-admin']);
  });

  it('every authenticated user: self reviews and discovery, nothing else', () => {
    assert.equal(can(e, 'anyone', 'create', 'selfsubjectaccessreviews'), true);
    assert.equal(can(e, 'anyone', 'create', 'selfsubjectrulesreviews'), true);
    assert.equal(can(e, 'anyone', 'get', '/apis/apps/v1'), true);
    assert.equal(can(e, 'anyone', 'get', '/version'), true);
    assert.equal(can(e, 'anyone', 'get', '/metrics'), false);
    assert.equal(can(e, 'anyone', 'get', 'pods'), false);
  });

  it('anonymous callers see only public info', () => {
    const anon = { name: 'system:anonymous', groups: ['system:unauthenticated'] };
    const ask = (path: string): boolean => e.canI(anon, { kind: 'nonResource', verb: 'get', path }).allowed;
    assert.equal(ask('/healthz'), true);
    assert.equal(ask('/version/'), true);
    assert.equal(ask('/apis'), false);
  });

  it('a custom role labelled aggregate-to-view joins view, edit and admin', () => {
    const widget = clusterRole('widget-reader', [{ verbs: ['get', 'list'], groups: ['example.com'], resources: ['widgets'] }], {
      'rbac.authorization.k8s.io/aggregate-to-view': 'true',
    });
    const withWidget = cluster(inputs([widget]));
    for (const r of ['view', 'edit', 'admin']) assert.equal(can(withWidget, `${r}-user`, 'list', 'widgets.example.com'), true, r);
    const path = withWidget.canI(impersonatedUser('admin-user'), parseRequest({ verb: 'list', resource: 'widgets.example.com', namespace: 'app' }, catalog).request).paths[0]!;
    assert.equal(path.role.name, 'admin');
    assert.equal(path.rule.aggregatedFrom, 'widget-reader', 'the path names the role the rule came from');
    assert.equal(can(cluster(), 'view-user', 'list', 'widgets.example.com'), false);
  });

  it('an estate object named like a default replaces it', () => {
    const own = clusterRole('view', [{ verbs: ['get'], groups: [''], resources: ['secrets'] }]);
    const merged = withDefaults(inputs([own]));
    assert.equal(merged.filter((i) => (i.object.metadata as { name: string }).name === 'view').length, 1);
    assert.equal(defaultRbacInputs().every((i) => i.builtIn), true);
  });
});
