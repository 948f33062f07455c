import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from '../../../src/cluster/types.js';
import { classifyChange, compareCluster } from '../../../src/rollout/change/classify.js';
import { referenceKind } from '../../../src/rollout/change/references.js';
import { configMap, deployment, fleet, secret, service } from './objects.js';

const CLUSTERS = ['prod-a', 'prod-b', 'prod-c'];

const BEFORE: KubeObject[] = [
  configMap('auth-api-config-5m2f8h7c9t', { LOG_LEVEL: 'info' }),
  secret('auth-api-token', { token: 'b2xk' }),
  deployment('auth-api', { envFrom: 'auth-api-config-5m2f8h7c9t', secretKey: 'auth-api-token' }),
  service('auth-api'),
];

interface Case {
  name: string;
  after: KubeObject[];
  strategy: 'default' | 'config';
  reason: string;
  counts: { create: number; update: number; unchanged: number; prune: number };
}

const CASES: Case[] = [
  {
    name: 'a ConfigMap edited in place',
    after: [configMap('auth-api-config-5m2f8h7c9t', { LOG_LEVEL: 'debug' }), ...BEFORE.slice(1)],
    strategy: 'config',
    reason: 'only ConfigMaps/Secrets changed: 1 object in 3 clusters',
    counts: { create: 0, update: 1, unchanged: 3, prune: 0 },
  },
  {
    name: 'a hash-suffix rename: new ConfigMap, Deployment reference moved, old one pruned',
    after: [
      configMap('auth-api-config-k8b6d2g9h4', { LOG_LEVEL: 'debug' }),
      BEFORE[1]!,
      deployment('auth-api', { envFrom: 'auth-api-config-k8b6d2g9h4', secretKey: 'auth-api-token' }),
      BEFORE[3]!,
    ],
    strategy: 'config',
    reason: 'only ConfigMaps/Secrets changed: 1 object in 3 clusters (1 object only follows a rename)',
    counts: { create: 1, update: 1, unchanged: 2, prune: 1 },
  },
  {
    name: 'a Secret and the Deployment image',
    after: [BEFORE[0]!, secret('auth-api-token', { token: 'bmV3' }), deployment('auth-api', { image: 'ghcr.io/acme/auth-api:2.0.0', envFrom: 'auth-api-config-5m2f8h7c9t', secretKey: 'auth-api-token' }), BEFORE[3]!],
    strategy: 'default',
    reason: 'Deployment auth/auth-api changed in 3 clusters (spec.template.spec.containers[0].image)',
    counts: { create: 0, update: 2, unchanged: 2, prune: 0 },
  },
  {
    name: 'a non-config object pruned',
    after: BEFORE.slice(0, 3),
    strategy: 'default',
    reason: 'Service auth/auth-api pruned in 3 clusters',
    counts: { create: 0, update: 0, unchanged: 3, prune: 1 },
  },
  {
    name: 'a ConfigMap pruned that nothing replaces',
    after: [BEFORE[1]!, deployment('auth-api', { secretKey: 'auth-api-token' }), BEFORE[3]!],
    strategy: 'default',
    reason: 'Deployment auth/auth-api changed in 3 clusters (spec.template.spec.containers[0].envFrom) and 1 more object',
    counts: { create: 0, update: 1, unchanged: 2, prune: 1 },
  },
  {
    name: 'a reference renamed to a ConfigMap that does not exist',
    after: [BEFORE[0]!, BEFORE[1]!, deployment('auth-api', { envFrom: 'missing-config', secretKey: 'auth-api-token' }), BEFORE[3]!],
    strategy: 'default',
    reason: 'Deployment auth/auth-api changed in 3 clusters (spec.template.spec.containers[0].envFrom[0].configMapRef.name)',
    counts: { create: 0, update: 1, unchanged: 3, prune: 0 },
  },
  {
    name: 'nothing at all',
    after: BEFORE,
    strategy: 'default',
    reason: 'nothing changed: desired manifests equal the last-good ones in 3 clusters',
    counts: { create: 0, update: 0, unchanged: 4, prune: 0 },
  },
];

describe('classifyChange: strategy and reason', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const result = classifyChange(fleet(CLUSTERS, c.after), fleet(CLUSTERS, BEFORE));
      assert.equal(result.strategy, c.strategy);
      assert.equal(result.reason, c.reason);
      for (const cluster of CLUSTERS) assert.deepEqual(result.clusters.get(cluster)!.counts, c.counts, cluster);
    });
  }

  it('first deploy (no last-good manifests) is default, with everything to create', () => {
    const result = classifyChange(fleet(CLUSTERS, BEFORE), new Map());
    assert.equal(result.strategy, 'default');
    assert.equal(result.reason, 'first deploy: no last-good manifests for prod-a, prod-b, prod-c');
    assert.deepEqual(result.clusters.get('prod-a')!.counts, { create: 4, update: 0, unchanged: 0, prune: 0 });
  });

  it('one cluster never deployed makes the whole change a first deploy', () => {
    const lastGood = fleet(['prod-a', 'prod-b'], BEFORE);
    const result = classifyChange(fleet(CLUSTERS, [configMap('auth-api-config-5m2f8h7c9t', { LOG_LEVEL: 'debug' }), ...BEFORE.slice(1)]), lastGood);
    assert.deepEqual([result.strategy, result.reason], ['default', 'first deploy: no last-good manifests for prod-c']);
  });

  it('counts clusters that changed, not clusters in the fleet', () => {
    const desired = fleet(CLUSTERS, BEFORE);
    desired.set('prod-b', [configMap('auth-api-config-5m2f8h7c9t', { LOG_LEVEL: 'debug' }), ...BEFORE.slice(1)]);
    const result = classifyChange(desired, fleet(CLUSTERS, BEFORE));
    assert.equal(result.reason, 'only ConfigMaps/Secrets changed: 1 object in 1 cluster');
    assert.deepEqual(result.clusters.get('prod-a')!.counts, { create: 0, update: 0, unchanged: 4, prune: 0 });
  });

  it('key order inside objects is not a change', () => {
    const reordered = BEFORE.map((o) => Object.fromEntries(Object.entries(o).reverse()) as KubeObject);
    assert.equal(compareCluster('prod-a', reordered, BEFORE).counts.unchanged, 4);
  });
});

describe('referenceKind: where pod templates name ConfigMaps and Secrets', () => {
  const cases: [(string | number)[], string | undefined][] = [
    [['spec', 'template', 'spec', 'containers', 0, 'envFrom', 1, 'configMapRef', 'name'], 'ConfigMap'],
    [['spec', 'template', 'spec', 'initContainers', 0, 'env', 3, 'valueFrom', 'secretKeyRef', 'name'], 'Secret'],
    [['spec', 'template', 'spec', 'volumes', 2, 'secret', 'secretName'], 'Secret'],
    [['spec', 'template', 'spec', 'volumes', 0, 'projected', 'sources', 1, 'configMap', 'name'], 'ConfigMap'],
    [['spec', 'jobTemplate', 'spec', 'template', 'spec', 'volumes', 0, 'configMap', 'name'], 'ConfigMap'],
    [['spec', 'volumes', 0, 'configMap', 'name'], 'ConfigMap'],
    [['spec', 'template', 'spec', 'imagePullSecrets', 0, 'name'], 'Secret'],
    [['spec', 'template', 'spec', 'containers', 0, 'image'], undefined],
    [['metadata', 'annotations', 'configMap'], undefined],
    [['spec', 'template', 'spec', 'volumes', 0, 'name'], undefined],
  ];
  for (const [path, kind] of cases) it(`${path.join('.')} → ${kind ?? 'none'}`, () => assert.equal(referenceKind(path), kind));
});
