import type { KubeObject } from '../../cluster/types.js';
import { DiagnosticError, diag, type Diagnostic } from '../../core/diagnostic.js';
import type { RolloutStrategySpec, RolloutWaveSpec } from '../../estate/rollout-config.js';
import { didYouMean } from '../../estate/suggest.js';
import type { Estate, ResolvedCluster } from '../../estate/types.js';
import { clusterDigest, memoHasher, type ObjectHasher } from '../change/canonical.js';
import { classifyChange, type Classification } from '../change/classify.js';
import { PlanCode } from './codes.js';
import type { ChangeInfo, ClusterStepPlan, GatePlan, RolloutPlan, WavePlan } from './types.js';

export interface PlanInput {
  estate: Estate;
  /** The estate's clusters, resolved; planned ones are never deployed. */
  clusters: readonly ResolvedCluster[];
  /** Each cluster's rendered manifests. */
  desired: ReadonlyMap<string, readonly KubeObject[]>;
  /** The journal's last-good manifests; a cluster without an entry has never been deployed. */
  lastGood: ReadonlyMap<string, readonly KubeObject[]>;
  change: ChangeInfo;
  now: Date;
  /** Deploy only these clusters (`--cluster`). */
  only?: readonly string[];
}

/**
 * The rollout plan: which strategy, which waves, which clusters in each, and
 * what changes on each. Pure: the same input always gives the same plan.
 */
export function planRollout(input: PlanInput): RolloutPlan {
  const selected = selectClusters(input);
  const desired = new Map(selected.map((c) => [c.name, input.desired.get(c.name)!]));
  const hashOf = memoHasher();
  const classification = classifyChange(desired, input.lastGood, hashOf);
  const strategy = input.estate.rollout.strategies[classification.strategy];
  const plan: RolloutPlan = {
    id: rolloutId(input.now, input.change.digest),
    estate: input.estate.name,
    createdAt: isoSeconds(input.now),
    change: input.change,
    strategy: classification.strategy,
    strategyReason: classification.reason,
    rollbackPolicy: input.estate.rollout.rollback,
    waves: planWaves(strategy, selected, classification, input, hashOf),
  };
  const freeze = activeFreeze(input.estate, input.now);
  if (freeze) plan.freeze = freeze;
  return plan;
}

/** `r-<UTC yyyymmddThhmmss>-<6 hex of the change digest>` */
export function rolloutId(now: Date, digest: string): string {
  const stamp = isoSeconds(now).replace(/[-:]/g, '').replace(/Z$/, '');
  return `r-${stamp}-${digest.slice(0, 6)}`;
}

export function activeFreeze(estate: Estate, now: Date): RolloutPlan['freeze'] | undefined {
  const freeze = estate.rollout.freeze;
  if (!freeze) return undefined;
  if (freeze.until !== undefined && Date.parse(freeze.until) <= now.getTime()) return undefined;
  return { ...freeze };
}

function planWaves(strategy: RolloutStrategySpec, selected: ResolvedCluster[], classification: Classification, input: PlanInput, hashOf: ObjectHasher): WavePlan[] {
  const order = new Map(input.estate.clusters.map((c, i) => [c.name, i]));
  const placed = new Set<string>();
  const waves: WavePlan[] = [];
  for (const spec of strategy.waves) {
    const members = selected
      .filter((c) => spec.clusterWaves.includes(c.wave) && !placed.has(c.name))
      .sort((a, b) => spec.clusterWaves.indexOf(a.wave) - spec.clusterWaves.indexOf(b.wave) || (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0));
    if (members.length === 0) continue;
    members.forEach((c) => placed.add(c.name));
    waves.push(wavePlan(waves.length, spec, members.map((c) => step(c, input, classification, hashOf)), gates(input.estate)));
  }
  const unplaced = selected.filter((c) => !placed.has(c.name));
  if (unplaced.length > 0) {
    throw new DiagnosticError(
      unplaced.map((c) => diag(PlanCode.NoWave, `cluster ${c.name} (wave ${c.wave}) is in no wave of strategy ${classification.strategy}`, { file: input.estate.file })),
    );
  }
  return waves;
}

function wavePlan(index: number, spec: RolloutWaveSpec, clusters: ClusterStepPlan[], waveGates: GatePlan[]): WavePlan {
  return {
    index,
    name: spec.name,
    parallelism: spec.parallelism,
    bakeSeconds: spec.bakeSeconds,
    healthTimeoutSeconds: spec.healthTimeoutSeconds,
    gates: waveGates,
    clusters,
  };
}

function step(cluster: ResolvedCluster, input: PlanInput, classification: Classification, hashOf: ObjectHasher): ClusterStepPlan {
  const objects = input.desired.get(cluster.name)!;
  return {
    cluster: cluster.name,
    region: cluster.region,
    connection: cluster.connection,
    digest: clusterDigest(objects, hashOf),
    objects: objects.length,
    changes: { ...classification.clusters.get(cluster.name)!.counts },
  };
}

function gates(estate: Estate): GatePlan[] {
  const metric = estate.rollout.metricGate;
  return metric ? [{ kind: 'health' }, { kind: 'metric', ...metric }] : [{ kind: 'health' }];
}

/** Active clusters, narrowed to `only`; every problem with `only` reported at once. */
function selectClusters(input: PlanInput): ResolvedCluster[] {
  const problems: Diagnostic[] = [];
  const known = input.clusters.map((c) => c.name);
  for (const name of input.only ?? []) {
    const cluster = input.clusters.find((c) => c.name === name);
    if (!cluster) problems.push(diag(PlanCode.UnknownCluster, `unknown cluster ${name}`, { file: input.estate.file }, didYouMean(name, known) ?? `known clusters: ${known.join(', ')}`));
    else if (cluster.status === 'planned') problems.push(diag(PlanCode.PlannedCluster, `cluster ${name} is planned: planned clusters are never deployed`, { file: input.estate.file }, 'set its status to active first'));
  }
  const wanted = input.only ? new Set(input.only) : undefined;
  const selected = input.clusters.filter((c) => c.status === 'active' && (!wanted || wanted.has(c.name)));
  for (const c of selected) {
    if (!input.desired.has(c.name)) problems.push(diag(PlanCode.NoManifests, `no desired manifests for cluster ${c.name}`, { file: input.estate.file }));
  }
  if (problems.length > 0) throw new DiagnosticError(problems);
  return selected;
}

function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
