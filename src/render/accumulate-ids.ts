import { diag, DiagnosticError, type SourceLocation } from '../core/diagnostic.js';
import { idString, type ResourceId } from '../core/resource-id.js';
import type { Resource } from '../core/resource.js';
import { RenderCode } from './errors.js';
import type { ResMap } from './resmap.js';
import { isClusterScoped } from './schema.js';

/**
 * kustomize's ResId equality as a hash key: group, version, kind, name and
 * the *effective* namespace — unset means `default` for namespaced kinds,
 * and cluster-scoped kinds ignore the namespace altogether.
 */
export function effectiveIdKey(id: ResourceId): string {
  const ns = isClusterScoped(id) ? '' : id.namespace || 'default';
  return `${id.group}\u0000${id.version}\u0000${id.kind}\u0000${id.name}\u0000${ns}`;
}

/**
 * Ids already in a ResMap, so appending n resources costs O(n) rather than
 * a scan of the map per resource. Valid while the map's ids do not change
 * (accumulation appends; transformers run afterwards).
 */
export class IdIndex {
  private readonly byKey = new Map<string, Resource>();

  constructor(resources: Iterable<Resource>) {
    for (const r of resources) this.byKey.set(effectiveIdKey(r.id), r);
  }

  /** Appends `incoming` to `target`, refusing (like kustomize) an id that is already registered. */
  append(target: ResMap, incoming: readonly Resource[], where: Partial<SourceLocation>): void {
    for (const r of incoming) {
      const key = effectiveIdKey(r.id);
      const clash = this.byKey.get(key);
      if (clash) {
        throw new DiagnosticError([
          diag(
            RenderCode.DuplicateId,
            `may not add resource with an already registered id: ${idString(r.id)}`,
            r.origin.file ? { file: r.origin.file, line: r.origin.line } : where,
            `first defined at ${clash.origin.file}:${clash.origin.line}`,
          ),
        ]);
      }
      this.byKey.set(key, r);
    }
    target.appendChecked(incoming);
  }
}

/** The first pair of resources that share an effective id, if any. */
export function findIdConflict(resources: Iterable<Resource>): [Resource, Resource] | undefined {
  const seen = new Map<string, Resource>();
  for (const r of resources) {
    const key = effectiveIdKey(r.id);
    const other = seen.get(key);
    if (other) return [other, r];
    seen.set(key, r);
  }
  return undefined;
}
