/**
 * The verify engine: findings point at the line to edit (the base document,
 * the patch that set the value, the kustomization's images entry), rules
 * that throw become diagnostics, and a fleet folds shared findings.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject } from '../../src/core/json.js';
import { Resource } from '../../src/core/resource.js';
import { MemoryFileSystem } from '../../src/fs/memory.js';
import { renderKustomization } from '../../src/render/index.js';
import { checkResources, verifyFleet, verifyResources } from '../../src/verify/engine.js';
import { findingFor, type Finding } from '../../src/verify/finding.js';
import { mapPath, SourceLocator } from '../../src/verify/locate.js';
import type { Rule } from '../../src/verify/rule.js';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: apps
spec:
  replicas: 1
  template:
    spec:
      containers:
        - name: sidecar
          image: busybox:1.36
        - name: app
          image: nginx
          securityContext:
            runAsUser: 1000
`;

const PRIVILEGED_PATCH = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: apps
spec:
  template:
    spec:
      containers:
        - name: app
          securityContext:
            privileged: true
`;

function estateFs(kustomization: string, extra: Record<string, string> = {}): MemoryFileSystem {
  const fs = new MemoryFileSystem();
  fs.write('/repo/app/deployment.yaml', DEPLOYMENT);
  fs.write('/repo/app/kustomization.yaml', kustomization);
  for (const [path, text] of Object.entries(extra)) fs.write(path, text);
  return fs;
}

/** Pod Security findings only: the hardening rules have tests of their own. */
function podSecurity<T extends Finding>(findings: readonly T[]): T[] {
  return findings.filter((f) => f.ruleId.startsWith('pod-security/'));
}

function where(findings: readonly Finding[]): string[] {
  return podSecurity(findings).map((f) => `${f.ruleId} ${f.fieldPath} @${f.source.file}:${f.source.line}:${f.source.column ?? 0}`);
}

test('a field written in the base document points at its own line and column', () => {
  const fs = estateFs('resources: [deployment.yaml]\n');
  const { resources } = renderKustomization(fs, '/repo/app');
  const locator = new SourceLocator(fs);
  const web = resources[0]!;
  assert.deepEqual(locator.locate(web, ['spec', 'template', 'spec', 'containers', 1, 'image']), { file: '/repo/app/deployment.yaml', line: 14, column: 11 });
  // A missing field falls back to its nearest existing parent: the block to add it to.
  assert.deepEqual(locator.locate(web, ['spec', 'template', 'spec', 'containers', 1, 'securityContext', 'readOnlyRootFilesystem']), {
    file: '/repo/app/deployment.yaml', line: 15, column: 11,
  });
});

test('a value set by a strategic-merge patch points at the patch line, matched by container name', () => {
  const fs = estateFs('resources: [deployment.yaml]\npatches:\n  - path: privileged.yaml\n', { '/repo/app/privileged.yaml': PRIVILEGED_PATCH });
  const { resources } = renderKustomization(fs, '/repo/app');
  const result = verifyResources(resources, { fs, podSecurity: { level: 'baseline', version: 'latest' } });
  assert.deepEqual(where(result.findings), [
    'pod-security/privileged spec.template.spec.containers[0].securityContext.privileged @/repo/app/privileged.yaml:12:13',
  ]);
  // The merge reordered the containers; fields the patch did not touch still point at the base.
  const locator = new SourceLocator(fs);
  assert.deepEqual(locator.locate(resources[0]!, ['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'runAsUser']), { file: '/repo/app/deployment.yaml', line: 16, column: 13 });
});

test('a value set by a JSON 6902 patch points at the operation', () => {
  const patch = '- op: add\n  path: /spec/template/spec/hostNetwork\n  value: true\n';
  const fs = estateFs('resources: [deployment.yaml]\npatches:\n  - path: host.yaml\n    target: { kind: Deployment, name: web }\n', { '/repo/app/host.yaml': patch });
  const { resources } = renderKustomization(fs, '/repo/app');
  const result = verifyResources(resources, { fs });
  assert.deepEqual(where(result.findings), ['pod-security/hostNamespaces spec.template.spec.hostNetwork @/repo/app/host.yaml:3:3']);
});

test('an inline patch points at its entry in the kustomization', () => {
  const kustomization = `resources: [deployment.yaml]
patches:
  - target: { kind: Deployment }
    patch: |-
      - op: replace
        path: /spec/template/spec/containers/0/securityContext
        value: { privileged: true }
`;
  const fs = estateFs(kustomization);
  const { resources } = renderKustomization(fs, '/repo/app');
  assert.deepEqual(where(verifyResources(resources, { fs }).findings), [
    'pod-security/privileged spec.template.spec.containers[0].securityContext.privileged @/repo/app/kustomization.yaml:4:5',
  ]);
});

test('an image rewritten by `images:` points at the images entry', () => {
  const fs = estateFs('resources: [deployment.yaml]\nimages:\n  - name: nginx\n    newTag: latest\n');
  const { resources } = renderKustomization(fs, '/repo/app');
  const locator = new SourceLocator(fs);
  const at = locator.locate(resources[0]!, ['spec', 'template', 'spec', 'containers', 1, 'image']);
  assert.deepEqual([at.file, at.line], ['/repo/app/kustomization.yaml', 3]);
  // The other container's image was not rewritten.
  assert.equal(locator.locate(resources[0]!, ['spec', 'template', 'spec', 'containers', 0, 'image']).file, '/repo/app/deployment.yaml');
});

test('objects inside a List document are found by name', () => {
  const fs = new MemoryFileSystem();
  fs.write('/m/list.yaml', `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: ConfigMap
    metadata: { name: a }
  - apiVersion: v1
    kind: Pod
    metadata: { name: b }
    spec:
      hostPID: true
      containers: [{ name: c, image: x }]
`);
  const pod = new Resource({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'b' }, spec: { hostPID: true, containers: [{ name: 'c', image: 'x' }] } }, { file: '/m/list.yaml', line: 1 });
  assert.deepEqual(new SourceLocator(fs).locate(pod, ['spec', 'hostPID']), { file: '/m/list.yaml', line: 11, column: 7 });
});

test('mapPath follows list elements by identity and stops at the deepest existing parent', () => {
  const rendered = { containers: [{ name: 'a', ports: [{ containerPort: 80 }] }, { name: 'b', ports: [{ containerPort: 8080 }, { containerPort: 9090 }] }] };
  const source = { containers: [{ name: 'b', ports: [{ containerPort: 9090 }] }] };
  assert.deepEqual(mapPath(rendered, source, ['containers', 1, 'ports', 1, 'containerPort']), { path: ['containers', 0, 'ports', 0, 'containerPort'], complete: true });
  assert.deepEqual(mapPath(rendered, source, ['containers', 0, 'ports']), { path: ['containers'], complete: false });
});

const THROWING: Rule = {
  id: 'test/throws',
  category: 'test',
  severity: 'error',
  description: 'always throws',
  check() {
    throw new Error('boom');
  },
};

const NAMED: Rule = {
  id: 'test/named',
  category: 'test',
  severity: 'warning',
  description: 'reports every object',
  check(resource) {
    return [findingFor(resource, { ruleId: 'test/named', severity: 'warning', category: 'test', path: ['metadata', 'name'], message: 'seen', remediation: 'none' })];
  },
};

test('a rule that throws is reported once as a diagnostic; other rules still run', () => {
  const fs = new MemoryFileSystem();
  const objs: JsonObject[] = [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } }, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b' } }];
  const resources = objs.map((o) => new Resource(o, { file: '/nowhere.yaml', line: 1 }));
  const result = checkResources(resources, { fs, rules: [THROWING, NAMED] });
  assert.deepEqual(result.diagnostics.map((d) => d.code), ['VERIFY_RULE_FAILED']);
  assert.equal(result.findings.length, 2);
});

test('a fleet reports a finding shared by clusters once, with the clusters; others keep their own list', () => {
  const fs = new MemoryFileSystem();
  const pod = (name: string, line: number): Resource =>
    new Resource({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'apps' }, spec: { hostIPC: true, containers: [] } }, { file: '/e/pods.yaml', line });
  const fleet = verifyFleet(
    [
      { cluster: 'a', resources: [pod('shared', 1), pod('only-a', 10)] },
      { cluster: 'b', resources: [pod('shared', 1)] },
    ],
    { fs },
  );
  assert.deepEqual(podSecurity(fleet.findings).map((f) => `${f.resource.name} ${f.clusters.join(',')}`), ['shared a,b', 'only-a a']);
  assert.equal(fleet.resources.length, 2);
});

test('namespace labels set the Pod Security level; the option is the default for unlabelled namespaces', () => {
  const fs = new MemoryFileSystem();
  const ns = new Resource({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'sys', labels: { 'pod-security.kubernetes.io/enforce': 'privileged' } } }, { file: '/e/ns.yaml', line: 1 });
  const pod = (namespace: string): Resource =>
    new Resource({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace }, spec: { containers: [{ name: 'c', image: 'x' }] } }, { file: `/e/${namespace}.yaml`, line: 1 });
  const restricted = podSecurity(verifyResources([ns, pod('sys'), pod('apps')], { fs, podSecurity: { level: 'restricted', version: 'latest' } }).findings);
  assert.ok(restricted.length > 0);
  assert.ok(restricted.every((f) => f.source.file === '/e/apps.yaml'));
  assert.deepEqual(podSecurity(verifyResources([ns, pod('sys'), pod('apps')], { fs, podSecurity: { level: 'baseline', version: 'latest' } }).findings), []);
});

test('an object generated from another document (a Team file) keeps the line its origin names', () => {
  const fs = new MemoryFileSystem();
  fs.write('/estate/teams/data.yaml', 'apiVersion: harbormaster.dev/v1alpha1\nkind: Team\nmetadata:\n  name: data\nspec:\n  kubernetesGroup: acme:team:data\n  identities:\n    - roleArn: arn:aws:iam::111122223333:role/data-deploy\n');
  const binding: JsonObject = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: 'hm:team:data:deploy', namespace: 'data' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'hm:team-base:deploy' },
  };
  const resource = new Resource(binding, { file: '/estate/teams/data.yaml', line: 6 });
  const located = new SourceLocator(fs).locate(resource, ['roleRef', 'name']);
  assert.deepEqual(located, { file: '/estate/teams/data.yaml', line: 6 });
});
