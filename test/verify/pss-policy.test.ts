/** Namespace label resolution and the per-version check lists of the evaluator. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_POLICY,
  ENFORCE_LEVEL_LABEL as LEVEL,
  ENFORCE_VERSION_LABEL as VERSION,
  formatVersion,
  parseVersion,
  podSecurityEvaluator,
  resolveNamespacePolicy,
  type Level,
  type PolicyVersion,
} from '../../src/verify/pss/index.js';

test('versions: latest and v1.N only', () => {
  assert.equal(parseVersion('latest'), 'latest');
  assert.equal(parseVersion('v1.0'), 0);
  assert.equal(parseVersion('v1.27'), 27);
  for (const bad of ['v1.027', '1.27', 'v2.1', 'v1', 'v1.x', 'Latest', '', 'v1.-1']) assert.equal(parseVersion(bad), undefined, bad);
  assert.equal(formatVersion(27), 'v1.27');
  assert.equal(formatVersion('latest'), 'latest');
});

test('namespace labels resolve like the apiserver: absent keeps the default, invalid fails closed', () => {
  const defaults = { level: 'baseline' as Level, version: 30 as PolicyVersion };
  assert.deepEqual(resolveNamespacePolicy(undefined, defaults), { policy: defaults, problems: [] });
  assert.deepEqual(resolveNamespacePolicy({}), { policy: DEFAULT_POLICY, problems: [] });
  assert.deepEqual(resolveNamespacePolicy({ [LEVEL]: 'restricted' }, defaults).policy, { level: 'restricted', version: 30 });
  assert.deepEqual(resolveNamespacePolicy({ [LEVEL]: 'baseline', [VERSION]: 'v1.25' }).policy, { level: 'baseline', version: 25 });
  assert.deepEqual(resolveNamespacePolicy({ [VERSION]: 'v1.25' }).policy, { level: 'privileged', version: 25 });
  assert.deepEqual(resolveNamespacePolicy({ [LEVEL]: 'strict', [VERSION]: '1.25' }, defaults), {
    policy: { level: 'restricted', version: 'latest' },
    problems: [
      { label: LEVEL, value: 'strict', usedInstead: 'restricted' },
      { label: VERSION, value: '1.25', usedInstead: 'latest' },
    ],
  });
});

test('evaluator: privileged runs nothing; latest and future versions resolve to the newest policy version', () => {
  const evaluator = podSecurityEvaluator();
  assert.equal(evaluator.maxVersion, 37);
  assert.equal(evaluator.resolveVersion('latest'), 37);
  assert.equal(evaluator.resolveVersion(99), 37);
  assert.equal(evaluator.resolveVersion(12), 12);
  assert.deepEqual(evaluator.checksFor('privileged', 'latest'), []);
});

test('evaluator: check lists per level and version, with restricted overrides', () => {
  const ids = (level: Level, version: PolicyVersion) => podSecurityEvaluator().checksFor(level, version).map((a) => a.check.id);
  const baselineV0 = [
    'appArmorProfile', 'capabilities_baseline', 'hostNamespaces', 'hostPathVolumes', 'hostPorts', 'privileged',
    'procMount', 'seLinuxOptions', 'seccompProfile_baseline', 'sysctls', 'windowsHostProcess',
  ];
  assert.deepEqual(ids('baseline', 0), baselineV0);
  assert.deepEqual(ids('baseline', 'latest'), [...baselineV0.slice(0, 4), 'hostPorts', 'hostProbesAndHostLifecycle', ...baselineV0.slice(5)]);
  assert.deepEqual(ids('restricted', 0), [...baselineV0.filter((id) => id !== 'hostPathVolumes'), 'restrictedVolumes', 'runAsNonRoot']);
  assert.deepEqual(ids('restricted', 22), [
    'appArmorProfile', 'hostNamespaces', 'hostPorts', 'privileged', 'procMount', 'seLinuxOptions', 'sysctls', 'windowsHostProcess',
    'allowPrivilegeEscalation', 'capabilities_restricted', 'restrictedVolumes', 'runAsNonRoot', 'seccompProfile_restricted',
  ]);
  assert.deepEqual(ids('restricted', 'latest'), [
    'appArmorProfile', 'hostNamespaces', 'hostPorts', 'hostProbesAndHostLifecycle', 'privileged', 'seLinuxOptions', 'sysctls', 'windowsHostProcess',
    'allowPrivilegeEscalation', 'capabilities_restricted', 'procMount_restricted', 'restrictedVolumes', 'runAsNonRoot', 'runAsUser', 'seccompProfile_restricted',
  ]);
});
