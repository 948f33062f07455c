/**
 * Waivers: the file format and its errors, what a waiver covers (rule glob,
 * object globs, clusters), expiry, unused waivers, and that nothing on the
 * workload itself can waive a finding.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Resource } from '../../src/core/resource.js';
import { MemoryFileSystem } from '../../src/fs/memory.js';
import { verifyFleet, verifyResources } from '../../src/verify/engine.js';
import { applyWaivers, globMatch, parseVerifySettings, parseWaivers, waiverCovers, type Waiver } from '../../src/verify/waivers/index.js';
import { podSecurityRule } from '../../src/verify/pss/index.js';
import { parseDocuments } from '../../src/yaml/parse.js';

const FILE = '/estate/policies/waivers.yaml';
/** Pod Security alone keeps the expected findings short; the hardening rules have tests of their own. */
const rules = [podSecurityRule({ defaultPolicy: { level: 'baseline', version: 'latest' } })];

function parse(text: string): ReturnType<typeof parseWaivers> {
  return parseWaivers(FILE, parseDocuments(text, FILE));
}

const VALID = `apiVersion: harbormaster.dev/v1alpha1
kind: Waivers
waivers:
  - id: node-agents
    rule: pod-security/hostPathVolumes
    resource: { kind: DaemonSet, namespace: monitoring, name: "node-*" }
    reason: node-exporter reads the host's /proc and /sys
    owner: team-observability
    expires: "2099-12-31"
  - rule: pod-security
    resource: { kind: Pod }
    clusters: [prod-eu-*]
    reason: migration
    owner: team-platform
    expires: 2000-01-01
`;

test('a valid file gives every waiver with its lines; unnamed waivers are numbered', () => {
  const { waivers, diagnostics } = parse(VALID);
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(waivers.map((w) => [w.id, w.rule, w.resource, w.clusters ?? null, w.expires, w.source.line, w.expiresAt.line]), [
    ['node-agents', 'pod-security/hostPathVolumes', { kind: 'DaemonSet', namespace: 'monitoring', name: 'node-*' }, null, '2099-12-31', 4, 9],
    ['2', 'pod-security', { kind: 'Pod', namespace: '*', name: '*' }, ['prod-eu-*'], '2000-01-01', 10, 15],
  ]);
});

test('every problem in the file is reported with its line, and bad waivers are dropped', () => {
  const { waivers, diagnostics } = parse(`apiVersion: harbormaster.dev/v1alpha1
kind: Waivers
waivers:
  - rule: x
    resource: { kind: Pod, labels: {} }
    reason: ""
    owner: me
    expires: 2024-02-30
    note: hi
  - rule: y
    owner: me
    reason: r
    expires: "2030-01-01"
    clusters: []
  - id: dup
    rule: a
    resource: { name: a }
    reason: r
    owner: o
    expires: "2030-01-01"
  - id: dup
    rule: b
    resource: { name: b }
    reason: r
    owner: o
    expires: "2030-01-01"
`);
  assert.deepEqual(waivers.map((w) => w.rule), ['a', 'b']);
  assert.deepEqual(diagnostics.map((d) => `${d.code}@${d.line}`), [
    'VERIFY_WAIVER_INVALID@9',
    'VERIFY_WAIVER_INVALID@5',
    'VERIFY_WAIVER_INVALID@6',
    'VERIFY_WAIVER_INVALID@8',
    'VERIFY_WAIVER_INVALID@10',
    'VERIFY_WAIVER_INVALID@14',
    'VERIFY_WAIVER_DUPLICATE_ID@21',
  ]);
});

test('documents of other kinds (policies) are left alone', () => {
  const { waivers, diagnostics } = parse('apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingAdmissionPolicy\nmetadata: { name: p }\n');
  assert.deepEqual([waivers, diagnostics], [[], []]);
});

test('globs: * spans any text (slashes too), ? one character, the rest is literal', () => {
  assert.ok(globMatch('pod-security/*', 'pod-security/host.Path'));
  assert.ok(globMatch('node-?', 'node-a'));
  assert.ok(!globMatch('node-?', 'node-ab'));
  assert.ok(!globMatch('a.b', 'axb'));
  assert.ok(globMatch('legacy:engineers-edit', 'legacy:engineers-edit'));
});

test('a plain rule id covers its sub-checks; selectors and clusters must all match', () => {
  const [w1, w2] = parse(VALID).waivers as [Waiver, Waiver];
  const ds = { group: 'apps', version: 'v1', kind: 'DaemonSet', namespace: 'monitoring', name: 'node-exporter' };
  assert.ok(waiverCovers(w1, 'pod-security/hostPathVolumes', ds));
  assert.ok(!waiverCovers(w1, 'pod-security/privileged', ds));
  assert.ok(!waiverCovers(w1, 'pod-security/hostPathVolumes', { ...ds, namespace: 'kube-system' }));
  const pod = { group: '', version: 'v1', kind: 'Pod', namespace: 'x', name: 'p' };
  assert.ok(waiverCovers(w2, 'pod-security/privileged', pod, 'prod-eu-west-1'));
  assert.ok(!waiverCovers(w2, 'pod-security/privileged', pod, 'prod-us-east-1'));
  assert.ok(!waiverCovers(w2, 'pod-security/privileged', pod), 'a cluster-bound waiver never applies to a plain-file run');
  assert.ok(!waiverCovers(w2, 'pod-securityX/privileged', pod, 'prod-eu-west-1'));
});

const hostPathDaemonSet = (annotations: Record<string, string> = {}): Resource =>
  new Resource(
    {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'node-exporter', namespace: 'monitoring', annotations },
      spec: { template: { spec: { containers: [{ name: 'c', image: 'x' }], volumes: [{ name: 'proc', hostPath: { path: '/proc' } }] } } },
    },
    { file: '/estate/addons/ne.yaml', line: 1 },
  );

test('waived findings are moved aside with their waiver; expired waivers fail at their expires line; unused ones are noted', () => {
  const { waivers } = parse(VALID);
  const result = verifyResources([hostPathDaemonSet()], { rules, fs: new MemoryFileSystem(), waivers, today: '2026-01-15' });
  assert.deepEqual(result.waived.map((w) => [w.finding.ruleId, w.waiver.id]), [['pod-security/hostPathVolumes', 'node-agents']]);
  assert.deepEqual(result.waiversUsed.map((w) => w.id), ['node-agents']);
  assert.deepEqual(result.findings.map((f) => `${f.severity} ${f.ruleId} ${f.resource.name} @${f.source.line}`), ['error hm/waiver-expired 2 @15']);
});

test('a waiver applies through its expiry day and stops the day after', () => {
  const { waivers } = parse(VALID.replace('"2099-12-31"', '"2026-03-01"'));
  const on = verifyResources([hostPathDaemonSet()], { rules, fs: new MemoryFileSystem(), waivers: waivers.slice(0, 1), today: '2026-03-01' });
  assert.equal(on.waived.length, 1);
  const after = verifyResources([hostPathDaemonSet()], { rules, fs: new MemoryFileSystem(), waivers: waivers.slice(0, 1), today: '2026-03-02' });
  assert.deepEqual(after.findings.map((f) => f.ruleId), ['pod-security/hostPathVolumes', 'hm/waiver-expired']);
});

test('annotations on the workload never waive anything', () => {
  const annotated = hostPathDaemonSet({ 'harbormaster.dev/waive': 'pod-security', 'harbormaster.dev/waiver': 'node-agents' });
  const result = verifyResources([annotated], { rules, fs: new MemoryFileSystem(), today: '2026-01-01' });
  assert.deepEqual(result.findings.map((f) => f.ruleId), ['pod-security/hostPathVolumes']);
  assert.deepEqual(applyWaivers(result.findings, [], '2026-01-01').waived, []);
});

test('in a fleet, a waiver is unused only if no cluster used it', () => {
  const { waivers } = parse(VALID.replace('2000-01-01', '"2099-01-01"'));
  const pod = new Resource({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'x' }, spec: { hostPID: true, containers: [] } }, { file: '/e/p.yaml', line: 1 });
  const fleet = verifyFleet(
    [
      { cluster: 'prod-us-east-1', resources: [pod] },
      { cluster: 'prod-eu-west-1', resources: [pod] },
    ],
    { rules, fs: new MemoryFileSystem(), waivers, today: '2026-01-01' },
  );
  assert.deepEqual(fleet.findings.map((f) => `${f.ruleId} ${f.clusters.join(',')}`), ['pod-security/hostNamespaces prod-us-east-1', 'hm/waiver-unused ']);
  assert.deepEqual(fleet.waived.map((f) => `${f.ruleId} ${f.clusters.join(',')} ${f.waiver.id}`), ['pod-security/hostNamespaces prod-eu-west-1 2']);
});

test('verify settings: allowlist and default Pod Security policy; problems reported with their line', () => {
  const ok = parseVerifySettings(FILE, parseDocuments('apiVersion: harbormaster.dev/v1alpha1\nkind: VerifySettings\nspec:\n  allowedRegistries: [ghcr.io/acme]\n  podSecurity: { level: restricted, version: v1.29 }\n', FILE));
  assert.deepEqual(ok, { settings: { allowedRegistries: ['ghcr.io/acme'], podSecurity: { level: 'restricted', version: 29 } }, diagnostics: [] });
  const bad = parseVerifySettings(FILE, parseDocuments('apiVersion: harbormaster.dev/v1alpha1\nkind: VerifySettings\nspec:\n  allowedRegistries: ghcr.io\n  podSecurity: { level: strict }\n  other: 1\n', FILE));
  assert.deepEqual(bad.diagnostics.map((d) => `${d.code}@${d.line}`), ['VERIFY_SETTINGS_INVALID@6', 'VERIFY_SETTINGS_INVALID@4', 'VERIFY_SETTINGS_INVALID@5']);
  assert.deepEqual(bad.settings, {});
});
