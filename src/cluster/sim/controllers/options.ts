/**
 * Knobs of the simulated workload: how long pods take, which images fail, how
 * big the nodes are. Durations are *simulated* milliseconds; every one of them
 * (and the seconds a manifest states: progressDeadlineSeconds, minReadySeconds,
 * activeDeadlineSeconds) is multiplied by `timeScale` to get wall-clock time,
 * so a test can run a ten-minute progress deadline in a few milliseconds.
 * Image patterns are globs where `*` matches any run of characters.
 */
export interface SimWorkloadOptions {
  /** Wall-clock milliseconds per simulated millisecond: 1 = real time, 0.01 = a hundred times faster. */
  timeScale: number;
  /** From scheduling to containers running (image pull + container creation). */
  podStartMs: number;
  /** From running to Ready (the readiness probe's first success). */
  readinessMs: number;
  /** Random spread of podStartMs/readinessMs/jobDurationMs: each is multiplied by 1 ± jitter. */
  jitter: number;
  /** Seed of the pseudo-random generator (jitter, pod name suffixes): same seed, same run. */
  seed: number;
  /** Simulated nodes; DaemonSets run one pod on each. */
  nodes: number;
  /** What each node offers the scheduler (Kubernetes quantities). */
  nodeAllocatable: { cpu: string; memory: string };
  /** Labels every node carries besides kubernetes.io/hostname, os, arch and a zone (for nodeSelector). */
  nodeLabels: Record<string, string>;
  /** Images whose pull fails: ErrImagePull, then ImagePullBackOff. */
  badImages: string[];
  /** Images whose container exits with status 1 after crashAfterMs: CrashLoopBackOff (env SIM_CRASH=1 does the same). */
  crashImages: string[];
  /** Images whose readiness takes slowReadinessMs instead of readinessMs (env SIM_SLOW_READY=1 does the same). */
  slowImages: string[];
  /** Readiness delay of slow containers. */
  slowReadinessMs: number;
  /** How long a crashing container runs before it exits. */
  crashAfterMs: number;
  /** The kubelet's first crash back-off; doubles per restart up to 5 minutes. */
  crashBackoffMs: number;
  /** The kubelet's first image-pull back-off; doubles per attempt up to 5 minutes. */
  imagePullBackoffMs: number;
  /** From a LoadBalancer Service's creation to status.loadBalancer.ingress. */
  loadBalancerMs: number;
  /** From a PersistentVolumeClaim's creation to Bound. */
  pvcBindMs: number;
  /** How long a Job's pod runs before it succeeds. */
  jobDurationMs: number;
}

/** A quick but believable demo: a fresh 64-replica Deployment is ready in about 1.5 s, a rolling update of it in a few seconds. */
export const DEFAULT_SIM_WORKLOAD_OPTIONS: Readonly<SimWorkloadOptions> = Object.freeze({
  timeScale: 1,
  podStartMs: 1000,
  readinessMs: 500,
  jitter: 0.3,
  seed: 1,
  nodes: 3,
  nodeAllocatable: { cpu: '64', memory: '256Gi' },
  nodeLabels: {},
  badImages: ['*:doesnotexist', '*:does-not-exist', 'invalid.example/*'],
  crashImages: [],
  slowImages: [],
  slowReadinessMs: 30_000,
  crashAfterMs: 1000,
  crashBackoffMs: 10_000,
  imagePullBackoffMs: 10_000,
  loadBalancerMs: 2000,
  pvcBindMs: 500,
  jobDurationMs: 2000,
});

/** Fills what `partial` leaves out from the defaults (fields given as undefined count as left out). */
export function resolveSimWorkloadOptions(partial: Partial<SimWorkloadOptions> = {}): SimWorkloadOptions {
  const resolved: SimWorkloadOptions = { ...DEFAULT_SIM_WORKLOAD_OPTIONS };
  for (const [key, value] of Object.entries(partial)) {
    if (value !== undefined && key in resolved) (resolved as unknown as Record<string, unknown>)[key] = value;
  }
  if (!(resolved.timeScale >= 0)) throw new Error(`simulated workload: timeScale must be a number >= 0, got ${String(resolved.timeScale)}`);
  if (!(resolved.nodes >= 0)) throw new Error(`simulated workload: nodes must be >= 0, got ${String(resolved.nodes)}`);
  return resolved;
}
