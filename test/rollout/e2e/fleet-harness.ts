/**
 * End-to-end rollouts: a simulated fleet served over HTTP in this process,
 * reached through the real client (kubeconfig, retries, watches), a SQLite
 * journal in a temporary directory, and the executor. Time runs a hundred
 * times faster than the simulated workload's defaults.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APPLYSET_PART_OF_LABEL } from '../../../src/cluster/applyset-meta.js';
import { connectCluster } from '../../../src/cluster/connect.js';
import type { SimWorkloadOptions } from '../../../src/cluster/sim/controller-api.js';
import { startSimFleet, type SimFleet } from '../../../src/cluster/sim/fleet.js';
import type { RetryPolicy } from '../../../src/cluster/retry.js';
import type { KubeObject } from '../../../src/cluster/types.js';
import { manifestsFromYaml } from '../../../src/rollout/change/manifests.js';
import type { RolloutEvent } from '../../../src/rollout/events.js';
import type { ExecutorDeps, ExecutorOptions } from '../../../src/rollout/executor/types.js';
import { openJournal, type SqliteJournal } from '../../../src/rollout/journal/sqlite.js';
import type { RolloutPlan } from '../../../src/rollout/plan/types.js';
import { buildPlan, type PlanOptions, type WaveSpec } from '../executor/harness.js';

/** Simulated milliseconds × 0.01: a pod starts in ~10 ms, an image pull backs off after ~10 ms. */
export const FAST_WORKLOAD: Partial<SimWorkloadOptions> = {
  timeScale: 0.01,
  jitter: 0,
  podStartMs: 1000,
  readinessMs: 500,
  crashAfterMs: 500,
  crashBackoffMs: 1000,
  imagePullBackoffMs: 1000,
  slowReadinessMs: 40_000,
  crashImages: ['*:crash'],
  slowImages: ['*:slow'],
};

/** Short client retries, so an unreachable cluster is given up on within the test's step budget. */
export const FAST_RETRY: Partial<RetryPolicy> = { maxAttempts: 8, baseDelayMs: 5, maxDelayMs: 40, maxTotalMs: 600, timeoutMs: 3_000 };

export class E2E {
  readonly events: RolloutEvent[] = [];
  readonly desired = new Map<string, KubeObject[]>();
  onEvent: (event: RolloutEvent) => void = () => undefined;
  private plans = 0;

  private constructor(
    readonly fleet: SimFleet,
    readonly dir: string,
    readonly journal: SqliteJournal,
  ) {}

  static async start(clusters: string[], workload: Record<string, Partial<SimWorkloadOptions>> = {}): Promise<E2E> {
    const fleet = await startSimFleet({ clusters: clusters.map((name) => ({ name, workload: workload[name] ?? {} })), workload: FAST_WORKLOAD });
    const dir = mkdtempSync(join(tmpdir(), 'hm-e2e-'));
    return new E2E(fleet, dir, openJournal(join(dir, 'journal.db')));
  }

  get journalFile(): string {
    return join(this.dir, 'journal.db');
  }

  setDesired(objects: KubeObject[], clusters: string[] = this.fleet.clusters().map((c) => c.name)): void {
    for (const c of clusters) this.desired.set(c, structuredClone(objects));
  }

  plan(waves: WaveSpec[], options: PlanOptions = {}): RolloutPlan {
    return buildPlan(this.desired, waves, { id: `r-e2e-${++this.plans}`, ...options });
  }

  deps(options: ExecutorOptions = {}, extra: Partial<ExecutorDeps> = {}): ExecutorDeps {
    return {
      journal: this.journal,
      connect: async (step) => connectCluster({ name: step.cluster, connection: { kind: 'sim' } }, { simKubeconfig: this.fleet.kubeconfig, retry: FAST_RETRY }),
      desired: (cluster) => this.desired.get(cluster) ?? [],
      emit: (event) => {
        this.events.push(event);
        this.onEvent(event);
      },
      options: { controlPollMs: 20, ...options },
      ...extra,
    };
  }

  ofType<T extends RolloutEvent['type']>(type: T): Extract<RolloutEvent, { type: T }>[] {
    return this.events.filter((e): e is Extract<RolloutEvent, { type: T }> => e.type === type);
  }

  /** Live members of our ApplySet, straight from the cluster's store. */
  live(cluster: string): KubeObject[] {
    const store = this.fleet.cluster(cluster).store;
    const kinds = [['', 'Namespace'], ['', 'ConfigMap'], ['apps', 'Deployment']] as const;
    return kinds.flatMap(([group, kind]) => store.list(group, kind)).filter((o) => o.metadata.labels?.[APPLYSET_PART_OF_LABEL] !== undefined);
  }

  /** `Kind/name` → what matters of each live member (image, config data), to compare with a manifest set. */
  liveSummary(cluster: string): Record<string, unknown> {
    return summary(this.live(cluster));
  }

  lastGoodSummary(cluster: string): Record<string, unknown> {
    return summary(manifestsFromYaml(this.journal.lastGood(cluster)!.manifests));
  }

  desiredSummary(cluster: string): Record<string, unknown> {
    return summary(this.desired.get(cluster) ?? []);
  }

  /** PATCH requests (server-side applies) a cluster received since the last reset. */
  patches(cluster: string): number {
    return this.fleet.cluster(cluster).requests().patch;
  }

  async stop(): Promise<void> {
    this.journal.close();
    await this.fleet.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function summary(objects: readonly KubeObject[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const o of [...objects].sort((a, b) => (`${a.kind}/${a.metadata.name}` < `${b.kind}/${b.metadata.name}` ? -1 : 1))) {
    const spec = o.spec as { template?: { spec?: { containers?: { image: string; env?: unknown[] }[] } } } | undefined;
    const container = spec?.template?.spec?.containers?.[0];
    out[`${o.kind}/${o.metadata.name}`] = o.kind === 'Deployment' ? { image: container?.image, env: container?.env ?? [] } : o.kind === 'ConfigMap' ? o.data : true;
  }
  return out;
}
