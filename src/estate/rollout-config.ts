import { isObject, type JsonObject, type JsonValue } from '../core/json.js';
import type { DocChecker, YamlPath } from './checker.js';
import { EstateCode } from './codes.js';
import { clustersOf } from './cross-check.js';
import { DURATION } from './schema-rollout.js';

/**
 * `spec.rollout` of harbormaster.yaml as the rest of Harbormaster sees it:
 * every default filled in, durations in seconds. When the section is absent
 * the fleet still deploys wave by wave, by the clusters' `wave` numbers.
 */
export type RollbackPolicySpec = 'failed-wave' | 'all-waves';
export type RolloutStrategyName = 'default' | 'config';
export type MetricComparison = '<' | '<=' | '>' | '>=';

export interface RolloutWaveSpec {
  name: string;
  /** The cluster `wave` numbers this rollout wave deploys, in order. */
  clusterWaves: number[];
  parallelism: number;
  bakeSeconds: number;
  healthTimeoutSeconds: number;
}

export interface RolloutStrategySpec {
  waves: RolloutWaveSpec[];
  /** False when Harbormaster derived the strategy (section or strategy absent). */
  written: boolean;
}

export interface MetricGateSpec {
  name: string;
  prometheus: string;
  query: string;
  comparison: MetricComparison;
  threshold: number;
}

export interface RolloutConfig {
  /** False when harbormaster.yaml has no `spec.rollout`. */
  written: boolean;
  rollback: RollbackPolicySpec;
  /** A fleet-wide freeze; `until` (ISO 8601) ends it, absent means until removed. */
  freeze?: { reason: string; until?: string };
  strategies: Record<RolloutStrategyName, RolloutStrategySpec>;
  metricGate?: MetricGateSpec;
}

export const DEFAULT_HEALTH_TIMEOUT_SECONDS = 600;
const FIRST_WAVE_BAKE_SECONDS = 60;
const FIRST_WAVE_PARALLELISM = 1;
const LATER_WAVE_PARALLELISM = 4;

/** Seconds of a duration the schema accepted (`1h30m` → 5400). */
export function parseDuration(text: string): number {
  const m = DURATION.exec(text);
  if (!m || text === '') throw new Error(`not a duration: ${text}`);
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

/** The shortest duration text for a number of seconds: 0s, 45s, 2m, 1h30m, 2m5s. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s === 0) return '0s';
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  return `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${rest ? `${rest}s` : ''}`;
}

interface ClusterWave {
  name: string;
  wave: number;
  active: boolean;
  index: number;
}

/** Reads the (shape-checked) `spec.rollout`, reports what needs the clusters, fills in defaults. */
export function readRolloutConfig(spec: JsonObject, c: DocChecker): RolloutConfig {
  const clusters = clusterWaves(spec);
  const written = isObject(spec.rollout ?? null) ? (spec.rollout as JsonObject) : undefined;
  const strategies = objectAt(written, 'strategies');
  const base = ['spec', 'rollout', 'strategies'];
  const defaultStrategy = readStrategy(strategies.default, [...base, 'default'], clusters, c) ?? derivedDefault(clusters);
  const configStrategy = readStrategy(strategies.config, [...base, 'config'], clusters, c) ?? derivedConfig(defaultStrategy);
  const config: RolloutConfig = {
    written: written !== undefined,
    rollback: (written?.rollback as RollbackPolicySpec | undefined) ?? 'failed-wave',
    strategies: { default: defaultStrategy, config: configStrategy },
  };
  const freeze = objectAt(written, 'freeze');
  if (typeof freeze.reason === 'string') {
    config.freeze = typeof freeze.until === 'string' ? { reason: freeze.reason, until: isoTime(freeze.until) } : { reason: freeze.reason };
  }
  checkThreshold(c);
  const gate = readMetricGate(objectAt(objectAt(written, 'gates'), 'metric'));
  if (gate) config.metricGate = gate;
  return config;
}

/** The rollout settings of an estate without `spec.rollout`: one wave per cluster wave number. */
export function defaultRolloutConfig(clusters: readonly { name: string; wave: number; status: string }[]): RolloutConfig {
  const list = clusters.map((cl, index) => ({ name: cl.name, wave: cl.wave, active: cl.status !== 'planned', index }));
  const strategy = derivedDefault(list);
  return { written: false, rollback: 'failed-wave', strategies: { default: strategy, config: derivedConfig(strategy) } };
}

function derivedDefault(clusters: ClusterWave[]): RolloutStrategySpec {
  const numbers = [...new Set(clusters.filter((cl) => cl.active).map((cl) => cl.wave))].sort((a, b) => a - b);
  const waves = numbers.map((n, i) => ({
    name: i === 0 ? 'canary' : `wave-${n}`,
    clusterWaves: [n],
    parallelism: i === 0 ? FIRST_WAVE_PARALLELISM : LATER_WAVE_PARALLELISM,
    bakeSeconds: i === 0 ? FIRST_WAVE_BAKE_SECONDS : 0,
    healthTimeoutSeconds: DEFAULT_HEALTH_TIMEOUT_SECONDS,
  }));
  return { waves, written: false };
}

/** Config-only changes: the default strategy's first wave, then everything else at once. */
function derivedConfig(strategy: RolloutStrategySpec): RolloutStrategySpec {
  const [first, ...rest] = strategy.waves;
  if (!first || rest.length === 0) return { waves: strategy.waves.map((w) => ({ ...w })), written: false };
  const seen = new Set(first.clusterWaves);
  const remaining = rest.flatMap((w) => w.clusterWaves).filter((n) => !seen.has(n) && (seen.add(n), true));
  const fleet: RolloutWaveSpec = {
    name: 'fleet',
    clusterWaves: remaining,
    parallelism: Math.max(...rest.map((w) => w.parallelism)),
    bakeSeconds: 0,
    healthTimeoutSeconds: Math.max(...rest.map((w) => w.healthTimeoutSeconds)),
  };
  return { waves: [{ ...first, clusterWaves: [...first.clusterWaves] }, fleet], written: false };
}

function readStrategy(value: JsonValue | undefined, at: YamlPath, clusters: ClusterWave[], c: DocChecker): RolloutStrategySpec | undefined {
  if (!isObject(value ?? null)) return undefined;
  const list = (value as JsonObject).waves;
  if (!Array.isArray(list)) return undefined;
  if (list.length === 0) {
    c.report(EstateCode.BadValue, 'a strategy needs at least one wave', [...at, 'waves']);
    return undefined;
  }
  const waves = list.map((w, i) => (isObject(w) ? toWave(w, [...at, 'waves', i], c) : undefined));
  checkWaveNames(waves, at, c);
  // A wave already reported as broken would only repeat its problem as a coverage gap.
  if (waves.every((w): w is RolloutWaveSpec => w !== undefined && w.clusterWaves.length > 0 && w.clusterWaves.every(Number.isInteger))) {
    checkCoverage(waves, at, clusters, c);
    return { waves, written: true };
  }
  return undefined;
}

function toWave(w: JsonObject, at: YamlPath, c: DocChecker): RolloutWaveSpec {
  const clusterWaveList = Array.isArray(w.clusterWaves) ? w.clusterWaves : [];
  if (clusterWaveList.length === 0) c.report(EstateCode.BadValue, 'clusterWaves must list at least one cluster wave', [...at, 'clusterWaves']);
  return {
    name: w.name as string,
    clusterWaves: clusterWaveList as number[],
    parallelism: typeof w.parallelism === 'number' ? w.parallelism : 1,
    bakeSeconds: typeof w.bake === 'string' ? parseDuration(w.bake) : 0,
    healthTimeoutSeconds: typeof w.healthTimeout === 'string' ? parseDuration(w.healthTimeout) : DEFAULT_HEALTH_TIMEOUT_SECONDS,
  };
}

function checkWaveNames(waves: (RolloutWaveSpec | undefined)[], at: YamlPath, c: DocChecker): void {
  const first = new Map<string, number>();
  waves.forEach((w, i) => {
    if (typeof w?.name !== 'string') return;
    const earlier = first.get(w.name);
    if (earlier === undefined) first.set(w.name, i);
    else c.report(EstateCode.DuplicateWave, `wave ${w.name} is defined more than once`, [...at, 'waves', i, 'name'], `first defined at line ${c.where([...at, 'waves', earlier, 'name']).line}`);
  });
}

/** Every active cluster in exactly one wave of the strategy. */
function checkCoverage(waves: RolloutWaveSpec[], at: YamlPath, clusters: ClusterWave[], c: DocChecker): void {
  const strategy = String(at[at.length - 1]);
  const placed = new Map<number, { wave: number; entry: number }>();
  waves.forEach((w, i) =>
    w.clusterWaves.forEach((n, j) => {
      const first = placed.get(n);
      if (!first) return void placed.set(n, { wave: i, entry: j });
      const names = namesIn(clusters, n);
      const firstAt = [...at, 'waves', first.wave, 'clusterWaves', first.entry];
      const message = `cluster wave ${n}${names ? ` (${names})` : ''} is in both wave ${waves[first.wave]!.name} and wave ${w.name} of strategy ${strategy}`;
      c.report(EstateCode.RolloutOverlap, message, [...at, 'waves', i, 'clusterWaves', j], `first listed at line ${c.where(firstAt).line}; a cluster deploys in exactly one wave`);
    }),
  );
  const missing = [...new Set(clusters.filter((cl) => cl.active && !placed.has(cl.wave)).map((cl) => cl.wave))].sort((a, b) => a - b);
  for (const n of missing) {
    const first = clusters.find((cl) => cl.active && cl.wave === n)!;
    const line = c.where(['spec', 'clusters', first.index, 'wave']).line;
    const names = namesIn(clusters, n);
    const subject = names.includes(',') ? `clusters ${names} (wave ${n}) are` : `cluster ${names} (wave ${n}) is`;
    c.report(EstateCode.RolloutUncovered, `${subject} in no wave of strategy ${strategy}`, [...at, 'waves'], `add ${n} to the clusterWaves of a wave (${first.name}: wave ${n} at line ${line})`);
  }
}

function namesIn(clusters: ClusterWave[], wave: number): string {
  return clusters
    .filter((cl) => cl.active && cl.wave === wave)
    .map((cl) => cl.name)
    .join(', ');
}

/** Judged on the file as written, so it is reported even when another field of the gate is broken. */
function checkThreshold(c: DocChecker): void {
  const path = ['spec', 'rollout', 'gates', 'metric', 'threshold'];
  let value: JsonValue | undefined = c.doc.value;
  for (const key of path) value = isObject(value ?? null) ? (value as JsonObject)[key] : undefined;
  if (value === undefined || value === null || typeof value === 'number' || typeof value === 'bigint') return;
  c.report(EstateCode.BadType, 'expected a number', path, 'e.g. 0.01 for a 1% error rate');
}

function readMetricGate(gate: JsonObject): MetricGateSpec | undefined {
  const threshold = typeof gate.threshold === 'bigint' ? Number(gate.threshold) : gate.threshold;
  if (typeof gate.name !== 'string' || typeof threshold !== 'number') return undefined;
  return {
    name: gate.name,
    prometheus: gate.prometheus as string,
    query: gate.query as string,
    comparison: gate.comparison as MetricComparison,
    threshold,
  };
}

function clusterWaves(spec: JsonObject): ClusterWave[] {
  return clustersOf(spec)
    .filter(({ cluster }) => typeof cluster.name === 'string' && typeof cluster.wave === 'number')
    .map(({ cluster, index }) => ({ name: cluster.name as string, wave: cluster.wave as number, active: cluster.status !== 'planned', index }));
}

/** `2026-12-02T00:00:00Z` as written, or any accepted form as UTC ISO 8601 without milliseconds. */
function isoTime(text: string): string {
  return new Date(text).toISOString().replace('.000Z', 'Z');
}

function objectAt(value: JsonValue | undefined, key: string): JsonObject {
  if (!isObject(value ?? null)) return {};
  const inner = (value as JsonObject)[key];
  return isObject(inner ?? null) ? (inner as JsonObject) : {};
}
