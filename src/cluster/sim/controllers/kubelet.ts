/**
 * The scheduler and kubelet of the simulated nodes, for every pod: bind to a
 * node (or report Unschedulable), pull and create containers after podStartMs,
 * become Ready after readinessMs, and play the faults the options and the pod
 * spec ask for (image pull errors, crash loops, missing ConfigMaps/Secrets).
 * Each step is a keyed task on the shared timeline; nothing polls.
 */
import type { KubeObject } from '../../types.js';
import { isObject, type JsonObject } from '../object-utils.js';
import { keyOf, type StoreKey } from '../store.js';
import { missingEnvReference, missingVolumeSource } from './config-refs.js';
import { nowTimestamp, specOf, statusOf, type ControllerContext } from './context.js';
import { containerFate, isSlowContainer } from './images.js';
import { buildPodStatus, newContainerRuntime, phaseOf, podIsReady, type ContainerRuntime, type PodRuntime } from './pod-status.js';
import { ContainerLifecycle } from './container-lifecycle.js';

export class Kubelet {
  readonly #runtimes = new Map<string, PodRuntime>();
  /** Pods waiting for a ConfigMap or Secret, by namespace. */
  readonly #waitingForConfig = new Map<string, Set<string>>();
  readonly #unschedulable = new Map<string, StoreKey>();
  readonly #lifecycle: ContainerLifecycle;
  #podIPs = 0;

  constructor(private readonly ctx: ControllerContext) {
    this.#lifecycle = new ContainerLifecycle(ctx, (uid) => this.#runtimes.get(uid), (runtime) => this.publish(runtime));
  }

  /** Brings a pod's status up to date with what the node is doing; called on every pod event. */
  reconcile(key: StoreKey): void {
    const pod = this.ctx.store.get(key);
    if (!pod?.metadata.uid || pod.metadata.deletionTimestamp) return;
    const phase = statusOf(pod).phase;
    const runtime = this.#runtimes.get(pod.metadata.uid);
    if (!runtime && (phase === 'Succeeded' || phase === 'Failed')) return;
    if (!runtime) return this.#admit(pod);
    if (!runtime.scheduled) this.#schedule(pod, runtime);
  }

  /** A pod left the store: drop its tasks and give its node capacity back to waiting pods. */
  forget(pod: KubeObject): void {
    const uid = pod.metadata.uid ?? '';
    this.#lifecycle.cancelAll(uid);
    this.#runtimes.delete(uid);
    this.#unschedulable.delete(uid);
    this.#waitingForConfig.get(pod.metadata.namespace ?? '')?.delete(uid);
    this.ctx.readySince.delete(uid);
    if (this.ctx.nodes.release(uid)) this.#retryUnschedulable();
  }

  /** A ConfigMap or Secret appeared or changed: pods of that namespace waiting for one try again. */
  configChanged(namespace: string): void {
    const waiting = this.#waitingForConfig.get(namespace);
    if (!waiting?.size) return;
    for (const uid of [...waiting]) this.ctx.queue.add(`kubelet-config:${uid}`, () => this.#startContainers(uid));
  }

  /** Writes the runtime's status (and notes readiness and terminal phases). */
  publish(runtime: PodRuntime): void {
    const pod = this.ctx.store.get(runtime.key);
    if (!pod || pod.metadata.uid !== runtime.uid) return;
    if (podIsReady(runtime)) {
      if (!this.ctx.readySince.has(runtime.uid)) this.ctx.readySince.set(runtime.uid, Date.now());
    } else this.ctx.readySince.delete(runtime.uid);
    const phase = phaseOf(runtime);
    if ((phase === 'Succeeded' || phase === 'Failed') && this.ctx.nodes.release(runtime.uid)) this.#retryUnschedulable();
    this.ctx.writeStatus(pod, buildPodStatus(pod, runtime, nowTimestamp()));
  }

  #admit(pod: KubeObject): void {
    const spec = specOf(pod);
    const containers = (list: unknown, reason: string): ContainerRuntime[] =>
      (Array.isArray(list) ? list.filter(isObject) : []).map((c) => newContainerRuntime(c, containerFate(c, this.ctx.options), isSlowContainer(c, this.ctx.options), reason));
    const hasInit = Array.isArray(spec.initContainers) && spec.initContainers.length > 0;
    const restartPolicy = spec.restartPolicy === 'Never' || spec.restartPolicy === 'OnFailure' ? spec.restartPolicy : 'Always';
    const runtime: PodRuntime = {
      uid: pod.metadata.uid ?? '',
      key: keyOf(pod),
      scheduled: false,
      initContainers: containers(spec.initContainers, 'PodInitializing'),
      containers: containers(spec.containers, hasInit ? 'PodInitializing' : 'ContainerCreating'),
      pullAttempts: 0,
      restartPolicy,
    };
    this.#runtimes.set(runtime.uid, runtime);
    this.#schedule(pod, runtime);
  }

  #schedule(pod: KubeObject, runtime: PodRuntime): void {
    const spec = specOf(pod);
    const preset = typeof spec.nodeName === 'string' && spec.nodeName ? this.ctx.nodes.byName(spec.nodeName) ?? this.ctx.nodes.nodes[0] : undefined;
    const placement = preset ? { node: preset } : this.ctx.nodes.place(pod);
    if ('unschedulable' in placement) {
      runtime.unschedulable = placement.unschedulable;
      this.#unschedulable.set(runtime.uid, runtime.key);
      this.ctx.writeStatus(pod, buildPodStatus(pod, runtime, nowTimestamp()));
      return;
    }
    const node = placement.node;
    this.ctx.nodes.reserve(runtime.uid, node, pod);
    this.#unschedulable.delete(runtime.uid);
    Object.assign(runtime, { scheduled: true, unschedulable: undefined, node, startTime: nowTimestamp() });
    const bound: KubeObject = { ...pod, spec: { ...spec, nodeName: node.name } };
    this.ctx.store.update({ ...bound, status: buildPodStatus(pod, runtime, nowTimestamp()) }, { wholeObject: true });
    const delay = this.ctx.random.jittered(this.ctx.options.podStartMs, this.ctx.options.jitter);
    this.ctx.timeline.after(`start:${runtime.uid}`, delay, () => this.#startContainers(runtime.uid));
  }

  /** Sandbox up, volumes mounted, then init containers and containers created (each may fail its own way). */
  #startContainers(uid: string): void {
    const runtime = this.#runtimes.get(uid);
    const pod = runtime && this.ctx.store.get(runtime.key);
    if (!runtime || !pod || pod.metadata.uid !== uid) return;
    const namespace = pod.metadata.namespace ?? '';
    if (!runtime.podIP && runtime.node) runtime.podIP = this.#nextPodIP(runtime.node.index);
    if (missingVolumeSource(this.ctx.store, namespace, specOf(pod))) {
      this.#waitForConfig(namespace, uid, true); // stays ContainerCreating, as a real kubelet does
      return this.publish(runtime);
    }
    const create = this.#creator(pod, runtime);
    if (this.#runInitContainers(runtime, create)) for (const c of runtime.containers) if (isStartable(c)) create('containers', c);
    const configError = [...runtime.initContainers, ...runtime.containers].some((c) => c.state.kind === 'waiting' && c.state.reason === 'CreateContainerConfigError');
    this.#waitForConfig(namespace, uid, configError);
    this.publish(runtime);
  }

  /** Creates one container of the pod, checking its env references first. */
  #creator(pod: KubeObject, runtime: PodRuntime): (field: 'initContainers' | 'containers', c: ContainerRuntime) => boolean {
    const spec = specOf(pod);
    const namespace = pod.metadata.namespace ?? '';
    return (field, c) => {
      const list = Array.isArray(spec[field]) ? (spec[field] as unknown[]).filter(isObject) : [];
      const containerSpec: JsonObject = list.find((item) => item.name === c.name) ?? {};
      return this.#lifecycle.create(runtime, c, missingEnvReference(this.ctx.store, namespace, containerSpec), field === 'initContainers');
    };
  }

  /** Init containers run one after another; true when all of them have completed. */
  #runInitContainers(runtime: PodRuntime, create: (field: 'initContainers', c: ContainerRuntime) => boolean): boolean {
    for (const init of runtime.initContainers) {
      if (init.state.kind === 'terminated') continue;
      if (!isStartable(init) || !create('initContainers', init)) return false;
    }
    return true;
  }

  #waitForConfig(namespace: string, uid: string, waiting: boolean): void {
    let set = this.#waitingForConfig.get(namespace);
    if (!waiting) return void set?.delete(uid);
    if (!set) this.#waitingForConfig.set(namespace, (set = new Set()));
    set.add(uid);
  }

  #retryUnschedulable(): void {
    for (const key of this.#unschedulable.values()) this.ctx.queue.add(`kubelet-schedule:${key.namespace}/${key.name}`, () => this.reconcile(key));
  }

  #nextPodIP(nodeIndex: number): string {
    const n = ++this.#podIPs;
    return `10.${244 + (nodeIndex % 10)}.${(n >> 8) & 255}.${n & 255}`;
  }
}

/** Waiting to be created (first time, behind init containers, or for a missing ConfigMap/Secret); pull errors retry on their own timer. */
function isStartable(c: ContainerRuntime): boolean {
  return c.state.kind === 'waiting' && (c.state.reason === 'ContainerCreating' || c.state.reason === 'PodInitializing' || c.state.reason === 'CreateContainerConfigError');
}
