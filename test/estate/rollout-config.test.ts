import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EstateCode } from '../../src/estate/codes.js';
import { loadEstate } from '../../src/estate/load.js';
import { defaultRolloutConfig, formatDuration, parseDuration } from '../../src/estate/rollout-config.js';
import { codes, edit, ESTATE_YAML, lineOf, loadProblems, memoryEstate } from './helpers.js';

/** The helper estate (staging wave 0, prod wave 1) plus a planned cluster in wave 2 and a rollout section. */
const BASE = `${ESTATE_YAML}    - name: prod-us-east-1
      region: us-east-1
      environment: production
      wave: 2
      status: planned
      connection:
        sim: {}
`;

const ROLLOUT = `  rollout:
    rollback: all-waves
    freeze: { reason: "Black Friday", until: 2026-12-02T00:00:00Z }
    strategies:
      default:
        waves:
          - { name: canary, clusterWaves: [0], parallelism: 1, bake: 2m, healthTimeout: 10m }
          - { name: fleet, clusterWaves: [1, 3], parallelism: 4, bake: 1h30m }
      config:
        waves:
          - { name: all, clusterWaves: [0, 1], parallelism: 8, bake: 30s }
    gates:
      metric:
        name: error-rate
        prometheus: http://prometheus.monitoring:9090
        query: sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m]))
        comparison: "<"
        threshold: 0.01
`;

const GOOD = BASE + ROLLOUT;

function load(text: string) {
  return loadEstate(memoryEstate({ 'harbormaster.yaml': text }), '/estate');
}

function problemsOf(text: string) {
  return loadProblems(memoryEstate({ 'harbormaster.yaml': text }));
}

describe('spec.rollout: a valid section', () => {
  it('reads every key, durations in seconds', () => {
    const r = load(GOOD).rollout;
    assert.equal(r.written, true);
    assert.equal(r.rollback, 'all-waves');
    assert.deepEqual(r.freeze, { reason: 'Black Friday', until: '2026-12-02T00:00:00Z' });
    assert.deepEqual(r.strategies.default, {
      written: true,
      waves: [
        { name: 'canary', clusterWaves: [0], parallelism: 1, bakeSeconds: 120, healthTimeoutSeconds: 600 },
        { name: 'fleet', clusterWaves: [1, 3], parallelism: 4, bakeSeconds: 5400, healthTimeoutSeconds: 600 },
      ],
    });
    assert.deepEqual(r.strategies.config.waves.map((w) => [w.name, w.clusterWaves, w.parallelism, w.bakeSeconds]), [['all', [0, 1], 8, 30]]);
    assert.deepEqual(r.metricGate, {
      name: 'error-rate',
      prometheus: 'http://prometheus.monitoring:9090',
      query: 'sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m]))',
      comparison: '<',
      threshold: 0.01,
    });
  });

  it('planned clusters need no wave; a freeze of null is none', () => {
    const r = load(edit(GOOD, 'freeze: { reason: "Black Friday", until: 2026-12-02T00:00:00Z }', 'freeze: null')).rollout;
    assert.equal(r.freeze, undefined);
  });

  it('a missing config strategy is derived from the default one: its first wave, then the rest', () => {
    const text = edit(GOOD, '      config:\n        waves:\n          - { name: all, clusterWaves: [0, 1], parallelism: 8, bake: 30s }\n', '');
    const config = load(text).rollout.strategies.config;
    assert.equal(config.written, false);
    assert.deepEqual(config.waves.map((w) => [w.name, w.clusterWaves, w.parallelism, w.bakeSeconds]), [
      ['canary', [0], 1, 120],
      ['fleet', [1, 3], 4, 0],
    ]);
  });
});

describe('spec.rollout: defaults when the section is absent', () => {
  it('one wave per active cluster wave: canary first (parallelism 1, bake 60s), then parallelism 4, no bake', () => {
    const r = load(BASE).rollout;
    assert.equal(r.written, false);
    assert.equal(r.rollback, 'failed-wave');
    assert.equal(r.freeze, undefined);
    assert.equal(r.metricGate, undefined);
    assert.deepEqual(r.strategies.default.waves, [
      { name: 'canary', clusterWaves: [0], parallelism: 1, bakeSeconds: 60, healthTimeoutSeconds: 600 },
      { name: 'wave-1', clusterWaves: [1], parallelism: 4, bakeSeconds: 0, healthTimeoutSeconds: 600 },
    ]);
  });

  it('config strategy: the canary wave, then everything else at once', () => {
    const r = defaultRolloutConfig([
      { name: 'a', wave: 3, status: 'active' },
      { name: 'b', wave: 0, status: 'active' },
      { name: 'c', wave: 1, status: 'active' },
      { name: 'd', wave: 7, status: 'planned' },
    ]);
    assert.deepEqual(r.strategies.default.waves.map((w) => w.clusterWaves), [[0], [1], [3]]);
    assert.deepEqual(r.strategies.config.waves.map((w) => [w.name, w.clusterWaves, w.parallelism, w.bakeSeconds]), [
      ['canary', [0], 1, 60],
      ['fleet', [1, 3], 4, 0],
    ]);
  });

  it('a fleet with one cluster wave has one wave in both strategies', () => {
    const r = defaultRolloutConfig([{ name: 'a', wave: 2, status: 'active' }]);
    assert.deepEqual(r.strategies.config.waves, r.strategies.default.waves);
    assert.equal(r.strategies.default.waves.length, 1);
  });
});

describe('spec.rollout: problems, each with its code and line', () => {
  it('a cluster in no wave of a strategy: ESTATE_ROLLOUT_UNCOVERED naming it, hint with its line', () => {
    const text = edit(GOOD, '{ name: all, clusterWaves: [0, 1]', '{ name: all, clusterWaves: [0]');
    const problems = problemsOf(text);
    assert.deepEqual(codes(problems), [EstateCode.RolloutUncovered]);
    const p = problems[0]!;
    assert.equal(p.line, lineOf(text, 'waves:', 'config:'));
    assert.equal(p.yamlPath, 'spec.rollout.strategies.config.waves');
    assert.equal(p.message, 'cluster prod-eu-west-1 (wave 1) is in no wave of strategy config');
    assert.match(p.hint!, new RegExp(`line ${lineOf(text, 'wave: 1')}`));
  });

  it('a cluster wave in two waves: ESTATE_ROLLOUT_OVERLAP at the second entry, naming the clusters', () => {
    const text = edit(GOOD, 'clusterWaves: [1, 3]', 'clusterWaves: [1, 0]');
    const problems = problemsOf(text);
    assert.deepEqual(codes(problems), [EstateCode.RolloutOverlap]);
    assert.equal(problems[0]!.line, lineOf(text, 'clusterWaves: [1, 0]'));
    assert.equal(problems[0]!.yamlPath, 'spec.rollout.strategies.default.waves[1].clusterWaves[1]');
    assert.match(problems[0]!.message, /staging-eu-west-1/);
    assert.equal(problems[0]!.hint, `first listed at line ${lineOf(text, 'name: canary')}; a cluster deploys in exactly one wave`);
  });

  it('bad durations: ESTATE_BAD_DURATION, with a hint for a bare number', () => {
    const text = edit(edit(GOOD, 'bake: 2m', 'bake: 2 minutes'), 'bake: 30s', 'bake: 30');
    const problems = problemsOf(text);
    assert.deepEqual(codes(problems), [EstateCode.BadDuration, EstateCode.BadDuration]);
    assert.deepEqual(problems.map((p) => p.line), [lineOf(text, '2 minutes'), lineOf(text, 'bake: 30 }')]);
    assert.equal(problems[1]!.hint, 'write a duration such as "30s", "2m" or "1h30m"');
  });

  it('a misspelt key: ESTATE_UNKNOWN_FIELD with did-you-mean; a bad rollback policy: ESTATE_BAD_VALUE with did-you-mean', () => {
    const text = edit(edit(GOOD, 'parallelism: 4, bake: 1h30m', 'paralelism: 4, bake: 1h30m'), 'rollback: all-waves', 'rollback: failed-waves');
    const problems = problemsOf(text);
    assert.deepEqual(codes(problems), [EstateCode.BadValue, EstateCode.UnknownField]);
    assert.deepEqual(problems.map((p) => p.hint), ['did you mean failed-wave?', 'did you mean parallelism?']);
    assert.deepEqual(problems.map((p) => p.line), [lineOf(text, 'failed-waves'), lineOf(text, 'paralelism')]);
  });

  it('duplicate wave names: ESTATE_DUPLICATE_WAVE; a wave name that is not a DNS label: ESTATE_BAD_NAME', () => {
    const text = edit(edit(GOOD, 'name: fleet', 'name: canary'), 'name: all,', 'name: All,');
    const problems = problemsOf(text);
    assert.deepEqual(codes(problems), [EstateCode.DuplicateWave, EstateCode.BadName]);
    assert.equal(problems[0]!.line, lineOf(text, 'clusterWaves: [1, 3]'));
    assert.equal(problems[0]!.hint, `first defined at line ${lineOf(text, 'clusterWaves: [0], parallelism: 1, bake: 2m')}`);
  });

  it('parallelism 0, a negative cluster wave, an empty clusterWaves, no waves at all', () => {
    const text = edit(edit(edit(GOOD, 'parallelism: 1, bake: 2m', 'parallelism: 0, bake: 2m'), '[1, 3]', '[1, -3]'), '[0, 1], parallelism: 8', '[], parallelism: 8');
    const problems = problemsOf(text);
    assert.deepEqual(codes(problems), [EstateCode.BadValue, EstateCode.BadWave, EstateCode.BadValue]);
    assert.deepEqual(problems.map((p) => p.line), [lineOf(text, 'parallelism: 0'), lineOf(text, '[1, -3]'), lineOf(text, 'clusterWaves: []')]);
    const none = edit(GOOD, '      config:\n        waves:\n          - { name: all, clusterWaves: [0, 1], parallelism: 8, bake: 30s }\n', '      config:\n        waves: []\n');
    const p = problemsOf(none);
    assert.deepEqual([codes(p), p[0]!.line], [[EstateCode.BadValue], lineOf(none, 'waves: []')]);
  });

  it('freeze without a reason, or with a bad time: ESTATE_MISSING_FIELD and ESTATE_BAD_TIME', () => {
    const text = edit(GOOD, 'freeze: { reason: "Black Friday", until: 2026-12-02T00:00:00Z }', 'freeze: { until: "next tuesday" }');
    const problems = problemsOf(text);
    assert.deepEqual(codes(problems).sort(), [EstateCode.BadTime, EstateCode.MissingField].sort());
    assert.ok(problems.every((p) => p.line === lineOf(text, 'next tuesday')));
  });

  it('metric gate: a non-number threshold, an unknown comparison, a URL without scheme, all at once', () => {
    const text = edit(edit(edit(GOOD, 'threshold: 0.01', 'threshold: "1%"'), 'comparison: "<"', 'comparison: "<=="'), 'http://prometheus', 'prometheus');
    const problems = problemsOf(text);
    assert.deepEqual(codes(problems), [EstateCode.BadValue, EstateCode.BadValue, EstateCode.BadType]);
    assert.deepEqual(problems.map((p) => p.line), [lineOf(text, 'prometheus: prometheus'), lineOf(text, 'comparison:'), lineOf(text, 'threshold:')]);
    assert.equal(problems[1]!.hint, 'did you mean <=?');
  });

  it('problems elsewhere in the estate are reported together with rollout ones', () => {
    const text = edit(edit(GOOD, 'wave: 0', 'wave: -1'), 'bake: 30s', 'bake: soon');
    assert.deepEqual(codes(problemsOf(text)), [EstateCode.BadWave, EstateCode.BadDuration]);
  });
});

describe('durations', () => {
  it('parses h/m/s in order and prints the shortest form', () => {
    assert.deepEqual(['0s', '30s', '2m', '1h30m', '1h', '90s', '2m5s'].map(parseDuration), [0, 30, 120, 5400, 3600, 90, 125]);
    assert.deepEqual([0, 30, 120, 5400, 3600, 90, 125, 3661].map(formatDuration), ['0s', '30s', '2m', '1h30m', '1h', '1m30s', '2m5s', '1h1m1s']);
  });
});
