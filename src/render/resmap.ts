import { DiagnosticError, diag } from '../core/diagnostic.js';
import { idString, sameId, type ResourceId } from '../core/resource-id.js';
import type { Resource } from '../core/resource.js';

/**
 * An ordered set of resources (kustomize's ResMap). Order is accumulation
 * order (FIFO); a replaced resource keeps its slot.
 */
export class ResMap {
  private items: Resource[] = [];

  get size(): number {
    return this.items.length;
  }

  all(): Resource[] {
    return [...this.items];
  }

  [Symbol.iterator](): Iterator<Resource> {
    return this.items[Symbol.iterator]();
  }

  /** Appends; refuses an object whose current id is already present (kustomize's "already registered id"). */
  add(resource: Resource, where?: { file: string; line?: number }): void {
    const clash = this.findById(resource.id);
    if (clash) {
      throw new DiagnosticError([
        diag('KUST_DUPLICATE_ID', `may not add resource with an already registered id: ${idString(resource.id)}`, {
          file: where?.file ?? resource.origin.file,
          line: where?.line ?? resource.origin.line,
        }, `first defined at ${clash.origin.file}:${clash.origin.line}`),
      ]);
    }
    this.items.push(resource);
  }

  /**
   * Appends without the duplicate check, for callers that keep their own id
   * index (the engine's accumulation checks ids in O(1) per resource).
   */
  appendChecked(resources: readonly Resource[]): void {
    for (const r of resources) this.items.push(r);
  }

  /** Appends every resource of another map, with the duplicate check. */
  addAll(other: ResMap): void {
    for (const r of other) this.add(r);
  }

  remove(resource: Resource): void {
    this.items = this.items.filter((r) => r !== resource);
  }

  replace(old: Resource, next: Resource): void {
    const i = this.items.indexOf(old);
    if (i < 0) throw new Error('ResMap.replace: resource not present');
    this.items[i] = next;
  }

  filter(keep: (r: Resource) => boolean): void {
    this.items = this.items.filter(keep);
  }

  setOrder(resources: Resource[]): void {
    this.items = [...resources];
  }

  findById(id: ResourceId): Resource | undefined {
    return this.items.find((r) => sameId(r.id, id));
  }

  /** Resources whose current or any previous id equals `id` (kustomize's GetMatchingResourcesByAnyId). */
  findByAnyId(id: ResourceId): Resource[] {
    return this.items.filter((r) => r.allIds.some((x) => sameId(x, id)));
  }

  clone(): ResMap {
    const copy = new ResMap();
    copy.items = this.items.map((r) => r.clone());
    return copy;
  }
}
