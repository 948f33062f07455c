/** Table tests for RBAC hygiene and removed/deprecated apiVersions. */
import { test } from 'node:test';
import type { JsonObject } from '../../src/core/json.js';
import { checkCase, cronJob, hpa, namespaced, rbac, type RuleCase } from './rules-fixtures.js';

const role = (name: string, rules: JsonObject[], ns = 'shop'): JsonObject => rbac('Role', name, { rules }, ns);
const clusterRole = (name: string, rules: JsonObject[]): JsonObject => rbac('ClusterRole', name, { rules });
const core = (resources: string[], verbs: string[], extra: JsonObject = {}): JsonObject => ({ apiGroups: [''], resources, verbs, ...extra });
const ref = (kind: string, name: string): JsonObject => ({ apiGroup: 'rbac.authorization.k8s.io', kind, name });
const sa: JsonObject = { kind: 'ServiceAccount', name: 'web', namespace: 'shop' };
const clusterBinding = (name: string, roleRef: JsonObject, subjects: JsonObject[] = [sa]): JsonObject => rbac('ClusterRoleBinding', name, { roleRef, subjects });
const binding = (name: string, roleRef: JsonObject, subjects: JsonObject[] = [sa]): JsonObject => rbac('RoleBinding', name, { roleRef, subjects }, 'shop');
const withApi = (obj: JsonObject, apiVersion: string): JsonObject => ({ ...obj, apiVersion });

const CASES: RuleCase[] = [
  {
    rule: 'hm/rbac-wildcard',
    fail: [clusterRole('a', [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }]), role('b', [core(['configmaps'], ['get', '*'])])],
    expect: ['ClusterRole/a rules[0].apiGroups[0]', 'ClusterRole/a rules[0].resources[0]', 'ClusterRole/a rules[0].verbs[0]', 'Role/b rules[0].verbs[1]'],
    pass: [role('b', [core(['configmaps'], ['get', 'list'])])],
  },
  {
    rule: 'hm/cluster-admin-binding',
    fail: [clusterBinding('a', ref('ClusterRole', 'cluster-admin')), binding('b', ref('ClusterRole', 'cluster-admin'))],
    expect: ['ClusterRoleBinding/a roleRef.name', 'RoleBinding/b roleRef.name'],
    pass: [clusterBinding('a', ref('ClusterRole', 'view')), binding('b', ref('Role', 'cluster-admin'))],
  },
  {
    rule: 'hm/rbac-pod-exec',
    fail: [role('a', [core(['pods', 'pods/exec'], ['create'])]), clusterRole('b', [core(['pods/attach'], ['get'])])],
    expect: ['Role/a rules[0].resources[1]', 'ClusterRole/b rules[0].resources[0]'],
    pass: [role('a', [core(['pods/log'], ['get'])]), role('b', [core(['pods/exec'], ['list'])]), role('c', [{ apiGroups: ['apps'], resources: ['pods/exec'], verbs: ['create'] }])],
  },
  {
    rule: 'hm/rbac-cluster-secrets-read',
    fail: [
      clusterRole('unbound', [core(['configmaps', 'secrets'], ['get'])]),
      clusterRole('both', [core(['secrets'], ['list'])]), clusterBinding('both', ref('ClusterRole', 'both')), binding('both', ref('ClusterRole', 'both')),
    ],
    expect: ['ClusterRole/unbound rules[0].resources[1]', 'ClusterRole/both rules[0].resources[0]'],
    pass: [
      clusterRole('scoped', [core(['secrets'], ['get'])]), binding('scoped', ref('ClusterRole', 'scoped')),
      clusterRole('named', [core(['secrets'], ['get'], { resourceNames: ['tls'] })]),
      clusterRole('writer', [core(['secrets'], ['create'])]),
      role('reader', [core(['secrets'], ['get', 'list'])]),
    ],
  },
  {
    rule: 'hm/rbac-escalation-verbs',
    fail: [clusterRole('a', [{ apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles'], verbs: ['get', 'bind', 'escalate'] }, core(['users'], ['impersonate'])])],
    expect: ['ClusterRole/a rules[0].verbs[1]', 'ClusterRole/a rules[0].verbs[2]', 'ClusterRole/a rules[1].verbs[0]'],
    pass: [clusterRole('a', [{ apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles'], verbs: ['get', 'list'] }])],
  },
  {
    rule: 'hm/rbac-nodes-proxy',
    fail: [clusterRole('a', [core(['nodes', 'nodes/proxy'], ['get'])])],
    expect: ['ClusterRole/a rules[0].resources[1]'],
    pass: [clusterRole('a', [core(['nodes', 'nodes/metrics'], ['get'])])],
  },
  {
    rule: 'hm/rbac-pod-create',
    fail: [role('a', [core(['pods'], ['get', 'create'])])],
    expect: ['Role/a rules[0].resources[0]'],
    pass: [role('a', [core(['pods'], ['get', 'delete'])])],
  },
  {
    rule: 'hm/rbac-role-missing',
    fail: [binding('a', ref('Role', 'ghost')), clusterBinding('b', ref('ClusterRole', 'ghost'))],
    expect: ['RoleBinding/a roleRef.name', 'ClusterRoleBinding/b roleRef.name'],
    pass: [
      binding('a', ref('Role', 'reader')), role('reader', []),
      clusterBinding('b', ref('ClusterRole', 'view')), clusterBinding('c', ref('ClusterRole', 'system:auth-delegator')),
      binding('d', ref('ClusterRole', 'mine')), clusterRole('mine', []),
      rbac('RoleBinding', 'auth-reader', { roleRef: ref('Role', 'extension-apiserver-authentication-reader'), subjects: [sa] }, 'kube-system'),
    ],
  },
  {
    rule: 'hm/rbac-anonymous-binding',
    fail: [
      clusterBinding('a', ref('ClusterRole', 'view'), [{ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'system:unauthenticated' }]),
      binding('b', ref('Role', 'r'), [sa, { kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'system:anonymous' }]),
    ],
    expect: ['ClusterRoleBinding/a subjects[0].name', 'RoleBinding/b subjects[1].name'],
    pass: [binding('b', ref('Role', 'r'), [sa, { kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'system:serviceaccounts:shop' }])],
  },
  {
    rule: 'hm/removed-api',
    context: { kubernetesVersion: '1.25' },
    fail: [withApi(cronJob('a'), 'batch/v1beta1'), namespaced('extensions/v1beta1', 'Ingress', 'b', { spec: {} })],
    expect: ['CronJob/a apiVersion', 'Ingress/b apiVersion'],
    pass: [withApi(hpa('a'), 'autoscaling/v2beta2'), cronJob('b'), namespaced('flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema', 'c', { spec: {} })],
  },
  {
    rule: 'hm/removed-api',
    context: {},
    fail: [withApi(hpa('a'), 'autoscaling/v2beta2'), namespaced('flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema', 'c', { spec: {} })],
    expect: ['HorizontalPodAutoscaler/a apiVersion', 'FlowSchema/c apiVersion'],
    pass: [hpa('a'), namespaced('flowcontrol.apiserver.k8s.io/v1', 'FlowSchema', 'c', { spec: {} })],
  },
  {
    rule: 'hm/deprecated-api',
    context: { kubernetesVersion: 'v1.25.4' },
    fail: [withApi(hpa('a'), 'autoscaling/v2beta2')],
    expect: ['HorizontalPodAutoscaler/a apiVersion'],
    pass: [withApi(cronJob('a'), 'batch/v1beta1'), hpa('b'), namespaced('flowcontrol.apiserver.k8s.io/v1beta2', 'FlowSchema', 'c', { spec: {} })],
  },
  {
    rule: 'hm/deprecated-api',
    context: {},
    fail: [],
    expect: [],
    pass: [withApi(hpa('a'), 'autoscaling/v2beta2')],
  },
];

CASES.forEach((c, i) => test(`${c.rule} #${i}`, () => checkCase(c)));
