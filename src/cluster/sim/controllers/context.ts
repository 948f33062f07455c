/**
 * What every simulated controller shares: the store, the options, one clock,
 * one random source, the nodes, the work queue, and small helpers to read
 * objects and write their status the way a controller would.
 */
import type { KubeObject, OwnerReference } from '../../types.js';
import { deepEqual, isObject, nowTimestamp, type JsonObject } from '../object-utils.js';
import { keyOf, storeKeyString, type SimStore, type StoreKey } from '../store.js';
import { NodePool } from './nodes.js';
import type { SimWorkloadOptions } from './options.js';
import { SimRandom } from './random.js';
import { Timeline } from './timeline.js';
import { WorkQueue } from './work-queue.js';

/** The manager name controller writes are recorded under in managedFields. */
export const CONTROLLER_MANAGER = 'kube-controller-manager';

export interface Condition extends JsonObject {
  type: string;
  status: 'True' | 'False' | 'Unknown';
}

export class ControllerContext {
  readonly timeline: Timeline;
  readonly queue: WorkQueue;
  readonly random: SimRandom;
  readonly nodes: NodePool;
  /** Wall-clock time each pod (by uid) became Ready, at full precision (timestamps only keep seconds). */
  readonly readySince = new Map<string, number>();
  readonly errors: unknown[] = [];

  constructor(
    readonly store: SimStore,
    readonly options: SimWorkloadOptions,
  ) {
    const onError = (error: unknown) => {
      if (this.errors.length < 100) this.errors.push(error);
    };
    this.timeline = new Timeline(options.timeScale, onError);
    this.queue = new WorkQueue(onError);
    this.random = new SimRandom(options.seed);
    this.nodes = new NodePool(options);
  }

  /** Wall-clock milliseconds for simulated seconds written in a manifest. */
  scaledSeconds(seconds: number): number {
    return seconds * 1000 * this.options.timeScale;
  }

  /** Objects of `kind` whose controller owner is `owner`. */
  owned(owner: KubeObject, kind: string): KubeObject[] {
    const uid = owner.metadata.uid;
    if (!uid) return [];
    return this.store.dependentsOf(uid).filter((o) => o.kind === kind && o.metadata.ownerReferences?.some((r) => r.uid === uid && r.controller));
  }

  /** Writes `status` unless it is what the object already has. */
  writeStatus(object: KubeObject, status: JsonObject): KubeObject {
    if (deepEqual(object.status, status)) return object;
    return this.store.update({ ...object, status }, { subresource: 'status' });
  }

  /** Writes a new spec (scale, bind), keeping everything else. */
  writeSpec(object: KubeObject, spec: JsonObject): KubeObject {
    if (deepEqual(object.spec, spec)) return object;
    return this.store.update({ ...object, spec }, { manager: CONTROLLER_MANAGER });
  }

  /** Creates an object as the controller manager. Pods skip the managedFields entry: nobody applies them, and it is a large share of a pod's cost. */
  create(object: KubeObject): KubeObject {
    return this.store.create(object, object.kind === 'Pod' ? undefined : CONTROLLER_MANAGER);
  }

  /** Cancels a reconcile scheduled with requeueAt. */
  cancelRequeue(purpose: string, key: StoreKey): void {
    this.timeline.cancel(`${purpose}:${storeKeyString(key)}`);
  }

  delete(object: KubeObject): void {
    this.store.delete(keyOf(object));
  }

  /** A name `<prefix><5 chars>` not taken in the namespace (seeded, so runs repeat). */
  freeName(prefix: string, apiVersion: string, kind: string, namespace: string | undefined): string {
    for (;;) {
      const name = prefix + this.random.nameSuffix();
      if (!this.store.get(keyOf({ apiVersion, kind, metadata: { name, namespace } }))) return name;
    }
  }

  /** The wall-clock time a pod became Ready, or undefined when it is not Ready. */
  readyTime(pod: KubeObject): number | undefined {
    const ready = conditionsOf(pod).find((c) => c.type === 'Ready');
    if (ready?.status !== 'True') return undefined;
    const known = this.readySince.get(pod.metadata.uid ?? '');
    if (known !== undefined) return known;
    const parsed = Date.parse(String(ready.lastTransitionTime ?? ''));
    return Number.isFinite(parsed) ? parsed : 0;
  }

  /** Ready for at least minReadySeconds (scaled); otherwise the wall-clock time it will be, for a requeue. */
  availability(pod: KubeObject, minReadySeconds: number): { available: boolean; at?: number } {
    const readyAt = this.readyTime(pod);
    if (readyAt === undefined) return { available: false };
    const at = readyAt + this.scaledSeconds(minReadySeconds);
    return at <= Date.now() ? { available: true } : { available: false, at };
  }

  /** Reconciles `key` again at wall-clock time `at` (a timed transition of status, e.g. minReadySeconds). */
  requeueAt(purpose: string, key: StoreKey, at: number, reconcile: () => void): void {
    const delayMs = Math.max(0, at - Date.now()) + 1;
    const id = `${purpose}:${storeKeyString(key)}`;
    // The timeline counts simulated time; convert back so the wall-clock instant is kept.
    this.timeline.after(id, this.options.timeScale > 0 ? delayMs / this.options.timeScale : 0, reconcile);
  }
}

export function ownerReference(owner: KubeObject): OwnerReference & { blockOwnerDeletion: boolean } {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid ?? '', controller: true, blockOwnerDeletion: true };
}

export function specOf(object: KubeObject): JsonObject {
  return isObject(object.spec) ? object.spec : {};
}

export function statusOf(object: KubeObject): JsonObject {
  return isObject(object.status) ? object.status : {};
}

export function num(record: JsonObject, key: string, fallback = 0): number {
  const value = record[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

export function conditionsOf(object: KubeObject): Condition[] {
  const list = statusOf(object).conditions;
  return Array.isArray(list) ? (list.filter((c) => isObject(c) && typeof c.type === 'string') as Condition[]) : [];
}

/**
 * `conditions` with `next` set: lastTransitionTime moves only when the status
 * changes (as every controller does); other fields are taken from `next`.
 */
export function setCondition(conditions: readonly Condition[], next: Condition, now = nowTimestamp()): Condition[] {
  const index = conditions.findIndex((c) => c.type === next.type);
  const previous = index >= 0 ? conditions[index] : undefined;
  const lastTransitionTime = previous && previous.status === next.status && previous.lastTransitionTime ? previous.lastTransitionTime : now;
  const merged: Condition = { ...next, lastTransitionTime };
  if (previous && deepEqual(previous, merged)) return [...conditions];
  if (index < 0) return [...conditions, merged];
  const out = [...conditions];
  out[index] = merged;
  return out;
}

/** The object's status with zero and empty counts dropped, as Go's omitempty does. */
export function omitZero(status: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(status)) if (value !== 0 && value !== undefined) out[key] = value;
  return out;
}

export { nowTimestamp };
