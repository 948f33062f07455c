/**
 * The simulated nodes and the scheduler's part of the kubelet: which node a
 * pod fits on (nodeSelector, required node affinity, CPU and memory requests
 * against allocatable), with the scheduler's own wording when none does.
 * Placement is least-allocated first, so pods spread like they do by default.
 */
import type { KubeObject } from '../../types.js';
import { isObject, type JsonObject } from '../object-utils.js';
import type { SimWorkloadOptions } from './options.js';
import { milliCpu, parseQuantity } from './quantity.js';

export interface SimNode {
  name: string;
  labels: Record<string, string>;
  cpuMilli: number;
  memoryBytes: number;
  usedCpu: number;
  usedMemory: number;
  /** Pods placed on the node (ties between equally loaded nodes go to the emptier one). */
  pods: number;
  /** Addresses: node i is 10.0.i.10, its pods 10.(244+i).x.y. */
  index: number;
}

export interface Requests {
  cpuMilli: number;
  memoryBytes: number;
}

export type Placement = { node: SimNode } | { unschedulable: string };

const ZONES = ['a', 'b', 'c'];

export class NodePool {
  readonly nodes: SimNode[];
  readonly #reserved = new Map<string, { node: SimNode; requests: Requests }>();

  constructor(options: SimWorkloadOptions) {
    this.nodes = Array.from({ length: options.nodes }, (_, i) => {
      const name = `sim-node-${i + 1}`;
      return {
        name,
        index: i,
        labels: {
          'kubernetes.io/hostname': name,
          'kubernetes.io/os': 'linux',
          'kubernetes.io/arch': 'amd64',
          'topology.kubernetes.io/zone': `sim-zone-${ZONES[i % ZONES.length]}`,
          'node.kubernetes.io/instance-type': 'sim.large',
          ...options.nodeLabels,
        },
        cpuMilli: milliCpu(options.nodeAllocatable.cpu),
        memoryBytes: parseQuantity(options.nodeAllocatable.memory),
        usedCpu: 0,
        usedMemory: 0,
        pods: 0,
      };
    });
  }

  byName(name: string): SimNode | undefined {
    return this.nodes.find((n) => n.name === name);
  }

  /** Nodes whose labels satisfy a pod spec's nodeSelector and required node affinity. */
  eligible(podSpec: JsonObject): SimNode[] {
    return this.nodes.filter((node) => matchesNode(podSpec, node.labels));
  }

  /** Where the scheduler would put the pod now, or the reason it cannot. */
  place(pod: KubeObject): Placement {
    const spec = isObject(pod.spec) ? pod.spec : {};
    const requests = podRequests(spec);
    const total = this.nodes.length;
    const selectorMisses = this.nodes.filter((node) => !matchesNode(spec, node.labels)).length;
    let cpuMisses = 0;
    let memoryMisses = 0;
    let best: SimNode | undefined;
    for (const node of this.nodes) {
      if (!matchesNode(spec, node.labels)) continue;
      const cpuFits = node.usedCpu + requests.cpuMilli <= node.cpuMilli;
      const memoryFits = node.usedMemory + requests.memoryBytes <= node.memoryBytes;
      if (!cpuFits) cpuMisses++;
      if (!memoryFits) memoryMisses++;
      if (cpuFits && memoryFits && (!best || load(node) < load(best))) best = node;
    }
    if (best) return { node: best };
    return { unschedulable: unschedulableMessage(total, selectorMisses, cpuMisses, memoryMisses) };
  }

  /** Counts the pod's requests against the node (idempotent per pod uid). */
  reserve(uid: string, node: SimNode, pod: KubeObject): void {
    if (this.#reserved.has(uid)) return;
    const requests = podRequests(isObject(pod.spec) ? pod.spec : {});
    node.usedCpu += requests.cpuMilli;
    node.usedMemory += requests.memoryBytes;
    node.pods++;
    this.#reserved.set(uid, { node, requests });
  }

  /** Frees what a pod held; true when it held something. */
  release(uid: string): boolean {
    const held = this.#reserved.get(uid);
    if (!held) return false;
    held.node.usedCpu -= held.requests.cpuMilli;
    held.node.usedMemory -= held.requests.memoryBytes;
    held.node.pods--;
    this.#reserved.delete(uid);
    return true;
  }
}

/** Least-allocated scoring (CPU and memory fractions), then the fewest pods. */
function load(node: SimNode): number {
  const cpu = node.cpuMilli ? node.usedCpu / node.cpuMilli : 1;
  const memory = node.memoryBytes ? node.usedMemory / node.memoryBytes : 1;
  return cpu + memory + node.pods * 1e-6;
}

/** Sum of the containers' requests (limits stand in for absent requests, as the API server defaults them). */
export function podRequests(podSpec: JsonObject): Requests {
  const containers = Array.isArray(podSpec.containers) ? podSpec.containers.filter(isObject) : [];
  let cpuMilli = 0;
  let memoryBytes = 0;
  for (const container of containers) {
    const resources = isObject(container.resources) ? container.resources : {};
    const requests = isObject(resources.requests) ? resources.requests : {};
    const limits = isObject(resources.limits) ? resources.limits : {};
    cpuMilli += milliCpu(requests.cpu ?? limits.cpu);
    memoryBytes += parseQuantity(requests.memory ?? limits.memory);
  }
  return { cpuMilli, memoryBytes };
}

function unschedulableMessage(total: number, selectorMisses: number, cpuMisses: number, memoryMisses: number): string {
  const reasons: string[] = [];
  if (cpuMisses) reasons.push(`${cpuMisses} Insufficient cpu`);
  if (memoryMisses) reasons.push(`${memoryMisses} Insufficient memory`);
  if (selectorMisses) reasons.push(`${selectorMisses} node(s) didn't match Pod's node affinity/selector`);
  if (total === 0) return 'no nodes available to schedule pods';
  const resourceMisses = total - selectorMisses;
  const preemption = resourceMisses > 0
    ? `preemption: 0/${total} nodes are available: ${resourceMisses} No preemption victims found for incoming pod${selectorMisses ? `, ${selectorMisses} Preemption is not helpful for scheduling` : ''}.`
    : `preemption: 0/${total} nodes are available: ${total} Preemption is not helpful for scheduling.`;
  return `0/${total} nodes are available: ${reasons.join(', ')}. ${preemption}`;
}

function matchesNode(podSpec: JsonObject, labels: Record<string, string>): boolean {
  const selector = isObject(podSpec.nodeSelector) ? podSpec.nodeSelector : {};
  for (const [key, value] of Object.entries(selector)) if (labels[key] !== value) return false;
  const affinity = isObject(podSpec.affinity) && isObject(podSpec.affinity.nodeAffinity) ? podSpec.affinity.nodeAffinity : {};
  const required = isObject(affinity.requiredDuringSchedulingIgnoredDuringExecution) ? affinity.requiredDuringSchedulingIgnoredDuringExecution : undefined;
  const terms = required && Array.isArray(required.nodeSelectorTerms) ? required.nodeSelectorTerms.filter(isObject) : [];
  return terms.length === 0 || terms.some((term) => termMatches(term, labels));
}

/** One nodeSelectorTerm: every matchExpression holds (matchFields are not simulated and pass). */
function termMatches(term: JsonObject, labels: Record<string, string>): boolean {
  const expressions = Array.isArray(term.matchExpressions) ? term.matchExpressions.filter(isObject) : [];
  return expressions.every((e) => {
    const value = labels[String(e.key)];
    const values = Array.isArray(e.values) ? e.values.map(String) : [];
    switch (e.operator) {
      case 'In': return value !== undefined && values.includes(value);
      case 'NotIn': return value === undefined || !values.includes(value);
      case 'Exists': return value !== undefined;
      case 'DoesNotExist': return value === undefined;
      case 'Gt': return value !== undefined && Number(value) > Number(values[0]);
      case 'Lt': return value !== undefined && Number(value) < Number(values[0]);
      default: return false;
    }
  });
}
