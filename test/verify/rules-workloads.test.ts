/** Table tests for the rules about pods, containers and workload controllers: a failing and a fixed set each. */
import { test } from 'node:test';
import type { JsonObject } from '../../src/core/json.js';
import {
  checkCase, cronJob, deployment, DIGEST, hpa, job, namespaced, pdb, REGISTRY, service, serviceAccount, statefulSet, type RuleCase,
} from './rules-fixtures.js';

const POD = 'spec.template.spec';
const C0 = `${POD}.containers[0]`;
const CRON_POD = 'spec.jobTemplate.spec.template.spec';
const image = (name: string, tag: string): string => `${REGISTRY}/shop/${name}:${tag}`;
const bare = (name: string, spec: JsonObject, extra: JsonObject = {}): JsonObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'shop', ...extra }, spec });
const daemonSet = (name: string): JsonObject => {
  const d = deployment(name, { spec: { replicas: undefined } });
  return { ...d, kind: 'DaemonSet' };
};
const hostPath = (path: string): JsonObject => ({ volumes: [{ name: 'host', hostPath: { path } }] });

const CASES: RuleCase[] = [
  {
    rule: 'hm/latest-tag',
    fail: [deployment('a', { container: { image: 'nginx' } }), deployment('b', { container: { image: image('b', 'latest') } })],
    expect: [`Deployment/a ${C0}.image`, `Deployment/b ${C0}.image`],
    pass: [deployment('a', { container: { image: 'nginx:1.27' } }), deployment('b', { container: { image: `nginx@${DIGEST}` } }), deployment('c', { container: { image: `localhost:5000/c:latest@${DIGEST}` } })],
  },
  {
    rule: 'hm/image-digest',
    fail: [deployment('a', { container: { image: image('a', '1.2.3') } })],
    expect: [`Deployment/a ${C0}.image`],
    pass: [deployment('a')],
  },
  {
    rule: 'hm/registry-allowlist',
    context: { allowedRegistries: [REGISTRY, 'docker.io/library/'] },
    fail: [
      deployment('a', { container: { image: 'ghcr.io/acme/a:1.0' } }),
      deployment('b', { container: { image: 'registry.example.com.evil.io/shop/b:1.0' } }),
      cronJob('c', { container: { image: 'docker.io/acme/tool:1.0' } }),
    ],
    expect: [`Deployment/a ${C0}.image`, `Deployment/b ${C0}.image`, `CronJob/c ${CRON_POD}.containers[0].image`],
    pass: [deployment('a'), deployment('b', { container: { image: 'nginx:1.27' } }), deployment('c', { container: { image: 'index.docker.io/library/redis:7' } })],
  },
  {
    rule: 'hm/cpu-requests',
    fail: [
      deployment('a', { container: { resources: { limits: { memory: '1Gi' } } } }),
      deployment('b', { pod: { initContainers: [{ name: 'init', image: image('b', '1'), resources: { requests: { memory: '8Mi' } } }] } }),
    ],
    expect: [`Deployment/a ${C0}.resources.requests.cpu`, `Deployment/b ${POD}.initContainers[0].resources.requests.cpu`],
    pass: [deployment('a', { container: { resources: { limits: { cpu: '1', memory: '1Gi' } } } })],
  },
  {
    rule: 'hm/memory-requests',
    fail: [deployment('a', { container: { resources: { requests: { cpu: '1' } } } })],
    expect: [`Deployment/a ${C0}.resources.requests.memory`],
    pass: [deployment('a', { container: { resources: { requests: { cpu: '1' }, limits: { memory: '1Gi' } } } })],
  },
  {
    rule: 'hm/memory-limit',
    fail: [deployment('a', { container: { resources: { requests: { cpu: '1', memory: '1Gi' } } } })],
    expect: [`Deployment/a ${C0}.resources.limits.memory`],
    pass: [deployment('a')],
  },
  {
    rule: 'hm/liveness-probe',
    fail: [
      deployment('a', { container: { livenessProbe: undefined } }),
      deployment('b', { pod: { initContainers: [{ name: 'proxy', image: image('p', '1'), restartPolicy: 'Always', readinessProbe: { tcpSocket: { port: 1 } } }] } }),
    ],
    expect: [`Deployment/a ${C0}.livenessProbe`, `Deployment/b ${POD}.initContainers[0].livenessProbe`],
    pass: [cronJob('a'), job('b'), deployment('c', { pod: { initContainers: [{ name: 'migrate', image: image('m', '1') }] } })],
  },
  {
    rule: 'hm/readiness-probe',
    fail: [deployment('a', { container: { readinessProbe: undefined } })],
    expect: [`Deployment/a ${C0}.readinessProbe`],
    pass: [deployment('a'), cronJob('b')],
  },
  {
    rule: 'hm/probe-port',
    fail: [deployment('a', { container: { livenessProbe: { httpGet: { path: '/', port: 'metrics' } }, readinessProbe: { tcpSocket: { port: 'admin' } } } })],
    expect: [`Deployment/a ${C0}.livenessProbe.httpGet.port`, `Deployment/a ${C0}.readinessProbe.tcpSocket.port`],
    pass: [deployment('a', { container: { livenessProbe: { httpGet: { path: '/', port: 8080 } }, readinessProbe: { tcpSocket: { port: '8080' } }, startupProbe: { httpGet: { port: 'http' } } } })],
  },
  {
    rule: 'hm/identical-probes',
    fail: [deployment('a', { container: { livenessProbe: { httpGet: { path: '/healthz', port: 'http' } }, readinessProbe: { httpGet: { path: '/healthz', port: 'http' } } } })],
    expect: [`Deployment/a ${C0}.livenessProbe`],
    pass: [deployment('a')],
  },
  {
    rule: 'hm/restart-policy',
    fail: [cronJob('a', { pod: { restartPolicy: undefined } }), job('b', { pod: { restartPolicy: 'Always' } }), deployment('c', { pod: { restartPolicy: 'Never' } })],
    expect: [`CronJob/a ${CRON_POD}.restartPolicy`, `Job/b ${POD}.restartPolicy`, `Deployment/c ${POD}.restartPolicy`],
    pass: [cronJob('a'), job('b', { pod: { restartPolicy: 'Never' } }), deployment('c', { pod: { restartPolicy: 'Always' } }), bare('d', { restartPolicy: 'Never', containers: [] })],
  },
  {
    rule: 'hm/selector-mismatch',
    fail: [
      deployment('a', { labels: { app: 'other' } }),
      deployment('b', { spec: { selector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['web'] }] } } }),
      deployment('c', { spec: { selector: undefined } }),
    ],
    expect: ['Deployment/a spec.selector.matchLabels.app', 'Deployment/b spec.selector.matchExpressions[0]', 'Deployment/c spec.selector'],
    pass: [deployment('a', { labels: { app: 'a', tier: 'web' }, spec: { selector: { matchLabels: { app: 'a' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['web'] }] } } })],
  },
  {
    rule: 'hm/duplicate-env',
    fail: [deployment('a', { container: { env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }, { name: 'A', value: '3' }] } })],
    expect: [`Deployment/a ${C0}.env[2].name`],
    pass: [deployment('a', { container: { env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] } })],
  },
  {
    rule: 'hm/service-account-missing',
    fail: [deployment('a')],
    expect: [`Deployment/a ${POD}.serviceAccountName`],
    pass: [deployment('a'), serviceAccount('a'), deployment('b', { pod: { serviceAccountName: undefined } })],
  },
  {
    rule: 'hm/default-service-account',
    fail: [deployment('a', { pod: { serviceAccountName: undefined } }), deployment('b', { pod: { serviceAccountName: 'default' } })],
    expect: [`Deployment/a ${POD}.serviceAccountName`, `Deployment/b ${POD}.serviceAccountName`],
    pass: [deployment('a')],
  },
  {
    rule: 'hm/automount-service-account-token',
    fail: [
      deployment('a', { pod: { automountServiceAccountToken: undefined } }),
      deployment('b', { pod: { automountServiceAccountToken: undefined } }), namespaced('v1', 'ServiceAccount', 'b', {}),
    ],
    expect: [`Deployment/a ${POD}.automountServiceAccountToken`, `Deployment/b ${POD}.automountServiceAccountToken`],
    pass: [deployment('c', { pod: { automountServiceAccountToken: undefined } }), serviceAccount('c'), deployment('d', { pod: { automountServiceAccountToken: true } })],
  },
  {
    rule: 'hm/deprecated-service-account-field',
    fail: [deployment('a', { pod: { serviceAccount: 'a' } })],
    expect: [`Deployment/a ${POD}.serviceAccount`],
    pass: [deployment('a')],
  },
  {
    rule: 'hm/configmap-ref-missing',
    fail: [deployment('a', {
      container: { envFrom: [{ configMapRef: { name: 'one' } }], env: [{ name: 'LOG_LEVEL', value: 'info' }, { name: 'X', valueFrom: { configMapKeyRef: { name: 'two', key: 'x' } } }] },
      pod: { volumes: [{ name: 'v', configMap: { name: 'three' } }, { name: 'p', projected: { sources: [{ configMap: { name: 'four' } }] } }] },
    })],
    expect: [
      `Deployment/a ${C0}.env[1].valueFrom.configMapKeyRef.name`, `Deployment/a ${C0}.envFrom[0].configMapRef.name`,
      `Deployment/a ${POD}.volumes[0].configMap.name`, `Deployment/a ${POD}.volumes[1].projected.sources[0].configMap.name`,
    ],
    pass: [
      deployment('a', {
        container: { envFrom: [{ configMapRef: { name: 'one' } }, { configMapRef: { name: 'maybe', optional: true } }] },
        pod: { volumes: [{ name: 'p', projected: { sources: [{ configMap: { name: 'kube-root-ca.crt' } }] } }] },
      }),
      namespaced('v1', 'ConfigMap', 'one', { data: {} }),
    ],
  },
  {
    rule: 'hm/bare-pod',
    fail: [bare('a', { containers: [] })],
    expect: ['Pod/a kind'],
    pass: [bare('a', { containers: [] }, { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'a-1', uid: 'u' }] })],
  },
  {
    rule: 'hm/pdb-missing',
    fail: [deployment('a'), deployment('b', { spec: { replicas: undefined } }), hpa('b', { minReplicas: 2 })],
    expect: ['Deployment/a spec.replicas', 'Deployment/b spec.replicas'],
    pass: [
      deployment('a'), pdb('a'), deployment('c', { spec: { replicas: 1 } }),
      deployment('d', { spec: { replicas: undefined } }), hpa('d', { minReplicas: 1 }),
      statefulSet('e'), pdb('e', { selector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['e'] }] } }),
    ],
  },
  {
    rule: 'hm/pdb-selects-nothing',
    fail: [pdb('a'), pdb('b', { selector: undefined }), deployment('c', { ns: 'other' }), pdb('c')],
    expect: ['PodDisruptionBudget/a spec.selector', 'PodDisruptionBudget/b spec.selector', 'PodDisruptionBudget/c spec.selector'],
    pass: [pdb('a'), deployment('a'), pdb('c', { selector: {} }), pdb('coredns', {}, 'kube-system')],
  },
  {
    rule: 'hm/pdb-blocks-eviction',
    fail: [
      pdb('a', { maxUnavailable: 0 }),
      pdb('b', { maxUnavailable: undefined, minAvailable: '100%' }),
      pdb('c', { maxUnavailable: undefined, minAvailable: 3 }), deployment('c'),
    ],
    expect: ['PodDisruptionBudget/a spec.maxUnavailable', 'PodDisruptionBudget/b spec.minAvailable', 'PodDisruptionBudget/c spec.minAvailable'],
    pass: [
      pdb('c', { maxUnavailable: undefined, minAvailable: 2 }), deployment('c'),
      pdb('d', { maxUnavailable: undefined, minAvailable: 2 }), daemonSet('d'),
      pdb('e', { maxUnavailable: '10%' }),
    ],
  },
  {
    rule: 'hm/rolling-update',
    fail: [deployment('a', { spec: { strategy: { type: 'Recreate' } } }), statefulSet('b', { spec: { updateStrategy: { type: 'OnDelete' } } })],
    expect: ['Deployment/a spec.strategy.type', 'StatefulSet/b spec.updateStrategy.type'],
    pass: [deployment('a', { spec: { strategy: { type: 'RollingUpdate' } } }), statefulSet('b')],
  },
  {
    rule: 'hm/pod-spread',
    fail: [deployment('a', { pod: { topologySpreadConstraints: undefined } })],
    expect: [`Deployment/a ${POD}.topologySpreadConstraints`],
    pass: [
      deployment('a'),
      deployment('b', { pod: { topologySpreadConstraints: undefined, affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [] } } } }),
      deployment('c', { spec: { replicas: 1 }, pod: { topologySpreadConstraints: undefined } }),
    ],
  },
  {
    rule: 'hm/critical-replicas',
    fail: [deployment('a', { spec: { replicas: 2 }, pod: { priorityClassName: 'business-critical' } })],
    expect: ['Deployment/a spec.replicas'],
    pass: [
      deployment('a', { pod: { priorityClassName: 'business-critical' } }),
      deployment('b', { spec: { replicas: undefined }, pod: { priorityClassName: 'system-cluster-critical' } }), hpa('b'),
      deployment('c', { spec: { replicas: 1 } }),
    ],
  },
  {
    rule: 'hm/priority-class',
    fail: [deployment('a', { pod: { priorityClassName: undefined } })],
    expect: [`Deployment/a ${POD}.priorityClassName`],
    pass: [deployment('a')],
  },
  {
    rule: 'hm/job-ttl',
    fail: [job('a', { spec: { ttlSecondsAfterFinished: undefined } })],
    expect: ['Job/a spec.ttlSecondsAfterFinished'],
    pass: [job('a'), { ...job('b', { spec: { ttlSecondsAfterFinished: undefined } }), metadata: { name: 'b', namespace: 'shop', ownerReferences: [{ kind: 'CronJob', name: 'b' }] } }],
  },
  {
    rule: 'hm/cronjob-concurrency',
    fail: [cronJob('a', { spec: { concurrencyPolicy: undefined } })],
    expect: ['CronJob/a spec.concurrencyPolicy'],
    pass: [cronJob('a'), cronJob('b', { spec: { concurrencyPolicy: 'Allow' } })],
  },
  {
    rule: 'hm/cronjob-deadline',
    fail: [cronJob('a', { spec: { startingDeadlineSeconds: undefined } })],
    expect: ['CronJob/a spec.startingDeadlineSeconds'],
    pass: [cronJob('a')],
  },
  {
    rule: 'hm/hpa-target-missing',
    fail: [hpa('a'), hpa('b', { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'b' } }), deployment('b')],
    expect: ['HorizontalPodAutoscaler/a spec.scaleTargetRef.name', 'HorizontalPodAutoscaler/b spec.scaleTargetRef.name'],
    pass: [hpa('a'), deployment('a', { spec: { replicas: undefined } })],
  },
  {
    rule: 'hm/hpa-min-replicas',
    fail: [hpa('a', { minReplicas: undefined }), hpa('b', { minReplicas: 1 })],
    expect: ['HorizontalPodAutoscaler/a spec.minReplicas', 'HorizontalPodAutoscaler/b spec.minReplicas'],
    pass: [hpa('a', { minReplicas: 2 })],
  },
  {
    rule: 'hm/hpa-replicas-conflict',
    fail: [deployment('a'), hpa('a')],
    expect: ['Deployment/a spec.replicas'],
    pass: [deployment('a', { spec: { replicas: undefined } }), hpa('a'), deployment('b')],
  },
  {
    rule: 'hm/statefulset-service-name',
    fail: [statefulSet('a')],
    expect: ['StatefulSet/a spec.serviceName'],
    pass: [statefulSet('a'), service('a', { clusterIP: 'None' }), statefulSet('b', { spec: { serviceName: undefined } })],
  },
  {
    rule: 'hm/read-only-root-filesystem',
    fail: [deployment('a', { container: { securityContext: { allowPrivilegeEscalation: false } } })],
    expect: [`Deployment/a ${C0}.securityContext.readOnlyRootFilesystem`],
    pass: [deployment('a')],
  },
  {
    rule: 'hm/docker-socket-mount',
    fail: [deployment('a', { pod: hostPath('/var/run/docker.sock') }), deployment('b', { pod: hostPath('/run/containerd/containerd.sock') })],
    expect: [`Deployment/a ${POD}.volumes[0].hostPath.path`, `Deployment/b ${POD}.volumes[0].hostPath.path`],
    pass: [deployment('a', { pod: hostPath('/var/log') })],
  },
  {
    rule: 'hm/sensitive-host-mount',
    fail: [deployment('a', { pod: hostPath('/etc/') }), deployment('b', { pod: hostPath('/') }), deployment('c', { pod: hostPath('/var/lib/kubelet') })],
    expect: [`Deployment/a ${POD}.volumes[0].hostPath.path`, `Deployment/b ${POD}.volumes[0].hostPath.path`, `Deployment/c ${POD}.volumes[0].hostPath.path`],
    pass: [deployment('a', { pod: hostPath('/var/log') }), deployment('b', { pod: hostPath('/etc/ssl/certs') }), deployment('c', { pod: hostPath('/var/run/docker.sock') })],
  },
  {
    rule: 'hm/secret-literal-env',
    fail: [deployment('a', { container: { env: [
      { name: 'LOG_LEVEL', value: 'info' }, { name: 'DB_PASSWORD', value: 'hunter2' }, { name: 'apiToken', value: 'abc' }, { name: 'AWS_SECRET_ACCESS_KEY', value: 'x' },
    ] } })],
    expect: [`Deployment/a ${C0}.env[1].value`, `Deployment/a ${C0}.env[2].value`, `Deployment/a ${C0}.env[3].value`],
    pass: [deployment('a', { container: { env: [
      { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
      { name: 'DB_PASSWORD_FILE', value: '/run/secrets/db' }, { name: 'TOKEN', value: '/var/run/secrets/token' },
      { name: 'CACHE_KEY', value: 'v1' }, { name: 'PUBLIC_KEY', value: 'ssh-ed25519 AAAA' },
      { name: 'API_KEY', value: '$(RAW_API_KEY)' }, { name: 'EMPTY_SECRET', value: '' },
    ] } })],
  },
  {
    rule: 'hm/env-secret-ref',
    fail: [deployment('a', { container: {
      env: [{ name: 'LOG_LEVEL', value: 'info' }, { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } }],
      envFrom: [{ secretRef: { name: 'all' } }],
    } })],
    expect: [`Deployment/a ${C0}.env[1].valueFrom.secretKeyRef`, `Deployment/a ${C0}.envFrom[0].secretRef`],
    pass: [deployment('a')],
  },
  {
    rule: 'hm/secret-in-configmap',
    fail: [namespaced('v1', 'ConfigMap', 'a', { data: { LOG_FORMAT: 'json', db_password: 'hunter2', 'tls.key': '-----BEGIN PRIVATE KEY-----' } })],
    expect: ['ConfigMap/a data.db_password', 'ConfigMap/a data["tls.key"]'],
    pass: [namespaced('v1', 'ConfigMap', 'a', { data: { LOG_FORMAT: 'json', public_key: 'ssh-ed25519 AAAA', password_file: '/etc/secret/pw', token: '' } })],
  },
  {
    rule: 'hm/privileged-port',
    fail: [deployment('a', { container: { ports: [{ name: 'http', containerPort: 80 }] } })],
    expect: [`Deployment/a ${C0}.ports[0].containerPort`],
    pass: [deployment('a')],
  },
  {
    rule: 'hm/ssh-port',
    fail: [deployment('a', { container: { ports: [{ name: 'http', containerPort: 8080 }, { name: 'ssh', containerPort: 22 }] } })],
    expect: [`Deployment/a ${C0}.ports[1].containerPort`],
    pass: [deployment('a')],
  },
  {
    rule: 'hm/recommended-labels',
    fail: [{ ...deployment('a'), metadata: { name: 'a', namespace: 'shop' } }],
    expect: ['Deployment/a metadata.labels["app.kubernetes.io/name"]'],
    pass: [deployment('a')],
  },
];

for (const c of CASES) test(c.rule, () => checkCase(c));
