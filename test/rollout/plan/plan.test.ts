import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from '../../../src/cluster/types.js';
import { DiagnosticError } from '../../../src/core/diagnostic.js';
import { loadEstate } from '../../../src/estate/load.js';
import { resolveCluster } from '../../../src/estate/resolve.js';
import type { Estate } from '../../../src/estate/types.js';
import { clusterDigest, fleetDigest } from '../../../src/rollout/change/canonical.js';
import { PlanCode } from '../../../src/rollout/plan/codes.js';
import { formatPlan } from '../../../src/rollout/plan/format.js';
import { planRollout, rolloutId, type PlanInput } from '../../../src/rollout/plan/plan.js';
import { ESTATE_YAML, memoryEstate } from '../../estate/helpers.js';
import { configMap, deployment, fleet } from './objects.js';

/** staging-eu-west-1 (wave 0), prod-eu-west-1 (wave 1), prod-us-east-1 (wave 1), prod-ap-1 (wave 2), prod-sa-1 (planned). */
const CLUSTERS = `${ESTATE_YAML}${['prod-us-east-1:1:active', 'prod-ap-1:2:active', 'prod-sa-1:2:planned']
  .map((spec) => {
    const [name, wave, status] = spec.split(':');
    return `    - name: ${name}\n      region: ${name!.slice(5)}\n      environment: production\n      wave: ${wave}\n      status: ${status}\n      connection:\n        sim: {}\n`;
  })
  .join('')}`;

const ROLLOUT = `  rollout:
    freeze: { reason: "Black Friday", until: 2026-12-02T00:00:00Z }
    strategies:
      default:
        waves:
          - { name: canary, clusterWaves: [0], parallelism: 1, bake: 2m }
          - { name: early, clusterWaves: [1], parallelism: 2, bake: 1m }
          - { name: rest, clusterWaves: [2], parallelism: 4, bake: 0s, healthTimeout: 5m }
    gates:
      metric: { name: error-rate, prometheus: "http://prom:9090", query: "errors", comparison: "<", threshold: 0.01 }
`;

const NOW = new Date('2026-11-30T12:00:00.250Z');
const ACTIVE = ['staging-eu-west-1', 'prod-eu-west-1', 'prod-us-east-1', 'prod-ap-1'];
const OBJECTS: KubeObject[] = [configMap('app-config', { A: '1' }), deployment('app')];

function estateOf(text: string): Estate {
  return loadEstate(memoryEstate({ 'harbormaster.yaml': text }), '/estate');
}

function input(estate: Estate, extra: Partial<PlanInput> = {}): PlanInput {
  const desired = fleet(ACTIVE, OBJECTS);
  return {
    estate,
    clusters: estate.clusters.map((c) => resolveCluster(estate, c.name)),
    desired,
    lastGood: new Map(),
    change: { digest: fleetDigest(desired), summary: 'test change' },
    now: NOW,
    ...extra,
  };
}

function planProblems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof DiagnosticError) return err.diagnostics.map((d) => d.code);
    throw err;
  }
  return [];
}

describe('planRollout', () => {
  it('orders clusters into the strategy waves; planned clusters never appear', () => {
    const plan = planRollout(input(estateOf(CLUSTERS + ROLLOUT)));
    assert.deepEqual(
      plan.waves.map((w) => [w.index, w.name, w.parallelism, w.bakeSeconds, w.healthTimeoutSeconds, w.clusters.map((c) => c.cluster)]),
      [
        [0, 'canary', 1, 120, 600, ['staging-eu-west-1']],
        [1, 'early', 2, 60, 600, ['prod-eu-west-1', 'prod-us-east-1']],
        [2, 'rest', 4, 0, 300, ['prod-ap-1']],
      ],
    );
    const step = plan.waves[1]!.clusters[1]!;
    assert.deepEqual(step, {
      cluster: 'prod-us-east-1',
      region: 'us-east-1',
      connection: { kind: 'sim' },
      digest: clusterDigest(OBJECTS),
      objects: 2,
      changes: { create: 2, update: 0, unchanged: 0, prune: 0 },
    });
    assert.deepEqual(plan.waves[0]!.gates, [{ kind: 'health' }, { kind: 'metric', name: 'error-rate', prometheus: 'http://prom:9090', query: 'errors', comparison: '<', threshold: 0.01 }]);
  });

  it('id from the UTC time and the change digest; createdAt without milliseconds', () => {
    const plan = planRollout(input(estateOf(CLUSTERS)));
    assert.equal(plan.id, `r-20261130T120000-${plan.change.digest.slice(0, 6)}`);
    assert.equal(plan.createdAt, '2026-11-30T12:00:00Z');
    assert.equal(rolloutId(new Date('2027-01-02T03:04:05Z'), 'abcdef0123'), 'r-20270102T030405-abcdef');
  });

  it('the freeze is carried while it lasts, and dropped once `until` has passed', () => {
    const estate = estateOf(CLUSTERS + ROLLOUT);
    assert.deepEqual(planRollout(input(estate)).freeze, { reason: 'Black Friday', until: '2026-12-02T00:00:00Z' });
    assert.equal(planRollout(input(estate, { now: new Date('2026-12-02T00:00:00Z') })).freeze, undefined);
  });

  it('--cluster narrows the plan; waves left empty disappear and the rest are renumbered', () => {
    const plan = planRollout(input(estateOf(CLUSTERS), { only: ['prod-ap-1', 'prod-us-east-1'] }));
    assert.deepEqual(plan.waves.map((w) => [w.index, w.name, w.clusters.map((c) => c.cluster)]), [
      [0, 'wave-1', ['prod-us-east-1']],
      [1, 'wave-2', ['prod-ap-1']],
    ]);
  });

  it('unknown and planned clusters in --cluster are refused, all at once', () => {
    const estate = estateOf(CLUSTERS);
    assert.deepEqual(planProblems(() => planRollout(input(estate, { only: ['prod-ap-2', 'prod-sa-1'] }))), [PlanCode.UnknownCluster, PlanCode.PlannedCluster]);
    try {
      planRollout(input(estate, { only: ['prod-ap-2'] }));
    } catch (err) {
      assert.equal((err as DiagnosticError).diagnostics[0]!.hint, 'did you mean prod-ap-1?');
    }
  });

  it('an active cluster without desired manifests is a planning error', () => {
    const estate = estateOf(CLUSTERS);
    const desired = fleet(ACTIVE.slice(1), OBJECTS);
    assert.deepEqual(planProblems(() => planRollout(input(estate, { desired }))), [PlanCode.NoManifests]);
  });

  it('clusters with nothing to change stay in the plan with zero counts; the strategy follows the change', () => {
    const estate = estateOf(CLUSTERS);
    const lastGood = fleet(ACTIVE, OBJECTS);
    const desired = fleet(ACTIVE, OBJECTS);
    desired.set('prod-ap-1', [configMap('app-config', { A: '2' }), deployment('app')]);
    const plan = planRollout(input(estate, { desired, lastGood }));
    assert.equal(plan.strategy, 'config');
    assert.equal(plan.strategyReason, 'only ConfigMaps/Secrets changed: 1 object in 1 cluster');
    // The derived config strategy: canary, then everything else at once.
    assert.deepEqual(plan.waves.map((w) => [w.name, w.clusters.map((c) => [c.cluster, c.changes.update, c.changes.unchanged])]), [
      ['canary', [['staging-eu-west-1', 0, 2]]],
      ['fleet', [['prod-eu-west-1', 0, 2], ['prod-us-east-1', 0, 2], ['prod-ap-1', 1, 1]]],
    ]);
  });

  it('formatPlan shows strategy, reason, freeze, gates and a row per cluster', () => {
    const text = formatPlan(planRollout(input(estateOf(CLUSTERS + ROLLOUT))));
    assert.match(text, /^Rollout r-20261130T120000-[0-9a-f]{6} of estate acme\n/);
    assert.match(text, /\n {2}strategy {2}default: first deploy: no last-good manifests for 4 clusters\n/);
    assert.match(text, /\n {2}freeze {4}ON: Black Friday \(until 2026-12-02T00:00:00Z\); deploy refuses to start\n/);
    assert.match(text, /\n {2}gates {5}health of every object; then metric error-rate: errors < 0\.01 \(http:\/\/prom:9090\)\n/);
    assert.match(text, /\nWave 3\/3 rest: 1 cluster, parallelism 4, health timeout 5m, bake 0s\n/);
    assert.match(text, /\n {2}prod-us-east-1 +us-east-1 +2 +2 +0 +0 +0\n/);
    assert.match(text, /\nTotal: 4 clusters, 4 with changes; 8 objects: 8 create, 0 update, 0 unchanged, 0 prune\n$/);
  });
});
