/**
 * Deploy benchmark: 12 simulated clusters × 20 services × ~400 pods in the
 * biggest, deployed to a simulated fleet in this process.
 *
 *   npm run bench:deploy [-- --pod-start-ms 1000 --readiness-ms 500] [--estate DIR]
 *
 * The fleet is generated from the example estate's shape (see
 * generateEstate); `--estate examples/acme-estate` runs the example estate
 * itself instead, its planned clusters made active. Three deploys: a first
 * deploy, the same again (nothing changed), and a one-service change (a new
 * auth-api image). For each: the rollout's wall time against the ideal — per
 * wave, the slowest cluster's own readiness (first write to last workload
 * settled, as the simulated controllers saw it) plus the wave's bake — write
 * requests per object (POST/PUT/PATCH/DELETE counted by the simulated API
 * servers), and peak memory.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startSimFleet, type SimFleet } from '../src/cluster/sim/fleet.js';
import type { SimWorkloadOptions } from '../src/cluster/sim/controllers/options.js';
import type { StoreEvent } from '../src/cluster/sim/store.js';
import type { KubeObject } from '../src/cluster/types.js';
import { loadEstate } from '../src/estate/load.js';
import { DiskFileSystem } from '../src/fs/disk.js';
import type { FileSystem } from '../src/fs/filesystem.js';
import { deploy } from '../src/rollout/deploy.js';
import { simFleetConnector } from '../src/rollout/deploy/connect.js';
import { renderDesired } from '../src/rollout/deploy/desired.js';
import { bootstrapSimFleet } from '../src/rollout/deploy/sim-bootstrap.js';
import { edited } from '../src/rollout/deploy/story.js';
import type { RolloutEvent } from '../src/rollout/events.js';
import type { RolloutPlan } from '../src/rollout/plan/types.js';

let ESTATE = resolve('examples/acme-estate');

interface Run {
  label: string;
  plan: RolloutPlan;
  state: string;
  commandMs: number;
  rolloutMs: number;
  idealMs: number;
  waves: { name: string; clusters: number; slowestReadyMs: number; bakeMs: number; tookMs: number }[];
  objects: number;
  changed: number;
  writes: number;
  phases: { applyMs: number; detectMs: number };
}

/** The 12-cluster fleet: planned clusters activated, and each wave as wide as its clusters (the ideal assumes they all run at once). */
function twelveClusters(disk: FileSystem): FileSystem {
  const text = disk.readText(join(ESTATE, 'harbormaster.yaml'));
  const active = text.replace(/status: planned/g, 'status: active').replace(/parallelism: \d+/g, 'parallelism: 12');
  return edited(disk, ESTATE, [{ file: 'harbormaster.yaml', from: text, to: active }]);
}

async function runDeploy(label: string, fs: FileSystem, fleet: SimFleet, tracker: ReadinessTracker, journalFile: string): Promise<Run> {
  for (const c of fleet.clusters()) c.resetRequests();
  tracker.reset();
  const stamps: { event: RolloutEvent; t: number }[] = [];
  const started = performance.now();
  const result = await deploy({
    estateDir: ESTATE,
    fs,
    journalFile,
    connector: simFleetConnector(fleet),
    emit: (event) => stamps.push({ event, t: performance.now() }),
  });
  const commandMs = performance.now() - started;
  if (result.kind !== 'finished') throw new Error(`${label}: ${result.kind === 'refused' ? result.message : 'did not run'}`);
  if (result.outcome.state !== 'succeeded') process.stderr.write(`${label}: ${result.outcome.state}: ${result.outcome.reason ?? ''}\n`);
  const at = (type: RolloutEvent['type'], pick: (e: RolloutEvent) => boolean = () => true): number[] => stamps.filter((s) => s.event.type === type && pick(s.event)).map((s) => s.t);
  const rolloutMs = at('rollout-finished')[0]! - at('rollout-started')[0]!;
  const waves = result.plan.waves.map((w) => {
    const slowestReadyMs = Math.max(0, ...w.clusters.map((c) => tracker.readinessMs(c.cluster)));
    const start = at('wave-started', (e) => 'wave' in e && e.wave === w.index)[0] ?? 0;
    const end = at('wave-finished', (e) => 'wave' in e && e.wave === w.index)[0] ?? start;
    return { name: w.name, clusters: w.clusters.length, slowestReadyMs, bakeMs: w.bakeSeconds * 1000, tookMs: end - start };
  });
  const steps = result.plan.waves.flatMap((w) => w.clusters);
  const requests = fleet.clusters().map((c) => c.requests());
  return {
    label,
    plan: result.plan,
    state: result.outcome.state,
    commandMs,
    rolloutMs,
    idealMs: waves.reduce((n, w) => n + w.slowestReadyMs + w.bakeMs, 0),
    waves,
    objects: steps.reduce((n, s) => n + s.objects, 0),
    changed: steps.reduce((n, s) => n + s.changes.create + s.changes.update + s.changes.prune, 0),
    writes: requests.reduce((n, r) => n + r.create + r.update + r.patch + r.delete, 0),
    phases: phases(stamps, tracker),
  };
}

/** Median over clusters: step start → every object applied, and the last workload settling → our verdict of healthy. */
function phases(stamps: { event: RolloutEvent; t: number }[], tracker: ReadinessTracker): Run['phases'] {
  const byCluster = new Map<string, Partial<Record<RolloutEvent['type'], number>>>();
  for (const { event, t } of stamps) {
    if (!('cluster' in event)) continue;
    const entry = byCluster.get(event.cluster) ?? {};
    entry[event.type] ??= t;
    byCluster.set(event.cluster, entry);
  }
  const apply: number[] = [];
  const detect: number[] = [];
  for (const [cluster, e] of byCluster) {
    if (e['step-started'] !== undefined && e['step-applied'] !== undefined) apply.push(e['step-applied'] - e['step-started']);
    const settled = tracker.settledAt(cluster);
    if (e['step-healthy'] !== undefined && settled !== undefined) detect.push(e['step-healthy'] - settled);
  }
  return { applyMs: median(apply), detectMs: median(detect) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

class MemorySampler {
  rss = 0;
  heap = 0;
  private readonly timer = setInterval(() => this.sample(), 50);

  sample(): void {
    const m = process.memoryUsage();
    this.rss = Math.max(this.rss, m.rss);
    this.heap = Math.max(this.heap, m.heapUsed);
  }

  stop(): void {
    clearInterval(this.timer);
    this.sample();
  }
}

/**
 * The benchmark fleet, generated from the example estate's shape: its 12
 * clusters (the planned ones active), regions and waves, its 20 service
 * names and its per-region replica counts (~400 pods in us-east-1), each
 * service a Namespace, ServiceAccount, generated ConfigMap, Deployment,
 * Service and PodDisruptionBudget. Built-in kinds only: what is measured is
 * the rollout, not the addons' custom resources.
 */
function generateEstate(dir: string): void {
  const example = loadEstate(new DiskFileSystem(), resolve('examples/acme-estate'));
  const services = [...example.services.keys()];
  const write = (path: string, text: string): void => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  const regions = Object.entries(example.regions).map(([name, layer]) => {
    const replicas = Object.entries(layer.settings?.replicas ?? {}).map(([key, n]) => `          ${key}: ${n}`);
    return `    ${name}:\n${replicas.length ? `      settings:\n        replicas:\n${replicas.join('\n')}\n` : '      {}\n'}`.replace(':\n      {}', ': {}');
  });
  const clusters = example.clusters.map((c) => `    - { name: ${c.name}, region: ${c.region}, environment: production, wave: ${c.wave}, connection: { sim: {} } }`);
  const waves = example.rollout.strategies.default.waves.map(
    (w) => `          - { name: ${w.name}, clusterWaves: [${w.clusterWaves.join(', ')}], parallelism: 12, bake: ${w.bakeSeconds}s, healthTimeout: 5m }`,
  );
  write('harbormaster.yaml', `apiVersion: harbormaster.dev/v1alpha1\nkind: Estate\nmetadata:\n  name: bench\nspec:\n  defaults:\n    kubernetesVersion: "1.30"\n  environments:\n    production: {}\n  regions:\n${regions.join('')}  clusters:\n${clusters.join('\n')}\n  rollout:\n    strategies:\n      default:\n        waves:\n${waves.join('\n')}\n`);
  for (const name of services) writeService(write, name);
}

function writeService(write: (path: string, text: string) => void, name: string): void {
  const base = `services/${name}/base`;
  write(`services/${name}/service.yaml`, `apiVersion: harbormaster.dev/v1alpha1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  owner: bench\n  tier: standard\n  description: ${name} for the deploy benchmark.\n  namespace: ${name}\n`);
  write(`${base}/kustomization.yaml`, `namespace: ${name}\nresources: [namespace.yaml, serviceaccount.yaml, deployment.yaml, service.yaml, pdb.yaml]\nconfigMapGenerator:\n  - name: ${name}-config\n    literals: [LOG_LEVEL=info, SERVICE=${name}]\nimages:\n  - name: app\n    newName: ghcr.io/acme/${name}\n    newTag: "2026.11.3"\n`);
  write(`${base}/namespace.yaml`, `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`);
  write(`${base}/serviceaccount.yaml`, `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n`);
  write(`${base}/service.yaml`, `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector: { app: ${name} }\n  ports: [{ name: http, port: 80, targetPort: 8080 }]\n`);
  write(`${base}/pdb.yaml`, `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: ${name}\nspec:\n  maxUnavailable: 25%\n  selector:\n    matchLabels: { app: ${name} }\n`);
  write(
    `${base}/deployment.yaml`,
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  replicas: 2\n  selector:\n    matchLabels: { app: ${name} }\n  template:\n    metadata:\n      labels: { app: ${name} }\n    spec:\n      serviceAccountName: ${name}\n      containers:\n        - name: ${name}\n          image: app\n          envFrom: [{ configMapRef: { name: ${name}-config } }]\n          resources: { requests: { cpu: 50m, memory: 64Mi } }\n`,
  );
}

/**
 * What the simulated controllers needed, per cluster: from the first write of
 * a deploy to the moment the last workload settled (every replica updated,
 * ready and available on the newest generation). Watched on the stores
 * directly, so nothing of Harbormaster's own watching is in the figure.
 */
class ReadinessTracker {
  private first = new Map<string, number>();
  private settled = new Map<string, number>();
  /** Per workload (`cluster/kind/ns/name`): settled at its last event? Only a change from no to yes moves the time. */
  private state = new Map<string, boolean>();
  private readonly unsubscribe: (() => void)[];

  constructor(fleet: SimFleet) {
    this.unsubscribe = fleet.clusters().map((c) => c.store.subscribe((event) => this.seen(c.name, event)));
  }

  reset(): void {
    this.first.clear();
    this.settled.clear();
  }

  readinessMs(cluster: string): number {
    const first = this.first.get(cluster);
    if (first === undefined) return 0;
    return Math.max(0, (this.settled.get(cluster) ?? first) - first);
  }

  settledAt(cluster: string): number | undefined {
    return this.settled.get(cluster) ?? this.first.get(cluster);
  }

  stop(): void {
    for (const u of this.unsubscribe) u();
  }

  private seen(cluster: string, event: StoreEvent): void {
    const now = performance.now();
    if (!this.first.has(cluster)) this.first.set(cluster, now);
    const o = event.object;
    if (event.type === 'DELETED' || !WORKLOADS.has(o.kind)) return;
    const key = `${cluster}/${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
    const isSettled = settled(o);
    if (isSettled && this.state.get(key) !== true) this.settled.set(cluster, Math.max(this.settled.get(cluster) ?? 0, now));
    this.state.set(key, isSettled);
  }
}

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

function settled(o: KubeObject): boolean {
  const status = (o.status ?? {}) as Record<string, unknown>;
  if (Number(status.observedGeneration ?? 0) < Number(o.metadata.generation ?? 1)) return false;
  const n = (field: string): number => Number(status[field] ?? 0);
  if (o.kind === 'DaemonSet') {
    const want = Number(status.desiredNumberScheduled ?? -1);
    return want >= 0 && [n('updatedNumberScheduled'), n('numberReady'), n('numberAvailable')].every((v) => v === want);
  }
  const want = Number(((o.spec ?? {}) as { replicas?: number }).replicas ?? 1);
  if (o.kind === 'StatefulSet') return n('readyReplicas') === want && n('updatedReplicas') === want && status.currentRevision === status.updateRevision;
  return [n('updatedReplicas'), n('readyReplicas'), n('availableReplicas'), n('replicas')].every((v) => v === want);
}

/**
 * The example estate's fleet as it stands before a rollout: the objects its
 * workloads read that Terraform and external-secrets write (sim-bootstrap.ts).
 * Before the request counters are reset.
 */
async function prepareFleet(fleet: SimFleet, fs: FileSystem): Promise<void> {
  await bootstrapSimFleet(fleet, renderDesired(fs, loadEstate(fs, ESTATE)).objects);
}

function flag(argv: string[], name: string, fallback: number): number {
  const at = argv.indexOf(name);
  return at >= 0 ? Number(argv[at + 1]) : fallback;
}

function printRuns(runs: Run[]): void {
  const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
  process.stdout.write('| deploy | state | objects | changed | write requests | writes / object | writes / changed | rollout | ideal | overhead | command (render + plan + rollout) |\n');
  process.stdout.write('|---|---|---|---|---|---|---|---|---|---|---|\n');
  for (const r of runs) {
    const overhead = r.idealMs > 0 ? `${(((r.rolloutMs - r.idealMs) / r.idealMs) * 100).toFixed(1)}%` : '–';
    const perChanged = r.changed > 0 ? (r.writes / r.changed).toFixed(2) : '–';
    process.stdout.write(
      `| ${r.label} | ${r.state} | ${r.objects} | ${r.changed} | ${r.writes} | ${(r.writes / r.objects).toFixed(3)} | ${perChanged} | ${s(r.rolloutMs)} | ${s(r.idealMs)} | ${overhead} | ${s(r.commandMs)} |\n`,
    );
  }
  process.stdout.write('\nPer wave (slowest cluster readiness + bake = ideal; took = wave-started → wave-finished):\n\n');
  for (const r of runs) {
    const waves = r.waves.map((w) => `${w.name} (${w.clusters}): ready ${s(w.slowestReadyMs)} + bake ${s(w.bakeMs)}, took ${s(w.tookMs)}`).join('; ');
    process.stdout.write(`- ${r.label}: ${waves}; median apply ${s(r.phases.applyMs)}, median settle→healthy ${s(r.phases.detectMs)}\n`);
  }
}

/**
 * The fleet under test and the one-service change: the generated fleet by
 * default, or `--estate DIR` (the example estate: planned clusters made
 * active, the objects it expects to find seeded by prepareFleet).
 */
function fleetUnderTest(argv: string[], work: string): { fs: FileSystem; bump: FileSystem; seed: boolean } {
  const disk = new DiskFileSystem();
  const estateAt = argv.indexOf('--estate');
  if (estateAt < 0) {
    ESTATE = join(work, 'estate');
    generateEstate(ESTATE);
    const bump = edited(disk, ESTATE, [{ file: 'services/auth-api/base/kustomization.yaml', from: 'newTag: "2026.11.3"', to: 'newTag: "2026.11.9"' }]);
    return { fs: disk, bump, seed: false };
  }
  ESTATE = resolve(argv[estateAt + 1]!);
  const fs = twelveClusters(disk);
  const bump = edited(fs, ESTATE, [{ file: 'harbormaster.yaml', from: 'ghcr.io/acme/auth-api: { newTag: "2026.11.3" }', to: 'ghcr.io/acme/auth-api: { newTag: "2026.11.9" }' }]);
  return { fs, bump, seed: true };
}

async function main(argv: string[]): Promise<void> {
  const workload: Partial<SimWorkloadOptions> = { podStartMs: flag(argv, '--pod-start-ms', 1000), readinessMs: flag(argv, '--readiness-ms', 500) };
  const work = mkdtempSync(join(tmpdir(), 'hm-bench-deploy-'));
  const { fs, bump, seed } = fleetUnderTest(argv, work);
  const names = loadEstate(fs, ESTATE).clusters.filter((c) => c.status === 'active').map((c) => c.name);
  const memory = new MemorySampler();
  const fleet = await startSimFleet({ clusters: names.map((name) => ({ name })), workload });
  const tracker = new ReadinessTracker(fleet);
  process.stdout.write(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; ${names.length} simulated clusters in this process; pods start in ${workload.podStartMs} ms, ready ${workload.readinessMs} ms later (±30%)\n\n`);
  try {
    if (seed) await prepareFleet(fleet, fs);
    const journal = join(work, 'journal.db');
    const runs = [await runDeploy('first deploy', fs, fleet, tracker, journal)];
    runs.push(await runDeploy('redeploy, nothing changed', fs, fleet, tracker, journal));
    runs.push(await runDeploy('one service changed (auth-api image)', bump, fleet, tracker, journal));
    printRuns(runs);
  } finally {
    tracker.stop();
    await fleet.stop();
    memory.stop();
    rmSync(work, { recursive: true, force: true });
  }
  const maxRss = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`\npeak RSS ${maxRss.toFixed(0)} MB (sampled ${(memory.rss / 2 ** 20).toFixed(0)} MB), peak heap used ${(memory.heap / 2 ** 20).toFixed(0)} MB — the simulated fleet included\n`);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
