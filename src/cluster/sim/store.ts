/**
 * The object store of one simulated cluster: in-process, synchronous and
 * watchable. The REST layer (routes.ts, apply.ts, watch.ts) serves it over
 * HTTP, and the simulated controllers (controllers/) read and write it
 * directly, the way kube-controller-manager and the kubelet would through the
 * API server.
 *
 * Objects handed out are deeply frozen, never copied: reads are free (a list
 * of 400 pods shares the stored values) and a caller that mutates one fails
 * loudly. To change an object, build a new one (spread the parts you keep —
 * shared frozen subtrees are not copied again and compare in O(1)) and pass it
 * to update(). The store takes ownership of what you pass to create()/update():
 * it freezes those values in place, so do not edit them afterwards.
 */
import { groupOf, type DeletePropagation, type KubeObject, type ObjectMeta } from '../types.js';
import { EventHistory } from './history.js';
import { recordUpdate, stripTimes } from './managed-fields.js';
import { ObjectIndex } from './object-index.js';
import { deepEqual, deepFreeze, nowTimestamp, type JsonObject } from './object-utils.js';
import { randomUUID } from 'node:crypto';

/** Identifies one stored object; `namespace` is absent (or empty) for cluster-scoped kinds. */
export interface StoreKey {
  group: string;
  kind: string;
  namespace?: string;
  name: string;
}

/** One change, delivered to subscribers in resourceVersion order; DELETED carries the last state with the deletion's resourceVersion. */
export interface StoreEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: KubeObject;
}

export type StoreErrorReason = 'NotFound' | 'AlreadyExists' | 'Conflict' | 'Invalid';

/** A refused write; the REST layer turns it into a Kubernetes Status with the same reason. */
export class SimStoreError extends Error {
  constructor(
    readonly reason: StoreErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'SimStoreError';
  }
}

export interface UpdateOptions {
  /** `status`: take only `.status` from the object (a status writer); otherwise `.status` is kept from the stored object. `scale` writes like the main resource but records the manager against /scale. */
  subresource?: 'status' | 'scale';
  /** Record the fields this write changed as owned by this manager (operation Update), as the API server does for PUT/PATCH. */
  manager?: string;
  /** Replace the whole object, status included (kinds without a status subresource). */
  wholeObject?: boolean;
  /** Compute and return the result without storing it or emitting an event. */
  dryRun?: boolean;
}

/** `group/Kind/namespace/name` of a store key. */
export function storeKeyString(key: StoreKey): string {
  return `${key.group}/${key.kind}/${key.namespace ?? ''}/${key.name}`;
}

/** The store key of an object. */
export function keyOf(object: KubeObject): StoreKey {
  return { group: groupOf(object.apiVersion), kind: object.kind, namespace: object.metadata.namespace || undefined, name: object.metadata.name };
}

/** Metadata fields the contract type leaves out but the store reads. */
type WritableMeta = ObjectMeta & { generateName?: string; finalizers?: string[] };

const GENERATE_NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export class SimStore {
  readonly #index = new ObjectIndex();
  readonly #history: EventHistory;
  readonly #listeners = new Set<(event: StoreEvent) => void>();
  readonly #pending: StoreEvent[] = [];
  #delivering = false;
  #resourceVersion = 0;

  /** @param historySize how many events eventsSince() can replay before answering "too old". */
  constructor(historySize = 5_000) {
    this.#history = new EventHistory(historySize);
  }

  /** Global monotonically increasing counter of this cluster; every change takes the next value. */
  get resourceVersion(): number {
    return this.#resourceVersion;
  }

  /** The stored (frozen) object, or undefined. */
  get(key: StoreKey): KubeObject | undefined {
    return this.#index.get(key.group, key.kind, key.namespace ?? '', key.name);
  }

  /** Objects of one group/kind, in one namespace or (namespace absent) in all; index lookups, no scan of other kinds. */
  list(group: string, kind: string, namespace?: string): KubeObject[] {
    return this.#index.list(group, kind, namespace);
  }

  /** Objects whose ownerReferences name this uid (garbage-collection dependents); indexed. */
  dependentsOf(uid: string): KubeObject[] {
    return this.#index.dependentsOf(uid);
  }

  /** Group/kinds that have at least one stored object. */
  kinds(): Array<{ group: string; kind: string }> {
    return this.#index.kinds();
  }

  /**
   * Stores a new object: sets uid, resourceVersion, generation 1 and creationTimestamp,
   * fills `metadata.name` from `generateName`, and with a manager records an Update
   * entry owning every field set. Throws AlreadyExists or Invalid (no name).
   */
  create(object: KubeObject, manager?: string, options: { dryRun?: boolean } = {}): KubeObject {
    const meta: WritableMeta = { ...object.metadata };
    if (!meta.name && meta.generateName) meta.name = this.#generatedName(object, String(meta.generateName));
    if (!meta.name) throw new SimStoreError('Invalid', `${object.kind}: metadata.name or metadata.generateName is required`);
    if (!meta.namespace) delete meta.namespace;
    const key = keyOf({ ...object, metadata: meta });
    if (this.get(key)) throw new SimStoreError('AlreadyExists', `${object.kind.toLowerCase()} "${meta.name}" already exists`);
    meta.uid = randomUUID();
    meta.generation = 1;
    meta.creationTimestamp = nowTimestamp();
    delete meta.deletionTimestamp;
    const draft: KubeObject = { ...object, metadata: meta };
    if (manager && meta.managedFields === undefined) meta.managedFields = recordUpdate(undefined, draft, manager, undefined);
    if (meta.managedFields?.length === 0) delete meta.managedFields;
    if (options.dryRun) return deepFreeze(draft);
    meta.resourceVersion = String(++this.#resourceVersion);
    const stored = deepFreeze(draft);
    this.#index.put(stored);
    this.#emit({ type: 'ADDED', object: stored });
    return stored;
  }

  /**
   * Writes a new state of an existing object. A `metadata.resourceVersion` that is set
   * must match the stored one (optimistic concurrency) or Conflict is thrown. Nothing
   * changed → the stored object is returned and no resourceVersion is taken. Generation
   * grows by one when anything outside metadata and status changed. `metadata.managedFields`
   * that differ from the stored ones are taken as given (server-side apply computes them);
   * otherwise the stored entries are kept and `manager` gains the fields this write changed.
   * Removing the last finalizer of an object being deleted removes it.
   */
  update(object: KubeObject, options: UpdateOptions = {}): KubeObject {
    const key = keyOf(object);
    const old = this.get(key);
    if (!old) throw new SimStoreError('NotFound', `${object.kind.toLowerCase()} "${key.name}" not found`);
    const wantedVersion = object.metadata.resourceVersion;
    if (wantedVersion && wantedVersion !== old.metadata.resourceVersion) {
      throw new SimStoreError('Conflict', `Operation cannot be fulfilled on ${object.kind.toLowerCase()} "${key.name}": the object has been modified; please apply your changes to the latest version and try again`);
    }
    const next = this.#merged(old, object, options);
    if (this.#sameState(old, next)) return old;
    if (!deepEqual(specOf(old), specOf(next))) next.metadata.generation = (old.metadata.generation ?? 1) + 1;
    if (options.dryRun) return deepFreeze({ ...next, metadata: { ...next.metadata, resourceVersion: old.metadata.resourceVersion } });
    next.metadata.resourceVersion = String(++this.#resourceVersion);
    const stored = deepFreeze(next);
    this.#index.put(stored);
    this.#emit({ type: 'MODIFIED', object: stored });
    if (stored.metadata.deletionTimestamp && !hasFinalizers(stored)) this.#remove(stored, 'Background');
    return stored;
  }

  /**
   * Deletes an object and returns its last state (undefined when absent). Dependents
   * (ownerReferences.uid) are deleted too: Background deletes the owner then them,
   * Foreground them then the owner, Orphan drops the reference and keeps them. Deleting
   * a Namespace deletes everything in it. An object with finalizers only gets a
   * deletionTimestamp; it goes when an update removes the last finalizer.
   */
  delete(key: StoreKey, propagation: DeletePropagation = 'Background'): KubeObject | undefined {
    const current = this.get(key);
    if (!current) return undefined;
    if (hasFinalizers(current)) {
      if (current.metadata.deletionTimestamp) return current;
      const marked = { ...current, metadata: { ...current.metadata, deletionTimestamp: nowTimestamp(), resourceVersion: undefined } };
      return this.update(marked, { wholeObject: true });
    }
    return this.#remove(current, propagation);
  }

  /** Calls `listener` after every change, in resourceVersion order; returns the unsubscribe function. Changes made by a listener are delivered after the current event has reached every listener. */
  subscribe(listener: (event: StoreEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Events after `resourceVersion` (oldest first) for watch resume; undefined when that version is older than the bounded history (410 Gone). */
  eventsSince(resourceVersion: number): StoreEvent[] | undefined {
    return this.#history.since(resourceVersion, this.#resourceVersion);
  }

  #remove(current: KubeObject, propagation: DeletePropagation): KubeObject {
    const uid = current.metadata.uid ?? '';
    if (propagation === 'Foreground') this.#cascade(current, uid, 'Foreground');
    if (propagation === 'Orphan') this.#orphan(uid);
    const key = keyOf(current);
    if (!this.get(key)) return current;
    const last = deepFreeze({ ...current, metadata: { ...current.metadata, resourceVersion: String(++this.#resourceVersion) } });
    this.#index.remove(current);
    this.#emit({ type: 'DELETED', object: last });
    if (propagation === 'Background') this.#cascade(current, uid, 'Background');
    return last;
  }

  #cascade(owner: KubeObject, uid: string, propagation: DeletePropagation): void {
    for (const dependent of this.dependentsOf(uid)) this.delete(keyOf(dependent), propagation);
    if (owner.kind === 'Namespace' && groupOf(owner.apiVersion) === '') {
      for (const object of this.#index.inNamespace(owner.metadata.name)) this.delete(keyOf(object), propagation);
    }
  }

  #orphan(uid: string): void {
    for (const dependent of this.dependentsOf(uid)) {
      const ownerReferences = (dependent.metadata.ownerReferences ?? []).filter((ref) => ref.uid !== uid);
      this.update({ ...dependent, metadata: { ...dependent.metadata, ownerReferences: ownerReferences.length ? ownerReferences : undefined, resourceVersion: undefined } }, { wholeObject: true });
    }
  }

  #merged(old: KubeObject, object: KubeObject, options: UpdateOptions): KubeObject {
    let next: KubeObject;
    if (options.subresource === 'status') next = { ...old, metadata: { ...old.metadata }, status: object.status };
    else next = { ...object, metadata: { ...object.metadata } };
    if (!options.wholeObject && options.subresource !== 'status') {
      if (old.status === undefined) delete next.status;
      else next.status = old.status;
    }
    if (next.status === undefined) delete next.status;
    next.metadata = this.#mergedMeta(old, object, next.metadata, options);
    return next;
  }

  /** Identity and bookkeeping from the stored object; managedFields as given or recorded for the manager. */
  #mergedMeta(old: KubeObject, object: KubeObject, given: ObjectMeta, options: UpdateOptions): ObjectMeta {
    const meta: WritableMeta = { ...given, uid: old.metadata.uid, creationTimestamp: old.metadata.creationTimestamp, generation: old.metadata.generation };
    meta.deletionTimestamp = old.metadata.deletionTimestamp ?? (options.wholeObject ? object.metadata.deletionTimestamp : undefined);
    if (!meta.deletionTimestamp) delete meta.deletionTimestamp;
    if (!meta.namespace) delete meta.namespace;
    delete meta.resourceVersion;
    // Clients that read, edit and write back send the stored entries again (their timestamps reformatted): not a change of ownership.
    const givenFields = meta.managedFields !== undefined && meta.managedFields !== old.metadata.managedFields && !deepEqual(stripTimes(meta.managedFields), stripTimes(old.metadata.managedFields));
    if (!givenFields) meta.managedFields = options.manager ? recordUpdate(old, { ...object, metadata: meta }, options.manager, options.subresource) : old.metadata.managedFields;
    if (meta.managedFields === undefined || meta.managedFields.length === 0) delete meta.managedFields;
    return meta;
  }

  /** Equal apart from resourceVersion and managedFields timestamps: such a write is a no-op. */
  #sameState(old: KubeObject, next: KubeObject): boolean {
    const { resourceVersion: _a, managedFields: oldFields, ...oldMeta } = old.metadata;
    const { resourceVersion: _b, managedFields: newFields, ...newMeta } = next.metadata;
    if (!deepEqual(oldMeta, newMeta)) return false;
    if (oldFields !== newFields && !deepEqual(stripTimes(oldFields), stripTimes(newFields))) return false;
    const { metadata: _c, ...oldRest } = old;
    const { metadata: _d, ...newRest } = next;
    return deepEqual(oldRest, newRest);
  }

  #generatedName(object: KubeObject, prefix: string): string {
    for (;;) {
      let suffix = '';
      for (let i = 0; i < 5; i++) suffix += GENERATE_NAME_ALPHABET[Math.floor(Math.random() * GENERATE_NAME_ALPHABET.length)];
      const name = prefix + suffix;
      const key = keyOf({ ...object, metadata: { ...object.metadata, name } });
      if (!this.get(key)) return name;
    }
  }

  #emit(event: StoreEvent): void {
    this.#history.push(event);
    this.#pending.push(event);
    if (this.#delivering) return;
    this.#delivering = true;
    let failure: unknown;
    for (let next = this.#pending.shift(); next; next = this.#pending.shift()) {
      for (const listener of [...this.#listeners]) {
        try {
          listener(next);
        } catch (err) {
          failure ??= err; // one faulty listener must not starve the others (or the watchers)
        }
      }
    }
    this.#delivering = false;
    if (failure !== undefined) throw failure;
  }
}

function hasFinalizers(object: KubeObject): boolean {
  const finalizers = (object.metadata as { finalizers?: unknown }).finalizers;
  return Array.isArray(finalizers) && finalizers.length > 0;
}

/** Everything outside metadata and status: what `generation` counts changes of. */
function specOf(object: KubeObject): JsonObject {
  const { metadata: _m, status: _s, ...rest } = object;
  return rest;
}
