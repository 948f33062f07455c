/**
 * What happens to a container once the kubelet tries to create it, as timed
 * tasks: Ready after readinessMs; a crashing container exits after
 * crashAfterMs and restarts after a doubling back-off (CrashLoopBackOff); an
 * unpullable image alternates ErrImagePull and ImagePullBackOff with a
 * doubling back-off; a Job's container completes after jobDurationMs.
 */
import { nowTimestamp, type ControllerContext } from './context.js';
import { createHash } from 'node:crypto';
import type { ContainerRuntime, PodRuntime } from './pod-status.js';

const MAX_BACKOFF_MS = 300_000;
/** How long ErrImagePull shows before the kubelet reports the back-off. */
const ERR_IMAGE_PULL_VISIBLE_MS = 1000;
const TASKS = ['ready', 'slow', 'crash', 'restart', 'pull', 'complete'] as const;

export class ContainerLifecycle {
  #containerIds = 0;

  constructor(
    private readonly ctx: ControllerContext,
    private readonly runtimeOf: (uid: string) => PodRuntime | undefined,
    private readonly publish: (runtime: PodRuntime) => void,
  ) {}

  /** Tries to create `c`; true when it started (or, for an init container, completed). */
  create(runtime: PodRuntime, c: ContainerRuntime, configProblem: string | undefined, init: boolean): boolean {
    const now = nowTimestamp();
    if (c.fate === 'invalidImage') {
      c.state = { kind: 'waiting', reason: 'InvalidImageName', message: `Failed to apply default image tag "${c.image}": couldn't parse image name "${c.image}": invalid reference format` };
      return false;
    }
    if (c.fate === 'badImage') {
      c.state = { kind: 'waiting', reason: 'ErrImagePull', message: pullError(c.image) };
      if (!this.ctx.timeline.has(this.#key('pull', runtime))) this.#after('pull', runtime, ERR_IMAGE_PULL_VISIBLE_MS, () => this.#pullTick(runtime.uid));
      return false;
    }
    if (configProblem) {
      c.state = { kind: 'waiting', reason: 'CreateContainerConfigError', message: configProblem };
      return false;
    }
    c.pulled = true;
    c.containerId = this.#newContainerId(runtime, c);
    if (init) {
      c.state = { kind: 'terminated', exitCode: 0, reason: 'Completed', startedAt: now, finishedAt: now };
      return true;
    }
    c.state = { kind: 'running', startedAt: now };
    this.#scheduleRunning(runtime, c);
    return true;
  }

  cancelAll(uid: string): void {
    for (const task of TASKS) this.ctx.timeline.cancel(`${task}:${uid}`);
  }

  #scheduleRunning(runtime: PodRuntime, c: ContainerRuntime): void {
    const { options, random } = this.ctx;
    if (c.fate === 'crash') return this.#after('crash', runtime, options.crashAfterMs, () => this.#crash(runtime.uid));
    if (runtime.restartPolicy !== 'Always') {
      c.ready = true; // a Job's pod has no readiness probe: Ready while it runs
      if (!this.ctx.timeline.has(this.#key('complete', runtime))) this.#after('complete', runtime, random.jittered(options.jobDurationMs, options.jitter), () => this.#complete(runtime.uid));
      return;
    }
    const task = c.slow ? 'slow' : 'ready';
    const delay = c.slow ? options.slowReadinessMs : options.readinessMs;
    if (!this.ctx.timeline.has(this.#key(task, runtime))) this.#after(task, runtime, random.jittered(delay, options.jitter), () => this.#ready(runtime.uid, c.slow));
  }

  #ready(uid: string, slow: boolean): void {
    this.#update(uid, (runtime) => {
      for (const c of runtime.containers) if (c.state.kind === 'running' && c.fate === 'ok' && c.slow === slow) c.ready = true;
    });
  }

  #crash(uid: string): void {
    this.#update(uid, (runtime) => {
      const now = nowTimestamp();
      let backoff = 0;
      for (const c of runtime.containers) {
        if (c.fate !== 'crash' || c.state.kind !== 'running') continue;
        const exited = { kind: 'terminated' as const, exitCode: 1, reason: 'Error', startedAt: c.state.startedAt, finishedAt: now, containerID: c.containerId };
        c.ready = false;
        if (runtime.restartPolicy === 'Never') {
          c.state = exited;
          continue;
        }
        c.lastTerminated = exited;
        c.restarts++;
        backoff = Math.min(this.ctx.options.crashBackoffMs * 2 ** (c.restarts - 1), MAX_BACKOFF_MS);
        c.state = { kind: 'waiting', reason: 'CrashLoopBackOff', message: `back-off ${goDuration(backoff)} restarting failed container=${c.name} pod=${runtime.key.name}_${runtime.key.namespace ?? ''}(${uid})` };
      }
      if (backoff > 0) this.#after('restart', runtime, backoff, () => this.#restart(uid));
    });
  }

  #restart(uid: string): void {
    this.#update(uid, (runtime) => {
      for (const c of runtime.containers) {
        if (c.fate !== 'crash' || c.state.kind !== 'waiting') continue;
        c.containerId = this.#newContainerId(runtime, c);
        c.state = { kind: 'running', startedAt: nowTimestamp() };
      }
      this.#after('crash', runtime, this.ctx.options.crashAfterMs, () => this.#crash(uid));
    });
  }

  /** ErrImagePull → ImagePullBackOff (for a doubling back-off) → ErrImagePull again, for every unpullable container. */
  #pullTick(uid: string): void {
    this.#update(uid, (runtime) => {
      const unpullable = [...runtime.initContainers, ...runtime.containers].filter((c) => c.fate === 'badImage' && c.state.kind === 'waiting');
      if (unpullable.length === 0) return;
      const inBackoff = unpullable[0]!.state.kind === 'waiting' && unpullable[0]!.state.reason === 'ImagePullBackOff';
      for (const c of unpullable) {
        c.state = inBackoff
          ? { kind: 'waiting', reason: 'ErrImagePull', message: pullError(c.image) }
          : { kind: 'waiting', reason: 'ImagePullBackOff', message: `Back-off pulling image "${c.image}": ErrImagePull: ${pullError(c.image)}` };
      }
      if (inBackoff) return this.#after('pull', runtime, ERR_IMAGE_PULL_VISIBLE_MS, () => this.#pullTick(uid));
      const backoff = Math.min(this.ctx.options.imagePullBackoffMs * 2 ** runtime.pullAttempts++, MAX_BACKOFF_MS);
      this.#after('pull', runtime, backoff, () => this.#pullTick(uid));
    });
  }

  #complete(uid: string): void {
    this.#update(uid, (runtime) => {
      const now = nowTimestamp();
      for (const c of runtime.containers) {
        if (c.state.kind !== 'running' || c.fate !== 'ok') continue;
        c.state = { kind: 'terminated', exitCode: 0, reason: 'Completed', startedAt: c.state.startedAt, finishedAt: now };
        c.ready = false;
      }
    });
  }

  #update(uid: string, change: (runtime: PodRuntime) => void): void {
    const runtime = this.runtimeOf(uid);
    if (!runtime) return;
    change(runtime);
    this.publish(runtime);
  }

  #key(task: (typeof TASKS)[number], runtime: PodRuntime): string {
    return `${task}:${runtime.uid}`;
  }

  #after(task: (typeof TASKS)[number], runtime: PodRuntime, simulatedMs: number, run: () => void): void {
    this.ctx.timeline.after(this.#key(task, runtime), simulatedMs, run);
  }

  #newContainerId(runtime: PodRuntime, c: ContainerRuntime): string {
    const seed = `${runtime.uid}/${c.name}/${++this.#containerIds}`;
    return `containerd://${createHash('sha256').update(seed).digest('hex')}`;
  }
}

function pullError(image: string): string {
  const reference = image.includes('/') ? image : `docker.io/library/${image}`;
  return `rpc error: code = NotFound desc = failed to pull and unpack image "${reference}": failed to resolve reference "${reference}": ${reference}: not found`;
}

/** Go's time.Duration formatting for whole seconds: 10s, 1m20s, 5m0s. */
function goDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  return `${Math.floor(seconds / 60)}m${seconds % 60}s`;
}
