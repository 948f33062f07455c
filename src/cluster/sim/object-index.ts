/**
 * Where the store keeps its objects: group/kind → namespace → name, plus an
 * owner-uid index for garbage collection and a namespace index for Namespace
 * deletion. Lists and dependents are lookups, never scans of the whole cluster.
 */
import { groupOf, type KubeObject } from '../types.js';

type ByName = Map<string, KubeObject>;

export class ObjectIndex {
  /** `group/Kind` → namespace ('' for cluster-scoped) → name → object. */
  readonly #byKind = new Map<string, Map<string, ByName>>();
  /** owner uid → dependent key → dependent object. */
  readonly #byOwner = new Map<string, Map<string, KubeObject>>();

  get(group: string, kind: string, namespace: string, name: string): KubeObject | undefined {
    return this.#byKind.get(`${group}/${kind}`)?.get(namespace)?.get(name);
  }

  list(group: string, kind: string, namespace?: string): KubeObject[] {
    const byNamespace = this.#byKind.get(`${group}/${kind}`);
    if (!byNamespace) return [];
    if (namespace !== undefined) return [...(byNamespace.get(namespace)?.values() ?? [])];
    const out: KubeObject[] = [];
    for (const byName of byNamespace.values()) for (const object of byName.values()) out.push(object);
    return out;
  }

  dependentsOf(uid: string): KubeObject[] {
    return [...(this.#byOwner.get(uid)?.values() ?? [])];
  }

  /** Every namespaced object in one namespace, all kinds. */
  inNamespace(namespace: string): KubeObject[] {
    const out: KubeObject[] = [];
    for (const byNamespace of this.#byKind.values()) for (const object of byNamespace.get(namespace)?.values() ?? []) out.push(object);
    return out;
  }

  kinds(): Array<{ group: string; kind: string }> {
    const out: Array<{ group: string; kind: string }> = [];
    for (const [groupKind, byNamespace] of this.#byKind) {
      if (![...byNamespace.values()].some((m) => m.size > 0)) continue;
      const slash = groupKind.lastIndexOf('/');
      out.push({ group: groupKind.slice(0, slash), kind: groupKind.slice(slash + 1) });
    }
    return out;
  }

  put(object: KubeObject): void {
    const previous = this.#byName(object, true).get(object.metadata.name);
    if (previous) this.#unlinkOwners(previous);
    this.#byName(object, true).set(object.metadata.name, object);
    const key = fullKey(object);
    for (const ref of object.metadata.ownerReferences ?? []) {
      let dependents = this.#byOwner.get(ref.uid);
      if (!dependents) this.#byOwner.set(ref.uid, (dependents = new Map()));
      dependents.set(key, object);
    }
  }

  remove(object: KubeObject): void {
    const byName = this.#byName(object, false);
    const previous = byName.get(object.metadata.name);
    if (!previous) return;
    this.#unlinkOwners(previous);
    byName.delete(object.metadata.name);
  }

  #unlinkOwners(object: KubeObject): void {
    const key = fullKey(object);
    for (const ref of object.metadata.ownerReferences ?? []) {
      const dependents = this.#byOwner.get(ref.uid);
      dependents?.delete(key);
      if (dependents?.size === 0) this.#byOwner.delete(ref.uid);
    }
  }

  #byName(object: KubeObject, create: boolean): ByName {
    const groupKind = `${groupOf(object.apiVersion)}/${object.kind}`;
    let byNamespace = this.#byKind.get(groupKind);
    if (!byNamespace) {
      if (!create) return new Map();
      this.#byKind.set(groupKind, (byNamespace = new Map()));
    }
    const namespace = object.metadata.namespace ?? '';
    let byName = byNamespace.get(namespace);
    if (!byName) {
      if (!create) return new Map();
      byNamespace.set(namespace, (byName = new Map()));
    }
    return byName;
  }
}

function fullKey(object: KubeObject): string {
  return `${groupOf(object.apiVersion)}/${object.kind}/${object.metadata.namespace ?? ''}/${object.metadata.name}`;
}
