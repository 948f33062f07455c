/**
 * Manifests for the hardening-rule tests: a workload set that passes every
 * rule, builders that start from it, and a runner that checks one rule over
 * a set and returns its findings.
 */
import assert from 'node:assert/strict';
import type { JsonObject, JsonValue } from '../../src/core/json.js';
import { Resource } from '../../src/core/resource.js';
import { formatFieldPath, type Finding, type Severity } from '../../src/verify/finding.js';
import { createVerifyContext, type VerifyContextOptions } from '../../src/verify/rule.js';
import { HARDENING_RULES } from '../../src/verify/rules/index.js';

export const DIGEST = `sha256:${'a'.repeat(64)}`;
export const REGISTRY = 'registry.example.com';
export const CONTEXT: VerifyContextOptions = { kubernetesVersion: '1.30', allowedRegistries: [REGISTRY] };

type Patch = Record<string, JsonValue | undefined>;

/** Shallow merge where an `undefined` value removes the key. */
export function merge(base: JsonObject, patch: Patch = {}): JsonObject {
  const out: JsonObject = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete out[key];
    else out[key] = value;
  }
  return out;
}

export function container(name: string, patch?: Patch): JsonObject {
  return merge({
    name,
    image: `${REGISTRY}/shop/${name}:1.2.3@${DIGEST}`,
    ports: [{ name: 'http', containerPort: 8080 }],
    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
    livenessProbe: { httpGet: { path: '/livez', port: 'http' }, failureThreshold: 6 },
    readinessProbe: { httpGet: { path: '/readyz', port: 'http' } },
    securityContext: { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
    env: [{ name: 'LOG_LEVEL', value: 'info' }],
  }, patch);
}

export function podSpec(name: string, patch?: Patch, containerPatch?: Patch): JsonObject {
  return merge({
    serviceAccountName: name,
    automountServiceAccountToken: false,
    priorityClassName: 'standard',
    securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
    topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app: name } } }],
    containers: [container(name, containerPatch)],
  }, patch);
}

export interface WorkloadOptions {
  ns?: string;
  spec?: Patch;
  pod?: Patch;
  container?: Patch;
  labels?: Record<string, string>;
}

function meta(name: string, ns: string): JsonObject {
  return { name, namespace: ns, labels: { 'app.kubernetes.io/name': name } };
}

export function deployment(name: string, o: WorkloadOptions = {}): JsonObject {
  const labels = o.labels ?? { app: name };
  return {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta(name, o.ns ?? 'shop'),
    spec: merge({
      replicas: 3,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels }, spec: podSpec(name, o.pod, o.container) },
    }, o.spec),
  };
}

export function statefulSet(name: string, o: WorkloadOptions = {}): JsonObject {
  const d = deployment(name, o);
  return { ...d, kind: 'StatefulSet', spec: merge(d.spec as JsonObject, { serviceName: name, ...o.spec }) };
}

export function cronJob(name: string, o: WorkloadOptions = {}): JsonObject {
  const pod = podSpec(name, { restartPolicy: 'OnFailure', topologySpreadConstraints: undefined, ...o.pod }, { livenessProbe: undefined, readinessProbe: undefined, ports: undefined, ...o.container });
  return {
    apiVersion: 'batch/v1', kind: 'CronJob', metadata: meta(name, o.ns ?? 'shop'),
    spec: merge({
      schedule: '0 3 * * *', concurrencyPolicy: 'Forbid', startingDeadlineSeconds: 300,
      jobTemplate: { spec: { template: { metadata: { labels: { app: name } }, spec: pod } } },
    }, o.spec),
  };
}

export function job(name: string, o: WorkloadOptions = {}): JsonObject {
  const cron = cronJob(name, o);
  const template = ((cron.spec as JsonObject).jobTemplate as JsonObject).spec as JsonObject;
  return { apiVersion: 'batch/v1', kind: 'Job', metadata: cron.metadata as JsonObject, spec: merge({ ...template, ttlSecondsAfterFinished: 3600 }, o.spec) };
}

export function namespaced(apiVersion: string, kind: string, name: string, body: JsonObject, ns = 'shop'): JsonObject {
  return { apiVersion, kind, metadata: { name, namespace: ns }, ...body };
}

export function service(name: string, spec: Patch = {}, ns = 'shop'): JsonObject {
  return namespaced('v1', 'Service', name, {
    metadata: { name, namespace: ns, labels: { app: name } },
    spec: merge({ selector: { app: name }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] }, spec),
  }, ns);
}

export function pdb(name: string, spec: Patch = {}, ns = 'shop'): JsonObject {
  return namespaced('policy/v1', 'PodDisruptionBudget', name, { spec: merge({ maxUnavailable: 1, selector: { matchLabels: { app: name } } }, spec) }, ns);
}

export function hpa(name: string, spec: Patch = {}, ns = 'shop'): JsonObject {
  return namespaced('autoscaling/v2', 'HorizontalPodAutoscaler', name, {
    spec: merge({ scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name }, minReplicas: 3, maxReplicas: 10 }, spec),
  }, ns);
}

export function ingress(name: string, backend: JsonObject = { service: { name, port: { number: 80 } } }, ns = 'shop'): JsonObject {
  return namespaced('networking.k8s.io/v1', 'Ingress', name, {
    spec: {
      tls: [{ hosts: [`${name}.example.com`], secretName: `${name}-tls` }],
      rules: [{ host: `${name}.example.com`, http: { paths: [{ path: '/', pathType: 'Prefix', backend }] } }],
    },
  }, ns);
}

export function serviceAccount(name: string, ns = 'shop'): JsonObject {
  return namespaced('v1', 'ServiceAccount', name, { automountServiceAccountToken: false }, ns);
}

export function denyAll(ns = 'shop'): JsonObject {
  return namespaced('networking.k8s.io/v1', 'NetworkPolicy', 'default-deny', { spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } }, ns);
}

export function namespace(name: string): JsonObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
}

export function rbac(kind: string, name: string, body: JsonObject, ns?: string): JsonObject {
  const metadata: JsonObject = ns === undefined ? { name } : { name, namespace: ns };
  return { apiVersion: 'rbac.authorization.k8s.io/v1', kind, metadata, ...body };
}

/** A namespace with two services, a statefulset, jobs and RBAC, written the way every rule wants. */
export function cleanSet(): JsonObject[] {
  return [
    namespace('shop'),
    denyAll(),
    serviceAccount('web'), serviceAccount('api'), serviceAccount('db'), serviceAccount('report'), serviceAccount('migrate'),
    namespaced('v1', 'ConfigMap', 'web-config', { data: { LOG_FORMAT: 'json' } }),
    deployment('web', { container: { envFrom: [{ configMapRef: { name: 'web-config' } }] } }),
    service('web'), pdb('web'), ingress('web'),
    deployment('api', { spec: { replicas: undefined }, container: { livenessProbe: { tcpSocket: { port: 8080 } } } }),
    service('api'), pdb('api'), hpa('api'),
    statefulSet('db', { spec: { replicas: 3 } }), service('db', { clusterIP: 'None' }), pdb('db'),
    cronJob('report'), job('migrate'),
    namespaced('monitoring.coreos.com/v1', 'ServiceMonitor', 'web', { spec: { selector: { matchLabels: { app: 'web' } }, endpoints: [{ port: 'http' }] } }),
    rbac('Role', 'reader', { rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list'] }] }, 'shop'),
    rbac('RoleBinding', 'reader', { roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'reader' }, subjects: [{ kind: 'ServiceAccount', name: 'web', namespace: 'shop' }] }, 'shop'),
    rbac('ClusterRole', 'node-reader', { rules: [{ apiGroups: [''], resources: ['nodes', 'nodes/metrics'], verbs: ['get', 'list', 'watch'] }] }),
    rbac('ClusterRoleBinding', 'node-reader', { roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'node-reader' }, subjects: [{ kind: 'ServiceAccount', name: 'api', namespace: 'shop' }] }),
  ];
}

export function toResources(objs: readonly JsonObject[]): Resource[] {
  return objs.map((obj, i) => new Resource(structuredClone(obj), { file: '/repo/manifests.yaml', line: 1 + i * 10 }));
}

/** Findings of one rule over a set. */
export function runRule(ruleId: string, objs: readonly JsonObject[], options: VerifyContextOptions = CONTEXT): Finding[] {
  const rule = HARDENING_RULES.find((r) => r.id === ruleId);
  assert.ok(rule, `no rule ${ruleId}`);
  const resources = toResources(objs);
  const context = createVerifyContext(resources, options);
  return resources.flatMap((r) => rule.check(r, context));
}

export interface RuleCase {
  rule: string;
  /** The set with the problem, and the findings it must produce: `Kind/name fieldPath`. */
  fail: JsonObject[];
  expect: string[];
  /** Severity of every finding; the rule's default when omitted. */
  severity?: Severity;
  /** The fixed set: no findings. */
  pass: JsonObject[];
  context?: VerifyContextOptions;
}

export function checkCase(c: RuleCase): void {
  const rule = HARDENING_RULES.find((r) => r.id === c.rule);
  assert.ok(rule, `no rule ${c.rule}`);
  const findings = runRule(c.rule, c.fail, c.context);
  assert.deepEqual(findings.map((f) => `${f.resource.kind}/${f.resource.name} ${f.fieldPath}`), c.expect, `${c.rule}: failing set`);
  for (const f of findings) {
    assert.equal(f.ruleId, c.rule);
    assert.equal(f.severity, c.severity ?? rule.severity, `${c.rule}: severity`);
    assert.equal(f.category, rule.category);
    assert.equal(formatFieldPath(f.path), f.fieldPath);
    assert.ok(f.message.length > 0 && f.remediation.length > 0);
  }
  assert.deepEqual(runRule(c.rule, c.pass, c.context).map((f) => `${f.resource.kind}/${f.resource.name} ${f.fieldPath}`), [], `${c.rule}: passing set`);
}
