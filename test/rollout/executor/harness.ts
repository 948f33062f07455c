/**
 * Builds plans, manifests and executor dependencies over fake clusters and
 * the in-memory journal, and records every event, for the executor tests.
 */
import type { KubeObject } from '../../../src/cluster/types.js';
import { clusterDigest } from '../../../src/rollout/change/canonical.js';
import type { RolloutEvent, RolloutEventType } from '../../../src/rollout/events.js';
import type { ExecutorDeps, ExecutorOptions } from '../../../src/rollout/executor/types.js';
import type { GatePlan, RollbackPolicy, RolloutPlan } from '../../../src/rollout/plan/types.js';
import { FakeCluster } from '../../harness/fake-cluster.js';
import { MemoryJournal } from '../../harness/memory-journal.js';

export interface WaveSpec {
  name?: string;
  clusters: string[];
  parallelism?: number;
  bakeSeconds?: number;
  healthTimeoutSeconds?: number;
  gates?: GatePlan[];
}

/** A namespace, a ConfigMap and a Deployment running `image` (tag `doesnotexist` fails to pull). */
export function app(image: string, options: { name?: string; replicas?: number; config?: string; crash?: boolean } = {}): KubeObject[] {
  const name = options.name ?? 'web';
  const ns = 'shop';
  const env = options.crash ? [{ name: 'SIM_CRASH', value: '1' }] : [];
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `${name}-config`, namespace: ns }, data: { greeting: options.config ?? 'hello' } },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: ns },
      spec: {
        replicas: options.replicas ?? 2,
        selector: { matchLabels: { app: name } },
        template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image, env }] } },
      },
    },
  ];
}

export interface PlanOptions {
  policy?: RollbackPolicy;
  freeze?: RolloutPlan['freeze'];
  id?: string;
}

/** A plan whose cluster digests match `desired` (as the planner computes them). */
export function buildPlan(desired: ReadonlyMap<string, KubeObject[]>, waves: WaveSpec[], options: PlanOptions = {}): RolloutPlan {
  return {
    id: options.id ?? 'r-test',
    estate: 'test',
    createdAt: '2025-01-01T00:00:00.000Z',
    change: { digest: 'd'.repeat(64), summary: 'test change' },
    strategy: 'default',
    strategyReason: 'test',
    rollbackPolicy: options.policy ?? 'failed-wave',
    ...(options.freeze ? { freeze: options.freeze } : {}),
    waves: waves.map((w, index) => ({
      index,
      name: w.name ?? `wave-${index}`,
      parallelism: w.parallelism ?? 1,
      bakeSeconds: w.bakeSeconds ?? 0,
      healthTimeoutSeconds: w.healthTimeoutSeconds ?? 5,
      gates: w.gates ?? [],
      clusters: w.clusters.map((cluster) => ({
        cluster,
        region: `region-${cluster}`,
        connection: { kind: 'sim' as const },
        digest: clusterDigest(desired.get(cluster) ?? []),
        objects: (desired.get(cluster) ?? []).length,
        changes: { create: 0, update: 0, unchanged: 0, prune: 0 },
      })),
    })),
  };
}

export class Harness {
  readonly journal = new MemoryJournal();
  readonly fakes = new Map<string, FakeCluster>();
  readonly events: RolloutEvent[] = [];
  desired = new Map<string, KubeObject[]>();
  private planCount = 0;
  /** Called for every event after it is recorded (tests use it to act mid-rollout). */
  onEvent: (event: RolloutEvent, harness: Harness) => void = () => undefined;

  constructor(clusters: string[], readyAfterMs = 5) {
    for (const name of clusters) this.fakes.set(name, new FakeCluster(name, { readyAfterMs }));
  }

  fake(name: string): FakeCluster {
    return this.fakes.get(name)!;
  }

  /** A plan over the clusters' current desired manifests. */
  plan(waves: WaveSpec[], options: PlanOptions = {}): RolloutPlan {
    return buildPlan(this.desired, waves, { id: `r-test-${++this.planCount}`, ...options });
  }

  setDesired(objects: KubeObject[], clusters: string[] = [...this.fakes.keys()]): void {
    for (const c of clusters) this.desired.set(c, structuredClone(objects));
  }

  deps(options: ExecutorOptions = {}, extra: Partial<ExecutorDeps> = {}): ExecutorDeps {
    return {
      journal: this.journal,
      connect: async (step) => this.fake(step.cluster).client(),
      desired: (cluster) => this.desired.get(cluster) ?? [],
      emit: (event) => {
        this.events.push(event);
        this.onEvent(event, this);
      },
      options: { controlPollMs: 10, holder: `${process.pid}@test`, ...options },
      ...extra,
    };
  }

  /** Event types in order, without the chatty progress events. */
  types(filter: (e: RolloutEvent) => boolean = () => true): string[] {
    return this.events.filter((e) => e.type !== 'step-progress' && filter(e)).map((e) => ('cluster' in e ? `${e.type}:${e.cluster}` : e.type));
  }

  ofType<T extends RolloutEventType>(type: T): Extract<RolloutEvent, { type: T }>[] {
    return this.events.filter((e): e is Extract<RolloutEvent, { type: T }> => e.type === type);
  }

  /** The image the live Deployment runs. */
  image(cluster: string, name = 'web'): string | undefined {
    const d = this.fake(cluster).object('apps/v1', 'Deployment', name, 'shop');
    return (d?.spec as { template: { spec: { containers: { image: string }[] } } } | undefined)?.template.spec.containers[0]?.image;
  }

  /** Live object keys (without the ApplySet parent and controller-made objects). */
  liveKeys(cluster: string): string[] {
    return this.fake(cluster)
      .objects()
      .filter((o) => !(o.kind === 'Secret' && o.metadata.name.startsWith('applyset-')))
      .map((o) => `${o.kind}/${o.metadata.name}`)
      .sort();
  }

  stop(): void {
    for (const f of this.fakes.values()) f.stop();
  }
}
