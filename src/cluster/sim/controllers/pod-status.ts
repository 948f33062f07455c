/**
 * The simulated kubelet's memory of one pod (per-container state, restarts,
 * node, IP) and the pod status it reports from it, shaped like the real one:
 * phase, the pod conditions of Kubernetes 1.26 (Initialized, Ready, ContainersReady, PodScheduled), containerStatuses with state/lastState,
 * restartCount, image and imageID, host and pod IPs, qosClass.
 */
import { createHash } from 'node:crypto';
import type { KubeObject } from '../../types.js';
import { isObject, type JsonObject } from '../object-utils.js';
import type { StoreKey } from '../store.js';
import { conditionsOf, setCondition, type Condition } from './context.js';
import type { ContainerFate } from './images.js';
import type { SimNode } from './nodes.js';

export type ContainerState =
  | { kind: 'waiting'; reason: string; message?: string }
  | { kind: 'running'; startedAt: string }
  | { kind: 'terminated'; exitCode: number; reason: string; startedAt: string; finishedAt: string };

type Terminated = Extract<ContainerState, { kind: 'terminated' }>;

export interface ContainerRuntime {
  name: string;
  image: string;
  fate: ContainerFate;
  slow: boolean;
  state: ContainerState;
  lastTerminated?: Terminated;
  ready: boolean;
  restarts: number;
  containerId?: string;
  /** Has it ever run (then imageID is known)? */
  pulled: boolean;
}

export interface PodRuntime {
  uid: string;
  key: StoreKey;
  scheduled: boolean;
  unschedulable?: string;
  node?: SimNode;
  podIP?: string;
  startTime?: string;
  initContainers: ContainerRuntime[];
  containers: ContainerRuntime[];
  pullAttempts: number;
  /** restartPolicy: Always restarts crashed containers, Never lets the pod fail. */
  restartPolicy: 'Always' | 'OnFailure' | 'Never';
}

export function newContainerRuntime(container: JsonObject, fate: ContainerFate, slow: boolean, reason: string): ContainerRuntime {
  return { name: String(container.name ?? ''), image: String(container.image ?? ''), fate, slow, state: { kind: 'waiting', reason }, ready: false, restarts: 0, pulled: false };
}

export function phaseOf(runtime: PodRuntime): 'Pending' | 'Running' | 'Succeeded' | 'Failed' {
  const containers = runtime.containers;
  if (containers.length > 0 && containers.every((c) => c.state.kind === 'terminated')) {
    return containers.every((c) => c.state.kind === 'terminated' && c.state.exitCode === 0) ? 'Succeeded' : 'Failed';
  }
  return containers.some((c) => c.state.kind === 'running' || c.restarts > 0 || c.lastTerminated) ? 'Running' : 'Pending';
}

function initialized(runtime: PodRuntime): boolean {
  return runtime.initContainers.every((c) => c.state.kind === 'terminated' && c.state.exitCode === 0);
}

export function podIsReady(runtime: PodRuntime): boolean {
  return phaseOf(runtime) === 'Running' && runtime.containers.every((c) => c.ready);
}

/** The status the kubelet writes for this runtime, keeping condition transition times from `pod`. */
export function buildPodStatus(pod: KubeObject, runtime: PodRuntime, now: string): JsonObject {
  const phase = phaseOf(runtime);
  const status: JsonObject = { phase, conditions: podConditions(pod, runtime, phase, now), qosClass: qosClass(pod) };
  if (!runtime.scheduled) return status;
  if (runtime.node) {
    const hostIP = nodeIP(runtime.node);
    status.hostIP = hostIP;
    status.hostIPs = [{ ip: hostIP }];
  }
  if (runtime.podIP && phase !== 'Pending') {
    status.podIP = runtime.podIP;
    status.podIPs = [{ ip: runtime.podIP }];
  }
  if (runtime.startTime) status.startTime = runtime.startTime;
  if (runtime.initContainers.length) status.initContainerStatuses = runtime.initContainers.map(containerStatus);
  status.containerStatuses = runtime.containers.map(containerStatus);
  return status;
}

function podConditions(pod: KubeObject, runtime: PodRuntime, phase: string, now: string): Condition[] {
  let conditions = conditionsOf(pod);
  const set = (c: Condition) => {
    conditions = setCondition(conditions, { lastProbeTime: null, ...c }, now);
  };
  if (!runtime.scheduled) {
    set({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: runtime.unschedulable ?? '' });
    return conditions;
  }
  const done = phase === 'Succeeded' || phase === 'Failed';
  const unready = runtime.containers.filter((c) => !c.ready).map((c) => c.name);
  const ready = !done && unready.length === 0;
  const notReady = done ? { reason: 'PodCompleted' } : { reason: 'ContainersNotReady', message: `containers with unready status: [${unready.join(' ')}]` };
  const pendingInit = runtime.initContainers.filter((c) => !(c.state.kind === 'terminated' && c.state.exitCode === 0)).map((c) => c.name);
  set(initialized(runtime) ? { type: 'Initialized', status: 'True' } : { type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: `containers with incomplete status: [${pendingInit.join(' ')}]` });
  set(ready ? { type: 'Ready', status: 'True' } : { type: 'Ready', status: 'False', ...notReady });
  set(ready ? { type: 'ContainersReady', status: 'True' } : { type: 'ContainersReady', status: 'False', ...notReady });
  set({ type: 'PodScheduled', status: 'True' });
  return conditions;
}

function containerStatus(c: ContainerRuntime): JsonObject {
  const out: JsonObject = {
    name: c.name,
    image: c.image,
    imageID: c.pulled ? imageId(c.image) : '',
    ready: c.ready,
    restartCount: c.restarts,
    started: c.state.kind === 'running',
    state: stateJson(c.state),
    lastState: c.lastTerminated ? stateJson(c.lastTerminated) : {},
  };
  if (c.containerId) out.containerID = c.containerId;
  return out;
}

function stateJson(state: ContainerState): JsonObject {
  if (state.kind === 'waiting') return { waiting: state.message ? { reason: state.reason, message: state.message } : { reason: state.reason } };
  if (state.kind === 'running') return { running: { startedAt: state.startedAt } };
  const { kind: _kind, ...terminated } = state;
  return { terminated };
}

const imageIds = new Map<string, string>();

function imageId(image: string): string {
  const known = imageIds.get(image);
  if (known) return known;
  if (imageIds.size > 10_000) imageIds.clear();
  const repository = image.replace(/@.*$/, '').replace(/:[^/:]*$/, '');
  const id = `${repository}@sha256:${createHash('sha256').update(image).digest('hex')}`;
  imageIds.set(image, id);
  return id;
}

export function nodeIP(node: SimNode): string {
  return `10.0.${node.index}.10`;
}

/** Guaranteed when every container's requests equal its limits for CPU and memory; BestEffort with none at all. */
export function qosClass(pod: KubeObject): string {
  const spec = isObject(pod.spec) ? pod.spec : {};
  const containers = Array.isArray(spec.containers) ? spec.containers.filter(isObject) : [];
  let any = false;
  let guaranteed = containers.length > 0;
  for (const container of containers) {
    const resources = isObject(container.resources) ? container.resources : {};
    const requests = isObject(resources.requests) ? resources.requests : {};
    const limits = isObject(resources.limits) ? resources.limits : {};
    if (Object.keys(requests).length || Object.keys(limits).length) any = true;
    for (const resource of ['cpu', 'memory']) {
      if (limits[resource] === undefined || (requests[resource] !== undefined && requests[resource] !== limits[resource])) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
