/**
 * The RBAC authorizer's semantics, one row per rule with why it holds
 * (evaluation_helpers.go and rbac.go of kubernetes/kubernetes).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JsonObject } from '../../../src/core/json.js';
import { impersonatedUser, NaiveEvaluator, RbacEvaluator, type AccessRequest } from '../../../src/access/evaluate/index.js';
import { clusterRole, crb, inputs, rb, role, type R } from './builders.js';

interface Ask {
  verb: string;
  group?: string;
  resource: string;
  sub?: string;
  name?: string;
  ns?: string;
}

function res(a: Ask): AccessRequest {
  return { kind: 'resource', verb: a.verb, apiGroup: a.group ?? '', resource: a.resource, subresource: a.sub ?? '', name: a.name ?? '', namespace: a.ns ?? '' };
}

function url(verb: string, path: string): AccessRequest {
  return { kind: 'nonResource', verb, path };
}

interface Row {
  why: string;
  objects: JsonObject[];
  user?: string;
  groups?: string[];
  request: AccessRequest;
  allowed: boolean;
}

const ALICE = 'alice';
/** One ClusterRole with `rules`, bound cluster-wide to alice. */
const grantAll = (rules: R[]): JsonObject[] => [clusterRole('r', rules), crb('b', 'r', ['User:alice'])];

const ROWS: Row[] = [
  { why: 'an exact verb matches', objects: grantAll([{ verbs: ['get'], groups: [''], resources: ['pods'] }]), request: res({ verb: 'get', resource: 'pods', ns: 'a' }), allowed: true },
  { why: 'another verb does not', objects: grantAll([{ verbs: ['get'], groups: [''], resources: ['pods'] }]), request: res({ verb: 'delete', resource: 'pods', ns: 'a' }), allowed: false },
  { why: 'verb * matches every verb, special ones too', objects: grantAll([{ verbs: ['*'], groups: [''], resources: ['serviceaccounts'] }]), request: res({ verb: 'impersonate', resource: 'serviceaccounts', ns: 'a' }), allowed: true },
  { why: 'verbs are case-sensitive', objects: grantAll([{ verbs: ['Get'], groups: [''], resources: ['pods'] }]), request: res({ verb: 'get', resource: 'pods' }), allowed: false },
  { why: 'apiGroup "" is the core group only', objects: grantAll([{ verbs: ['get'], groups: [''], resources: ['deployments'] }]), request: res({ verb: 'get', group: 'apps', resource: 'deployments' }), allowed: false },
  { why: 'apiGroup * matches any group', objects: grantAll([{ verbs: ['get'], groups: ['*'], resources: ['deployments'] }]), request: res({ verb: 'get', group: 'apps', resource: 'deployments' }), allowed: true },
  { why: 'a rule without apiGroups matches no resource request', objects: grantAll([{ verbs: ['get'], resources: ['pods'] }]), request: res({ verb: 'get', resource: 'pods' }), allowed: false },
  { why: 'resource * matches every resource', objects: grantAll([{ verbs: ['get'], groups: [''], resources: ['*'] }]), request: res({ verb: 'get', resource: 'secrets' }), allowed: true },
  { why: 'resource * matches subresources too', objects: grantAll([{ verbs: ['create'], groups: [''], resources: ['*'] }]), request: res({ verb: 'create', resource: 'pods', sub: 'exec', ns: 'a' }), allowed: true },
  { why: 'a resource does not cover its subresources', objects: grantAll([{ verbs: ['create'], groups: [''], resources: ['pods'] }]), request: res({ verb: 'create', resource: 'pods', sub: 'exec', ns: 'a' }), allowed: false },
  { why: 'resource/subresource matches exactly that', objects: grantAll([{ verbs: ['create'], groups: [''], resources: ['pods/exec'] }]), request: res({ verb: 'create', resource: 'pods', sub: 'exec', ns: 'a' }), allowed: true },
  { why: 'a subresource rule does not cover the resource', objects: grantAll([{ verbs: ['get'], groups: [''], resources: ['pods/log'] }]), request: res({ verb: 'get', resource: 'pods', ns: 'a' }), allowed: false },
  { why: '*/scale matches the scale subresource of any resource', objects: grantAll([{ verbs: ['update'], groups: ['apps'], resources: ['*/scale'] }]), request: res({ verb: 'update', group: 'apps', resource: 'deployments', sub: 'scale', ns: 'a' }), allowed: true },
  { why: '*/scale does not match the resource itself', objects: grantAll([{ verbs: ['update'], groups: ['apps'], resources: ['*/scale'] }]), request: res({ verb: 'update', group: 'apps', resource: 'deployments', ns: 'a' }), allowed: false },
  { why: '*/scale does not match another subresource', objects: grantAll([{ verbs: ['update'], groups: ['apps'], resources: ['*/scale'] }]), request: res({ verb: 'update', group: 'apps', resource: 'deployments', sub: 'status', ns: 'a' }), allowed: false },
  { why: 'pods/* is not a wildcard', objects: grantAll([{ verbs: ['create'], groups: [''], resources: ['pods/*'] }]), request: res({ verb: 'create', resource: 'pods', sub: 'exec', ns: 'a' }), allowed: false },
  { why: 'resourceNames: the named object', objects: grantAll([{ verbs: ['get'], groups: [''], resources: ['configmaps'], names: ['aws-auth'] }]), request: res({ verb: 'get', resource: 'configmaps', name: 'aws-auth', ns: 'kube-system' }), allowed: true },
  { why: 'resourceNames: another object', objects: grantAll([{ verbs: ['get'], groups: [''], resources: ['configmaps'], names: ['aws-auth'] }]), request: res({ verb: 'get', resource: 'configmaps', name: 'other', ns: 'kube-system' }), allowed: false },
  { why: 'resourceNames cannot allow a list (it carries no name)', objects: grantAll([{ verbs: ['list'], groups: [''], resources: ['configmaps'], names: ['aws-auth'] }]), request: res({ verb: 'list', resource: 'configmaps', ns: 'kube-system' }), allowed: false },
  { why: 'a list with field selector metadata.name carries the name', objects: grantAll([{ verbs: ['list'], groups: [''], resources: ['configmaps'], names: ['aws-auth'] }]), request: res({ verb: 'list', resource: 'configmaps', name: 'aws-auth', ns: 'kube-system' }), allowed: true },
  { why: 'resourceNames can never allow create', objects: grantAll([{ verbs: ['create'], groups: [''], resources: ['configmaps'], names: ['x'] }]), request: res({ verb: 'create', resource: 'configmaps', ns: 'a' }), allowed: false },
  { why: 'resourceNames cannot allow deletecollection', objects: grantAll([{ verbs: ['deletecollection'], groups: [''], resources: ['pods'], names: ['x'] }]), request: res({ verb: 'deletecollection', resource: 'pods', ns: 'a' }), allowed: false },
  { why: 'no resourceNames: any name', objects: grantAll([{ verbs: ['get'], groups: [''], resources: ['secrets'] }]), request: res({ verb: 'get', resource: 'secrets', name: 'db', ns: 'a' }), allowed: true },
  { why: 'non-resource URL: exact', objects: grantAll([{ verbs: ['get'], urls: ['/healthz'] }]), request: url('get', '/healthz'), allowed: true },
  { why: 'non-resource URL: exact means exact', objects: grantAll([{ verbs: ['get'], urls: ['/healthz'] }]), request: url('get', '/healthz/etcd'), allowed: false },
  { why: 'non-resource URL: a trailing * is a prefix match', objects: grantAll([{ verbs: ['get'], urls: ['/healthz*'] }]), request: url('get', '/healthz/etcd'), allowed: true },
  { why: 'non-resource URL: the prefix need not end at a slash', objects: grantAll([{ verbs: ['get'], urls: ['/healthz*'] }]), request: url('get', '/healthzfoo'), allowed: true },
  { why: 'non-resource URL: /api/* does not match /api', objects: grantAll([{ verbs: ['get'], urls: ['/api/*'] }]), request: url('get', '/api'), allowed: false },
  { why: 'non-resource URL: * matches every path', objects: grantAll([{ verbs: ['get'], urls: ['*'] }]), request: url('get', '/metrics'), allowed: true },
  { why: 'non-resource URL: verbs are HTTP verbs in lower case', objects: grantAll([{ verbs: ['get'], urls: ['*'] }]), request: url('post', '/metrics'), allowed: false },
  { why: 'a resource rule does not grant URLs', objects: grantAll([{ verbs: ['*'], groups: ['*'], resources: ['*'] }]), request: url('get', '/metrics'), allowed: false },
  {
    why: 'non-resource URLs are granted only through ClusterRoleBindings',
    objects: [clusterRole('r', [{ verbs: ['get'], urls: ['*'] }]), rb('a', 'b', 'ClusterRole:r', ['User:alice'])],
    request: url('get', '/healthz'),
    allowed: false,
  },
  {
    why: 'RoleBinding → Role grants in its namespace',
    objects: [role('a', 'r', [{ verbs: ['get'], groups: [''], resources: ['pods'] }]), rb('a', 'b', 'Role:r', ['User:alice'])],
    request: res({ verb: 'get', resource: 'pods', ns: 'a' }),
    allowed: true,
  },
  {
    why: 'RoleBinding → Role grants nothing in another namespace',
    objects: [role('a', 'r', [{ verbs: ['get'], groups: [''], resources: ['pods'] }]), rb('a', 'b', 'Role:r', ['User:alice'])],
    request: res({ verb: 'get', resource: 'pods', ns: 'b' }),
    allowed: false,
  },
  {
    why: 'a RoleBinding finds its Role in its own namespace only',
    objects: [role('other', 'r', [{ verbs: ['get'], groups: [''], resources: ['pods'] }]), rb('a', 'b', 'Role:r', ['User:alice'])],
    request: res({ verb: 'get', resource: 'pods', ns: 'a' }),
    allowed: false,
  },
  {
    why: 'RoleBinding → ClusterRole grants in the binding namespace',
    objects: [clusterRole('r', [{ verbs: ['get'], groups: [''], resources: ['pods'] }]), rb('a', 'b', 'ClusterRole:r', ['User:alice'])],
    request: res({ verb: 'get', resource: 'pods', ns: 'a' }),
    allowed: true,
  },
  {
    why: 'RoleBinding → ClusterRole grants nothing in other namespaces',
    objects: [clusterRole('r', [{ verbs: ['get'], groups: [''], resources: ['pods'] }]), rb('a', 'b', 'ClusterRole:r', ['User:alice'])],
    request: res({ verb: 'get', resource: 'pods', ns: 'b' }),
    allowed: false,
  },
  {
    why: 'RoleBinding → ClusterRole grants nothing across all namespaces',
    objects: [clusterRole('r', [{ verbs: ['list'], groups: [''], resources: ['pods'] }]), rb('a', 'b', 'ClusterRole:r', ['User:alice'])],
    request: res({ verb: 'list', resource: 'pods', ns: '' }),
    allowed: false,
  },
  {
    why: 'RoleBinding → ClusterRole never grants cluster-scoped resources',
    objects: [clusterRole('r', [{ verbs: ['get'], groups: [''], resources: ['nodes'] }]), rb('a', 'b', 'ClusterRole:r', ['User:alice'])],
    request: res({ verb: 'get', resource: 'nodes' }),
    allowed: false,
  },
  {
    why: 'ClusterRoleBinding → ClusterRole grants in every namespace',
    objects: grantAll([{ verbs: ['get'], groups: [''], resources: ['pods'] }]),
    request: res({ verb: 'get', resource: 'pods', ns: 'anything' }),
    allowed: true,
  },
  { why: 'ClusterRoleBinding → ClusterRole grants cluster-scoped resources', objects: grantAll([{ verbs: ['get'], groups: [''], resources: ['nodes'] }]), request: res({ verb: 'get', resource: 'nodes' }), allowed: true },
  {
    why: 'a ClusterRoleBinding to a Role grants nothing',
    objects: [role('a', 'r', [{ verbs: ['get'], groups: [''], resources: ['pods'] }]), crb('b', 'r', ['User:alice'], 'Role')],
    request: res({ verb: 'get', resource: 'pods', ns: 'a' }),
    allowed: false,
  },
  { why: 'a binding to a missing role grants nothing', objects: [crb('b', 'nope', ['User:alice'])], request: res({ verb: 'get', resource: 'pods', ns: 'a' }), allowed: false },
  {
    why: 'a roleRef outside rbac.authorization.k8s.io grants nothing',
    objects: [clusterRole('r', [{ verbs: ['get'], groups: [''], resources: ['pods'] }]), { ...crb('b', 'r', ['User:alice']), roleRef: { apiGroup: 'example.com', kind: 'ClusterRole', name: 'r' } }],
    request: res({ verb: 'get', resource: 'pods', ns: 'a' }),
    allowed: false,
  },
  {
    why: 'User subjects match the username exactly',
    objects: [clusterRole('r', [{ verbs: ['get'], groups: [''], resources: ['pods'] }]), crb('b', 'r', ['User:Alice'])],
    request: res({ verb: 'get', resource: 'pods', ns: 'a' }),
    allowed: false,
  },
  {
    why: 'Group subjects match by membership',
    objects: [clusterRole('r', [{ verbs: ['get'], groups: [''], resources: ['pods'] }]), crb('b', 'r', ['Group:devs'])],
    groups: ['devs'],
    request: res({ verb: 'get', resource: 'pods', ns: 'a' }),
    allowed: true,
  },
  {
    why: 'a ServiceAccount subject is the user system:serviceaccount:NS:NAME',
    objects: [clusterRole('r', [{ verbs: ['get'], groups: [''], resources: ['pods'] }]), crb('b', 'r', ['ServiceAccount:ci/deployer'])],
    user: 'system:serviceaccount:ci:deployer',
    request: res({ verb: 'get', resource: 'pods', ns: 'a' }),
    allowed: true,
  },
  {
    why: 'a ServiceAccount subject without namespace defaults to the RoleBinding namespace',
    objects: [clusterRole('r', [{ verbs: ['get'], groups: [''], resources: ['pods'] }]), rb('ci', 'b', 'ClusterRole:r', ['ServiceAccount:deployer'])],
    user: 'system:serviceaccount:ci:deployer',
    request: res({ verb: 'get', resource: 'pods', ns: 'ci' }),
    allowed: true,
  },
  {
    why: 'a ServiceAccount subject without namespace in a ClusterRoleBinding matches nobody',
    objects: [clusterRole('r', [{ verbs: ['get'], groups: [''], resources: ['pods'] }]), crb('b', 'r', ['ServiceAccount:deployer'])],
    user: 'system:serviceaccount:default:deployer',
    request: res({ verb: 'get', resource: 'pods', ns: 'default' }),
    allowed: false,
  },
  {
    why: 'a ServiceAccount is in system:serviceaccounts:NS',
    objects: [clusterRole('r', [{ verbs: ['get'], groups: [''], resources: ['pods'] }]), crb('b', 'r', ['Group:system:serviceaccounts:ci'])],
    user: 'system:serviceaccount:ci:builder',
    request: res({ verb: 'get', resource: 'pods', ns: 'a' }),
    allowed: true,
  },
  {
    why: 'a ServiceAccount of another namespace is not',
    objects: [clusterRole('r', [{ verbs: ['get'], groups: [''], resources: ['pods'] }]), crb('b', 'r', ['Group:system:serviceaccounts:ci'])],
    user: 'system:serviceaccount:web:builder',
    request: res({ verb: 'get', resource: 'pods', ns: 'a' }),
    allowed: false,
  },
  {
    why: 'every ServiceAccount is in system:serviceaccounts',
    objects: [clusterRole('r', [{ verbs: ['get'], groups: [''], resources: ['pods'] }]), crb('b', 'r', ['Group:system:serviceaccounts'])],
    user: 'system:serviceaccount:web:builder',
    request: res({ verb: 'get', resource: 'pods', ns: 'a' }),
    allowed: true,
  },
  {
    why: 'every authenticated user is in system:authenticated',
    objects: [clusterRole('r', [{ verbs: ['get'], groups: [''], resources: ['pods'] }]), crb('b', 'r', ['Group:system:authenticated'])],
    request: res({ verb: 'get', resource: 'pods', ns: 'a' }),
    allowed: true,
  },
  {
    why: 'an unknown subject kind matches nobody',
    objects: [clusterRole('r', [{ verbs: ['get'], groups: [''], resources: ['pods'] }]), { ...crb('b', 'r', []), subjects: [{ kind: 'Team', name: 'alice' }] }],
    request: res({ verb: 'get', resource: 'pods', ns: 'a' }),
    allowed: false,
  },
  { why: 'system:masters is allowed before RBAC, with no binding at all', objects: [], groups: ['system:masters'], request: res({ verb: 'escalate', group: 'rbac.authorization.k8s.io', resource: 'clusterroles' }), allowed: true },
  { why: 'no binding: RBAC has no opinion (denied)', objects: [], request: res({ verb: 'get', resource: 'pods', ns: 'a' }), allowed: false },
  {
    why: 'aggregation: a labelled ClusterRole joins the aggregating one',
    objects: [
      clusterRole('agg', [], {}, [{ 'example.com/aggregate-to-agg': 'true' }]),
      clusterRole('part', [{ verbs: ['get'], groups: ['example.com'], resources: ['widgets'] }], { 'example.com/aggregate-to-agg': 'true' }),
      crb('b', 'agg', ['User:alice']),
    ],
    request: res({ verb: 'get', group: 'example.com', resource: 'widgets', ns: 'a' }),
    allowed: true,
  },
  {
    why: 'aggregation: the aggregating role\'s own rules are replaced by the union',
    objects: [clusterRole('agg', [{ verbs: ['get'], groups: [''], resources: ['secrets'] }], {}, [{ 'example.com/aggregate-to-agg': 'true' }]), crb('b', 'agg', ['User:alice'])],
    request: res({ verb: 'get', resource: 'secrets', ns: 'a' }),
    allowed: false,
  },
  {
    why: 'aggregation chains (a → b → c)',
    objects: [
      clusterRole('c', [], {}, [{ 'to-c': 'true' }]),
      clusterRole('b', [], { 'to-c': 'true' }, [{ 'to-b': 'true' }]),
      clusterRole('a', [{ verbs: ['get'], groups: [''], resources: ['pods'] }], { 'to-b': 'true' }),
      crb('x', 'c', ['User:alice']),
    ],
    request: res({ verb: 'get', resource: 'pods', ns: 'a' }),
    allowed: true,
  },
];

describe('RBAC semantics (table)', () => {
  for (const row of ROWS) {
    it(row.why, () => {
      const evaluator = RbacEvaluator.fromObjects(inputs(row.objects));
      const user = impersonatedUser(row.user ?? ALICE, row.groups ?? []);
      const decision = evaluator.canI(user, row.request);
      assert.equal(decision.allowed, row.allowed, `${row.why}: expected ${row.allowed}`);
      if (row.allowed && !decision.superuser) assert.ok(decision.paths.length > 0, 'an allowed request has a path');
      // The linear reference agrees on every row, and who-can agrees with can-i.
      assert.equal(new NaiveEvaluator(evaluator.set).canI(user, row.request), row.allowed);
      const who = evaluator.whoCan(row.request);
      const listed = who.subjects.some((s) => decision.paths.some((p) => p.subject.kind === s.subject.kind && p.subject.name === s.subject.name));
      assert.equal(listed, row.allowed && !decision.superuser);
    });
  }
});
