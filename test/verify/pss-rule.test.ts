/**
 * The verify rule over rendered resources: pod templates of every workload
 * kind, namespace policies from labels, and Findings with field paths and
 * source locations.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject } from '../../src/core/json.js';
import { Resource } from '../../src/core/resource.js';
import { formatFieldPath, type Finding } from '../../src/verify/finding.js';
import { createVerifyContext, RuleRegistry, type Rule } from '../../src/verify/rule.js';
import { checkPod, podOf, podSecurityRule } from '../../src/verify/pss/index.js';

const PRIVILEGED_SPEC: JsonObject = { containers: [{ name: 'app', image: 'x', securityContext: { privileged: true } }] };

function workload(apiVersion: string, kind: string, body: JsonObject): JsonObject {
  return { apiVersion, kind, metadata: { name: 'w', namespace: 'apps' }, ...body };
}

test('pod templates are found in every workload kind, with paths into the enclosing object', () => {
  const template = { metadata: { annotations: { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' } }, spec: PRIVILEGED_SPEC };
  const cases: [JsonObject, string][] = [
    [workload('v1', 'Pod', { metadata: template.metadata, spec: PRIVILEGED_SPEC }), ''],
    [workload('apps/v1', 'Deployment', { spec: { template } }), 'spec.template.'],
    [workload('apps/v1', 'StatefulSet', { spec: { template } }), 'spec.template.'],
    [workload('apps/v1', 'DaemonSet', { spec: { template } }), 'spec.template.'],
    [workload('apps/v1', 'ReplicaSet', { spec: { template } }), 'spec.template.'],
    [workload('v1', 'ReplicationController', { spec: { template } }), 'spec.template.'],
    [workload('batch/v1', 'Job', { spec: { template } }), 'spec.template.'],
    [workload('batch/v1', 'CronJob', { spec: { jobTemplate: { spec: { template } } } }), 'spec.jobTemplate.spec.template.'],
    [workload('v1', 'PodTemplate', { template }), 'template.'],
  ];
  for (const [obj, prefix] of cases) {
    const pod = podOf(obj);
    assert.ok(pod, String(obj.kind));
    const paths = checkPod(pod, 'baseline').flatMap((v) => v.fields.map((f) => formatFieldPath(f.path)));
    assert.deepEqual(paths, [
      `${prefix}metadata.annotations["container.apparmor.security.beta.kubernetes.io/app"]`,
      `${prefix}spec.containers[0].securityContext.privileged`,
    ], String(obj.kind));
  }
});

test('objects without a pod are skipped', () => {
  assert.equal(podOf(workload('v1', 'ConfigMap', { data: {} })), undefined);
  assert.equal(podOf(workload('example.com/v1', 'Deployment', { spec: { template: { spec: PRIVILEGED_SPEC } } })), undefined);
  assert.equal(podOf(workload('apps/v1', 'Deployment', { spec: {} })), undefined);
});

function resource(obj: JsonObject, line: number): Resource {
  return new Resource(obj, { file: '/repo/app/deployment.yaml', line });
}

function namespace(name: string, labels: Record<string, string>): Resource {
  return new Resource({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } }, { file: '/repo/ns.yaml', line: 1 });
}

function summary(findings: Finding[]): string[] {
  return findings.map((f) => `${f.severity} ${f.ruleId} ${f.resource.kind}/${f.resource.name} ${f.fieldPath} @${f.source.file}:${f.source.line}`);
}

test('the rule enforces the namespace label policy, falling back to the caller default', () => {
  const deployment = (ns: string, line: number) => resource({
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: `web-${ns}`, namespace: ns },
    spec: { template: { spec: { hostNetwork: true, containers: [{ name: 'app', image: 'x' }] } } },
  }, line);
  const resources = [
    namespace('strict', { 'pod-security.kubernetes.io/enforce': 'restricted', 'pod-security.kubernetes.io/enforce-version': 'v1.24' }),
    namespace('open', { 'pod-security.kubernetes.io/enforce': 'privileged' }),
    deployment('strict', 10),
    deployment('open', 20),
    deployment('unlisted', 30),
  ];
  const registry = new RuleRegistry().register(podSecurityRule({ defaultPolicy: { level: 'baseline', version: 'latest' } }));
  // Report order: source file and line, then severity and rule id. The `open` namespace is privileged.
  assert.deepEqual(summary(registry.run(resources)), [
    'error pod-security/allowPrivilegeEscalation Deployment/web-strict spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation @/repo/app/deployment.yaml:10',
    'error pod-security/capabilities_restricted Deployment/web-strict spec.template.spec.containers[0].securityContext.capabilities.drop @/repo/app/deployment.yaml:10',
    'error pod-security/hostNamespaces Deployment/web-strict spec.template.spec.hostNetwork @/repo/app/deployment.yaml:10',
    'error pod-security/runAsNonRoot Deployment/web-strict spec.template.spec.containers[0].securityContext.runAsNonRoot @/repo/app/deployment.yaml:10',
    'error pod-security/seccompProfile_restricted Deployment/web-strict spec.template.spec.containers[0].securityContext.seccompProfile @/repo/app/deployment.yaml:10',
    'error pod-security/hostNamespaces Deployment/web-unlisted spec.template.spec.hostNetwork @/repo/app/deployment.yaml:30',
  ]);
});

test('findings carry the resource id, both path forms and a remediation', () => {
  const pod = resource({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'x' }, spec: PRIVILEGED_SPEC }, 3);
  const [finding] = podSecurityRule({ defaultPolicy: { level: 'baseline', version: 'latest' } }).check(pod, createVerifyContext([pod]));
  assert.deepEqual(finding, {
    ruleId: 'pod-security/privileged',
    severity: 'error',
    category: 'pod-security',
    resource: { group: '', version: 'v1', kind: 'Pod', name: 'p', namespace: 'x' },
    fieldPath: 'spec.containers[0].securityContext.privileged',
    path: ['spec', 'containers', 0, 'securityContext', 'privileged'],
    message: 'Privileged Containers (baseline): container "app" must not set securityContext.privileged=true',
    remediation: 'Remove securityContext.privileged from every container (or set it to false).',
    source: { file: '/repo/app/deployment.yaml', line: 3 },
  });
});

test('invalid namespace labels are reported as warnings and enforced as restricted/latest', () => {
  const ns = namespace('typo', { 'pod-security.kubernetes.io/enforce': 'restrcted' });
  const pod = resource({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'typo' }, spec: { containers: [{ name: 'a' }] } }, 5);
  const findings = new RuleRegistry().register(podSecurityRule()).run([ns, pod]);
  assert.deepEqual(summary(findings).filter((s) => s.includes('Namespace')), [
    'warning pod-security/invalid-label Namespace/typo metadata.labels["pod-security.kubernetes.io/enforce"] @/repo/ns.yaml:1',
  ]);
  assert.deepEqual([...new Set(findings.filter((f) => f.resource.kind === 'Pod').map((f) => f.ruleId))].sort(), [
    'pod-security/allowPrivilegeEscalation', 'pod-security/capabilities_restricted', 'pod-security/runAsNonRoot', 'pod-security/seccompProfile_restricted',
  ]);
});

test('the registry refuses duplicate rule ids', () => {
  const rule: Rule = { id: 'x', category: 'c', severity: 'info', description: '', check: () => [] };
  assert.throws(() => new RuleRegistry().register(rule).register(rule), /registered twice/);
});
