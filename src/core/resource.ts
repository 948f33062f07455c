import { isObject, type JsonObject } from './json.js';
import { parseApiVersion, type ResourceId } from './resource-id.js';

/** Where something came from: a file (absolute path in the FileSystem) and a 1-based line. */
export interface SourceRef {
  file: string;
  line: number;
  column?: number;
}

/** One step in an object's history: which transformer or patch changed it, and where that is declared. */
export interface Change {
  /** Transformer name as in the kustomization field: `patches`, `namespace`, `images`, … */
  transformer: string;
  /** Where the patch/transformer is declared (kustomization file + line, or patch file + line). */
  source?: SourceRef;
  /** Short human detail, e.g. `image nginx → nginx:1.27`. */
  detail?: string;
}

/** How a generated ConfigMap/Secret must be finished at the top level. */
export interface GeneratorInfo {
  /** Append the content hash to the name at the end of the build. */
  hashSuffix: boolean;
  behavior: 'create' | 'merge' | 'replace';
}

/**
 * A Kubernetes object flowing through the pipeline, with what later stages
 * need to point users at the line to edit.
 */
export class Resource {
  obj: JsonObject;
  /** The source document (or generator stanza) this object started as. */
  origin: SourceRef;
  /** Every change applied after loading, in order. */
  changes: Change[] = [];
  /** Ids this object had before renames (prefix/suffix/namespace/patch), oldest first. */
  previousIds: ResourceId[] = [];
  generator?: GeneratorInfo;
  /** Free-form per-build bookkeeping (e.g. kustomize's refBy, origin annotations). Never serialised. */
  meta: Record<string, unknown> = {};

  constructor(obj: JsonObject, origin: SourceRef) {
    this.obj = obj;
    this.origin = origin;
  }

  get id(): ResourceId {
    return idOfObject(this.obj);
  }

  /** The id it had when first loaded (kustomize's OrgId). */
  get originalId(): ResourceId {
    return this.previousIds[0] ?? this.id;
  }

  /** Current id followed by previous ids, newest first: what selectors and references may match. */
  get allIds(): ResourceId[] {
    return [this.id, ...[...this.previousIds].reverse()];
  }

  /** Records the current id before a rename; call before changing name, namespace or kind. */
  rememberId(): void {
    this.previousIds.push(this.id);
  }

  record(change: Change): void {
    this.changes.push(change);
  }

  get kind(): string {
    return typeof this.obj.kind === 'string' ? this.obj.kind : '';
  }

  get name(): string {
    return stringAt(this.obj, 'metadata', 'name');
  }

  get namespace(): string {
    return stringAt(this.obj, 'metadata', 'namespace');
  }

  clone(): Resource {
    const copy = new Resource(structuredClone(this.obj), { ...this.origin });
    copy.changes = [...this.changes];
    copy.previousIds = [...this.previousIds];
    if (this.generator) copy.generator = { ...this.generator };
    copy.meta = { ...this.meta };
    return copy;
  }
}

export function idOfObject(obj: JsonObject): ResourceId {
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
  const { group, version } = parseApiVersion(apiVersion);
  return {
    group,
    version,
    kind: typeof obj.kind === 'string' ? obj.kind : '',
    name: stringAt(obj, 'metadata', 'name'),
    namespace: stringAt(obj, 'metadata', 'namespace'),
  };
}

function stringAt(obj: JsonObject, key: string, sub: string): string {
  const inner = obj[key];
  if (!isObject(inner)) return '';
  const value = inner[sub];
  return typeof value === 'string' ? value : '';
}
