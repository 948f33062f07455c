/**
 * The admission-policy API beyond the fixtures: the request and user the
 * expressions see, the authorizer stub, lazy variables, namespaced params
 * for cluster-scoped objects, kind → resource mapping, and the Rule adaptor.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isObject } from '../../src/core/json.js';
import { Resource } from '../../src/core/resource.js';
import { parseDocuments } from '../../src/yaml/parse.js';
import { createVerifyContext, RuleRegistry } from '../../src/verify/rule.js';
import { admissionPolicyRule, evaluatePolicies, loadPolicies, VapCode } from '../../src/verify/vap/index.js';
import { guessPlural, KindCatalog } from '../../src/verify/vap/catalog.js';

function resources(text: string, file: string): Resource[] {
  return parseDocuments(text, file).filter((d) => isObject(d.value)).map((d) => new Resource(d.value as never, { file, line: d.line }));
}

function policy(name: string, body: string, actions = '[Deny]'): string {
  return `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: {name: ${name}}
spec:
${body}
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: {name: ${name}}
spec: {policyName: ${name}, validationActions: ${actions}}
`;
}

const CONFIGMAP_RULES = `  matchConstraints:
    resourceRules: [{apiGroups: [""], apiVersions: [v1], operations: [CREATE], resources: [configmaps]}]`;

const OBJECTS = resources(`apiVersion: v1
kind: ConfigMap
metadata: {name: settings, namespace: shop}
data: {mode: prod}
`, 'objects.yaml');

test('request, userInfo and the authorizer as the expressions see them', () => {
  const set = loadPolicies(resources(policy('who', `${CONFIGMAP_RULES}
  validations:
    - expression: "request.operation == 'CREATE' && request.resource.resource == 'configmaps' && request.kind.kind == 'ConfigMap' && request.namespace == 'shop' && oldObject == null"
      message: request
    - expression: "request.userInfo.username == 'ci-bot' && 'ops' in request.userInfo.groups"
      message: user
    - expression: "authorizer.group('').resource('secrets').namespace('shop').check('get').allowed()"
      messageExpression: "'denied: ' + authorizer.requestResource.check('create').reason()"`), 'p.yaml'));
  assert.deepEqual(set.diagnostics, []);
  const denied = evaluatePolicies(set, OBJECTS, { user: { username: 'ci-bot', groups: ['ops'] } });
  assert.deepEqual(denied.map((f) => f.message), ['denied: offline evaluation: no authorizer is consulted, the check is denied']);
  const asked: string[] = [];
  const allowed = evaluatePolicies(set, OBJECTS, {
    user: { username: 'ci-bot', groups: ['ops'] },
    authorization: (r) => {
      asked.push(`${r.user} ${r.verb} ${r.resource}/${r.namespace}`);
      return true;
    },
  });
  assert.deepEqual(allowed, []);
  assert.deepEqual(asked, ['ci-bot get secrets/shop']);
});

test('variables are evaluated lazily: an unused failing variable changes nothing, a used one follows failurePolicy', () => {
  const body = (use: string) => `  failurePolicy: Fail
${CONFIGMAP_RULES}
  variables:
    - {name: broken, expression: "object.data.missing == 'x'"}
    - {name: mode, expression: "object.data.mode"}
  validations:
    - expression: "${use}"
      message: checked`;
  const unused = loadPolicies(resources(policy('lazy', body("variables.mode == 'prod'")), 'p.yaml'));
  assert.deepEqual(evaluatePolicies(unused, OBJECTS), []);
  const used = loadPolicies(resources(policy('eager', body('variables.broken')), 'p.yaml'));
  assert.deepEqual(evaluatePolicies(used, OBJECTS).map((f) => [f.ruleId, f.severity]), [['vap/eager', 'error']]);
});

test('without a locate function, diagnostics point at the document', () => {
  const set = loadPolicies(resources(`# header
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: {name: b}
spec: {policyName: p}
`, 'b.yaml'));
  assert.deepEqual(set.diagnostics.map((d) => [d.code, d.file, d.line, d.yamlPath]), [[VapCode.InvalidBinding, 'b.yaml', 2, 'spec.validationActions']]);
});

test('a namespaced param kind for a cluster-scoped object needs paramRef.namespace', () => {
  const text = `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: {name: ns-labels}
spec:
  paramKind: {apiVersion: v1, kind: ConfigMap}
  matchConstraints:
    resourceRules: [{apiGroups: [""], apiVersions: [v1], operations: [CREATE], resources: [namespaces]}]
  validations:
    - expression: "object.metadata.name in params.data.allowed.split(',')"
      message: not allowed
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: {name: ns-labels}
spec: {policyName: ns-labels, validationActions: [Deny], paramRef: {name: allowed-namespaces}}
`;
  const objects = resources(`apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: allowed-namespaces, namespace: kube-system}
data: {allowed: "shop,billing"}
`, 'o.yaml');
  const misconfigured = evaluatePolicies(loadPolicies(resources(text, 'p.yaml')), objects);
  assert.deepEqual(misconfigured.map((f) => [f.ruleId, f.severity, f.resource.name]), [['vap/ns-labels', 'error', 'shop']]);
  const fixed = text.replace('paramRef: {name: allowed-namespaces}', 'paramRef: {name: allowed-namespaces, namespace: kube-system}');
  assert.deepEqual(evaluatePolicies(loadPolicies(resources(fixed, 'p.yaml')), objects), []);
});

test('kinds map to their plural resources: built-ins, CRDs in the set, else the apimachinery guess', () => {
  const catalog = new KindCatalog(resources(`apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: gateways.net.example.com}
spec: {group: net.example.com, scope: Cluster, names: {kind: Gateway, plural: gateways}}
`, 'crd.yaml'));
  assert.deepEqual(catalog.lookup('', 'Endpoints', true), { resource: 'endpoints', namespaced: true, guessed: false });
  assert.deepEqual(catalog.lookup('networking.k8s.io', 'IngressClass', false), { resource: 'ingressclasses', namespaced: false, guessed: false });
  assert.deepEqual(catalog.lookup('net.example.com', 'Gateway', true), { resource: 'gateways', namespaced: false, guessed: false });
  assert.deepEqual(catalog.lookup('other.example.com', 'Policy', true), { resource: 'policies', namespaced: true, guessed: true });
  assert.deepEqual(['Ingress', 'Proxy', 'Class'].map(guessPlural), ['ingresses', 'proxies', 'classes']);
});

test('as a verify rule: findings per resource, evaluated once per rendered set', () => {
  const set = loadPolicies(resources(policy('mode', `${CONFIGMAP_RULES}
  validations:
    - expression: "object.data.mode == 'dev'"
      message: only dev`, '[Warn]'), 'p.yaml'));
  const registry = new RuleRegistry().register(admissionPolicyRule(set));
  const findings = registry.run(OBJECTS, createVerifyContext(OBJECTS, { kubernetesVersion: '1.30' }));
  assert.deepEqual(findings.map((f) => [f.ruleId, f.severity, f.message, `${f.source.file}:${f.source.line}`]), [['vap/mode', 'warning', 'only dev', 'objects.yaml:1']]);
});
