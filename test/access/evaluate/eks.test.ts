/** EKS identity (access entries, aws-auth) and access policies, united with RBAC. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JsonObject } from '../../../src/core/json.js';
import { parseRequest, type AccessRequest } from '../../../src/access/evaluate/index.js';
import { ClusterAccess, readIdentityMappings, resolveIdentity } from '../../../src/access/eks/index.js';
import { clusterRole, crb, inputs, rb } from './builders.js';

const ACCT = '111122223333';
const SSO = `arn:aws:iam::${ACCT}:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_IdentityDeveloper_0123456789abcdef`;
const CI = `arn:aws:iam::${ACCT}:role/ci/deployer`;

function accessEntry(name: string, principalARN: string, spec: Record<string, unknown> = {}): JsonObject {
  return { apiVersion: 'eks.services.k8s.aws/v1alpha1', kind: 'AccessEntry', metadata: { name, namespace: 'kube-system' }, spec: { clusterName: 'c', principalARN, type: 'STANDARD', ...spec } } as JsonObject;
}

function awsAuth(mapRoles: string, extra: Record<string, string> = {}): JsonObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'aws-auth', namespace: 'kube-system' }, data: { mapRoles, ...extra } };
}

const policy = (name: string, scope: Record<string, unknown>): Record<string, unknown> => ({ policyARN: `arn:aws:eks::aws:cluster-access-policy/${name}`, accessScope: scope });

function req(access: ClusterAccess, verb: string, resource: string, namespace?: string): AccessRequest {
  return parseRequest({ verb, resource, ...(namespace !== undefined ? { namespace } : {}) }, access.catalog).request;
}

const RBAC = [
  clusterRole('deployer', [{ verbs: ['get', 'patch'], groups: ['apps'], resources: ['deployments'] }]),
  rb('identity', 'team', 'ClusterRole:deployer', ['Group:authwall:team:identity']),
];

describe('EKS identity resolution', () => {
  it('an SSO role (path stripped) resolves through its access entry to the team group', () => {
    const access = new ClusterAccess('c', inputs([...RBAC, accessEntry('hm-identity', SSO, { kubernetesGroups: ['authwall:team:identity'], username: 'hm:identity:{{SessionName}}' })]));
    const assumed = `arn:aws:sts::${ACCT}:assumed-role/AWSReservedSSO_IdentityDeveloper_0123456789abcdef/jane@acme.example`;
    const { identity, decision } = access.canIAsPrincipal({ arn: assumed }, req(access, 'patch', 'deploy', 'identity'));
    assert.equal(identity?.username, 'hm:identity:jane-acme.example', '{{SessionName}} turns @ into -');
    assert.deepEqual(identity?.groups, ['authwall:team:identity', 'system:authenticated']);
    assert.equal(decision?.allowed, true);
    assert.equal(decision?.rbac.paths[0]?.binding.name, 'team');
    assert.equal(access.canIAsPrincipal({ arn: SSO }, req(access, 'patch', 'deploy', 'auth')).decision?.allowed, false, 'only in its namespace');
  });

  it('aws-auth mapRoles matches the role without its path; an entry written with a path never matches', () => {
    const mapRoles = `- rolearn: arn:aws:iam::${ACCT}:role/deployer\n  username: ci:{{SessionName}}\n  groups: [authwall:team:identity]\n- rolearn: ${SSO}\n  username: never\n  groups: [system:masters]\n`;
    const objects = inputs([...RBAC, awsAuth(mapRoles)]);
    const mappings = readIdentityMappings(objects);
    assert.deepEqual(mappings.problems.map((p) => p.code), ['ACCESS_AWS_AUTH_ROLE_PATH']);
    const ci = resolveIdentity({ arn: CI, sessionName: 'build-42' }, mappings.mappings);
    assert.equal(ci?.username, 'ci:build-42');
    assert.equal(ci?.mapping.source, 'aws-auth/mapRoles');
    assert.equal(resolveIdentity({ arn: SSO }, mappings.mappings), undefined, 'the pathful entry matches nobody');
  });

  it('an access entry wins over aws-auth for the same principal', () => {
    const mapRoles = `- rolearn: arn:aws:iam::${ACCT}:role/deployer\n  username: legacy\n  groups: [system:masters]\n`;
    const objects = inputs([awsAuth(mapRoles), accessEntry('ci', CI, { kubernetesGroups: ['ci'] })]);
    const id = resolveIdentity({ arn: CI }, readIdentityMappings(objects).mappings);
    assert.equal(id?.mapping.source, 'access-entry');
    assert.deepEqual(id?.groups, ['ci', 'system:authenticated']);
    assert.equal(id?.username, `arn:aws:sts::${ACCT}:assumed-role/deployer/session`, 'the access entry default username');
  });

  it('mapUsers and mapAccounts', () => {
    const user = `arn:aws:iam::${ACCT}:user/ops`;
    const objects = inputs([awsAuth('', { mapUsers: `- userarn: ${user}\n  username: ops\n  groups: [ops]\n`, mapAccounts: `- "444455556666"\n` })]);
    const m = readIdentityMappings(objects).mappings;
    assert.equal(resolveIdentity({ arn: user }, m)?.username, 'ops');
    const other = resolveIdentity({ arn: 'arn:aws:iam::444455556666:role/any' }, m);
    assert.equal(other?.username, 'arn:aws:iam::444455556666:role/any', 'mapAccounts: the ARN is the username');
    assert.deepEqual(other?.groups, ['system:authenticated']);
    assert.equal(resolveIdentity({ arn: 'arn:aws:iam::999999999999:role/x' }, m), undefined);
  });

  it('{{AccountID}} and {{AccessKeyID}} templates', () => {
    const mapRoles = `- rolearn: arn:aws:iam::${ACCT}:role/deployer\n  username: u-{{AccountID}}-{{AccessKeyID}}\n  groups: []\n`;
    const id = resolveIdentity({ arn: CI, accessKeyId: 'ASIAXYZ' }, readIdentityMappings(inputs([awsAuth(mapRoles)])).mappings);
    assert.equal(id?.username, `u-${ACCT}-ASIAXYZ`);
  });
});

describe('EKS access policies', () => {
  const admin = `arn:aws:iam::${ACCT}:role/platform-admin`;
  const dev = `arn:aws:iam::${ACCT}:role/dev`;
  const auditor = `arn:aws:iam::${ACCT}:role/auditor`;
  const access = new ClusterAccess(
    'c',
    inputs([
      accessEntry('admin', admin, { accessPolicies: [policy('AmazonEKSClusterAdminPolicy', { type: 'cluster' })] }),
      accessEntry('dev', dev, { accessPolicies: [policy('AmazonEKSEditPolicy', { type: 'namespace', namespaces: ['dev-*', 'shared'] })] }),
      accessEntry('auditor', auditor, { accessPolicies: [policy('AmazonEKSAdminViewPolicy', { type: 'cluster' }), policy('AmazonEKSViewPolicy', { type: 'cluster' })] }),
    ]),
  );
  const can = (arn: string, verb: string, resource: string, ns?: string): boolean => access.canIAsPrincipal({ arn }, req(access, verb, resource, ns)).decision?.allowed ?? false;

  // [principal, verb, resource, namespace, allowed, why]
  const rows: [string, string, string, string | undefined, boolean, string][] = [
    [admin, 'delete', 'nodes', undefined, true, 'ClusterAdminPolicy at cluster scope: everything'],
    [admin, 'get', '/metrics', undefined, true, 'ClusterAdminPolicy includes non-resource URLs'],
    [dev, 'create', 'pods/exec', 'dev-alpha', true, 'EditPolicy includes exec; dev-* matches dev-alpha'],
    [dev, 'get', 'secrets', 'shared', true, 'EditPolicy reads secrets'],
    [dev, 'create', 'pods/exec', 'prod', false, 'outside the namespace scope'],
    [dev, 'create', 'rolebindings', 'dev-alpha', false, 'EditPolicy has no RBAC writes'],
    [dev, 'get', 'nodes', undefined, false, 'a namespace scope never grants cluster-scoped resources'],
    [auditor, 'get', 'secrets', 'any', true, 'AdminViewPolicy reads secrets'],
    [auditor, 'delete', 'pods', 'any', false, 'view policies are read-only'],
  ];
  for (const [arn, verb, resource, ns, allowed, why] of rows) it(`${why}`, () => assert.equal(can(arn, verb, resource, ns), allowed));

  it('who-can lists policy-granted principals apart from RBAC subjects', () => {
    const who = access.whoCan(req(access, 'get', 'secrets', 'dev-beta'));
    assert.deepEqual(who.policies.map((p) => `${p.principal.split('/').pop()}:${p.policyName}`), ['auditor:AmazonEKSAdminViewPolicy', 'dev:AmazonEKSEditPolicy', 'platform-admin:AmazonEKSClusterAdminPolicy']);
    assert.deepEqual(who.policies.find((p) => p.policyName === 'AmazonEKSEditPolicy')?.namespaces, ['dev-*', 'shared']);
    assert.deepEqual(who.rbac.subjects.map((s) => `${s.subject.kind}:${s.subject.name}`), ['Group:system:masters'], 'only the default cluster-admin binding, in RBAC');
  });

  it('impersonating the Kubernetes identity drops the policies (RBAC only)', () => {
    assert.equal(access.canI({ name: 'x', groups: ['system:authenticated'] }, req(access, 'delete', 'nodes')).allowed, false);
  });

  it('a ViewPolicy cannot read secrets', () => {
    const viewer = new ClusterAccess('c', inputs([accessEntry('v', dev, { accessPolicies: [policy('AmazonEKSViewPolicy', { type: 'cluster' })] })]));
    assert.equal(viewer.canIAsPrincipal({ arn: dev }, req(viewer, 'get', 'secrets', 'x')).decision?.allowed, false);
    assert.equal(viewer.canIAsPrincipal({ arn: dev }, req(viewer, 'list', 'pods', 'x')).decision?.allowed, true);
  });

  it('RBAC of the cluster-admin default still applies for mapped groups', () => {
    const objects = inputs([crb('ops', 'cluster-admin', ['Group:ops']), accessEntry('ops', dev, { kubernetesGroups: ['ops'] })]);
    const a = new ClusterAccess('c', objects);
    assert.equal(a.canIAsPrincipal({ arn: dev }, req(a, 'delete', 'nodes')).decision?.allowed, true);
  });
});
