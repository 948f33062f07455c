/**
 * From a finding's field path to the line a person must edit. A rendered
 * object is the sum of its source document and every change applied since;
 * the line to edit is where the offending value was last written: the patch
 * (or `images:`/`replicas:` entry) that set it, else the source document.
 * A path that exists nowhere (a missing field) falls back to its nearest
 * existing parent, so the pointer lands on the block to add it to.
 */
import { isArray, isObject, type JsonObject, type JsonValue } from '../core/json.js';
import type { Change, Resource } from '../core/resource.js';
import type { FileSystem } from '../fs/filesystem.js';
import { parseDocuments, type ParsedDocument } from '../yaml/parse.js';
import type { FieldPath, FindingSource, PathSegment } from './finding.js';

const PATCH_TRANSFORMERS = new Set(['patches', 'patchesStrategicMerge', 'patchesJson6902']);
const MAP_TRANSFORMERS = new Set(['labels', 'commonLabels', 'commonAnnotations']);
/** Keys that identify list elements across a patch and its target (strategic-merge keys of the core types). */
const IDENTITY_KEYS = ['name', 'mountPath', 'containerPort', 'devicePath', 'port', 'ip', 'topologyKey', 'type'];

export class SourceLocator {
  private readonly files = new Map<string, readonly ParsedDocument[] | null>();

  /**
   * `parsed`: documents already parsed by whoever read the files (the
   * renderer's file cache, a manifest loader), so no file is parsed twice.
   */
  constructor(
    private readonly fs: FileSystem,
    private readonly parsed?: ReadonlyMap<string, readonly ParsedDocument[]>,
  ) {}

  /** Hands over the parsed documents of a file read elsewhere. */
  remember(file: string, docs: readonly ParsedDocument[]): void {
    this.files.set(file, docs);
  }

  /** The file, line and column to edit for `path` inside `resource`. */
  locate(resource: Resource, path: FieldPath): FindingSource {
    return this.fromChanges(resource, path) ?? this.fromOrigin(resource, path);
  }

  /** Parsed documents of a file, read once; null when it cannot be read or parsed. */
  documents(file: string): readonly ParsedDocument[] | null {
    const known = this.files.get(file) ?? this.parsed?.get(file);
    if (known !== undefined) return known;
    let docs: readonly ParsedDocument[] | null;
    try {
      docs = parseDocuments(this.fs.readText(file), file);
    } catch {
      docs = null;
    }
    this.files.set(file, docs);
    return docs;
  }

  private fromChanges(resource: Resource, path: FieldPath): FindingSource | undefined {
    for (let i = resource.changes.length - 1; i >= 0; i--) {
      const change = resource.changes[i]!;
      if (!change.source) continue;
      const found = PATCH_TRANSFORMERS.has(change.transformer)
        ? this.inPatch(resource, path, change)
        : setByTransformer(resource.obj, path, change) ? withColumn(change.source) : undefined;
      if (found) return found;
    }
    return undefined;
  }

  /** Where the patch of `change` sets `path`, if it does. */
  private inPatch(resource: Resource, path: FieldPath, change: Change): FindingSource | undefined {
    const source = change.source!;
    const doc = documentAt(this.documents(source.file), source.line);
    if (!doc) return undefined;
    const value = doc.value;
    if (isArray(value)) return jsonPatchLocation(doc, source.file, resource.obj, path);
    if (!isObject(value)) return undefined;
    if (isKustomization(value)) return inlinePatchLocation(value, doc, source, resource.obj, path);
    const mapped = mapPath(resource.obj, value, path);
    return mapped.complete ? at(doc, source.file, mapped.path) : undefined;
  }

  private fromOrigin(resource: Resource, path: FieldPath): FindingSource {
    const origin: FindingSource = withColumn(resource.origin);
    if (resource.generator) return origin;
    const doc = documentAt(this.documents(resource.origin.file), resource.origin.line);
    if (!doc || !isObject(doc.value)) return origin;
    const { value, prefix } = objectInDocument(doc.value, resource);
    if (!value) return origin;
    const mapped = mapPath(resource.obj, value, path);
    return at(doc, resource.origin.file, [...prefix, ...mapped.path]) ?? origin;
  }
}

function withColumn(ref: { file: string; line: number; column?: number }): FindingSource {
  return ref.column ? { file: ref.file, line: ref.line, column: ref.column } : { file: ref.file, line: ref.line };
}

/** The document starting at `line`, else the last one starting before it. */
export function documentAt(docs: readonly ParsedDocument[] | null, line: number): ParsedDocument | undefined {
  if (!docs) return undefined;
  let found: ParsedDocument | undefined;
  for (const doc of docs) if (doc.line <= line) found = doc;
  return found;
}

export function at(doc: ParsedDocument, file: string, path: FieldPath): FindingSource | undefined {
  const pos = doc.locate(path);
  return pos ? { file, line: pos.line, column: pos.column } : undefined;
}

/** The source object of `resource` inside its document: the document itself, or an item of a `*List`. */
function objectInDocument(docValue: JsonObject, resource: Resource): { value?: JsonObject; prefix: PathSegment[] } {
  const kind = typeof docValue.kind === 'string' ? docValue.kind : '';
  if (kind === resource.originalId.kind) return { value: docValue, prefix: [] };
  // Neither the object nor a list of objects: the origin points at what the
  // object was generated from (a Team file, a line of harbormaster.yaml), and
  // that line, not the top of its document, is the one to edit.
  if (!kind.endsWith('List') || !isArray(docValue.items)) return { prefix: [] };
  const name = resource.originalId.name;
  const index = docValue.items.findIndex((item) => isObject(item) && isObject(item.metadata) && item.metadata.name === name);
  const item = docValue.items[index];
  return isObject(item) ? { value: item, prefix: ['items', index] } : { prefix: [] };
}

export interface MappedPath {
  /** The longest prefix of the path that exists in the source, in the source's own list indexes. */
  path: PathSegment[];
  complete: boolean;
}

/**
 * Follows `path` (written against the rendered object) through a source
 * value. List elements are matched by identity (a container's `name`, a
 * port's `containerPort`, …) since patches merge lists by key, so index 2 in
 * the rendered list may be index 0 in the patch.
 */
export function mapPath(rendered: JsonValue | undefined, source: JsonValue, path: FieldPath): MappedPath {
  const out: PathSegment[] = [];
  let r = rendered;
  let s: JsonValue = source;
  for (const seg of path) {
    if (typeof seg === 'number') {
      const target = isArray(r) ? r[seg] : undefined;
      if (!isArray(s)) break;
      const index = matchIndex(s, target, seg);
      if (index < 0) break;
      out.push(index);
      s = s[index]!;
      r = target;
    } else {
      if (!isObject(s) || !(seg in s)) break;
      out.push(seg);
      s = s[seg]!;
      r = isObject(r) ? r[seg] : undefined;
    }
  }
  return { path: out, complete: out.length === path.length };
}

function matchIndex(list: readonly JsonValue[], target: JsonValue | undefined, index: number): number {
  if (isObject(target)) {
    const key = IDENTITY_KEYS.find((k) => target[k] !== undefined && typeof target[k] !== 'object');
    if (key) return list.findIndex((item) => isObject(item) && item[key] === target[key]);
  } else if (target !== undefined && target !== null && typeof target !== 'object') {
    const found = list.indexOf(target);
    if (found >= 0) return found;
  }
  return index < list.length ? index : -1;
}

/** Whether a non-patch transformer wrote the value at `path` (an image, the replica count, a label…). */
function setByTransformer(obj: JsonObject, path: FieldPath, change: Change): boolean {
  const last = path[path.length - 1];
  const detail = change.detail ?? '';
  switch (change.transformer) {
    case 'images': {
      const value = valueAt(obj, path);
      return last === 'image' && typeof value === 'string' && detail.endsWith(`→ ${value}`);
    }
    case 'replicas':
      return last === 'replicas';
    case 'namespace':
      return last === 'namespace' && path.length === 2 && path[0] === 'metadata';
    default: {
      if (!MAP_TRANSFORMERS.has(change.transformer) || typeof last !== 'string') return false;
      const parent = path[path.length - 2];
      return (parent === 'labels' || parent === 'annotations') && detail.includes(`${last}=`);
    }
  }
}

export function valueAt(obj: JsonValue, path: FieldPath): JsonValue | undefined {
  let node: JsonValue | undefined = obj;
  for (const seg of path) {
    if (typeof seg === 'number') node = isArray(node) ? node[seg] : undefined;
    else node = isObject(node) ? node[seg] : undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

function isKustomization(value: JsonObject): boolean {
  return value.kind === 'Kustomization' || value.kind === 'Component' || PATCH_FIELDS.some((f) => isArray(value[f]));
}

const PATCH_FIELDS = ['patches', 'patchesStrategicMerge', 'patchesJson6902'] as const;

/** An inline `patch:` in a kustomization: point at its entry when the patch text sets `path`. */
function inlinePatchLocation(
  kustomization: JsonObject, doc: ParsedDocument, source: { file: string; line: number }, obj: JsonObject, path: FieldPath,
): FindingSource | undefined {
  for (const field of PATCH_FIELDS) {
    const entries = kustomization[field];
    if (!isArray(entries)) continue;
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      if (doc.locate([field, i])?.line !== source.line) continue;
      const text = isObject(entry) ? entry.patch : typeof entry === 'string' ? entry : undefined;
      if (typeof text !== 'string' || !inlinePatchSets(text, source.file, obj, path)) return undefined;
      const pos = doc.locate([field, i, 'patch']) ?? doc.locate([field, i]);
      return pos ? { file: source.file, line: pos.line, column: pos.column } : { file: source.file, line: source.line };
    }
  }
  return undefined;
}

function inlinePatchSets(text: string, file: string, obj: JsonObject, path: FieldPath): boolean {
  let docs: ParsedDocument[];
  try {
    docs = parseDocuments(text, file);
  } catch {
    return false;
  }
  return docs.some((d) => {
    if (isArray(d.value)) return jsonPatchLocation(d, file, obj, path) !== undefined;
    return isObject(d.value) && mapPath(obj, d.value, path).complete;
  });
}

const SETTING_OPS = new Set(['add', 'replace', 'copy', 'move']);

/**
 * A JSON 6902 patch sets `path` when an add/replace/copy/move operation
 * targets it or one of its parents; the last such operation wins. Points at
 * the value inside that operation when it is there, else at the operation.
 */
export function jsonPatchLocation(doc: ParsedDocument, file: string, obj: JsonObject, path: FieldPath): FindingSource | undefined {
  const ops = doc.value;
  if (!isArray(ops)) return undefined;
  for (let i = ops.length - 1; i >= 0; i--) {
    const op = ops[i];
    if (!isObject(op) || typeof op.op !== 'string' || !SETTING_OPS.has(op.op) || typeof op.path !== 'string') continue;
    const target = pointerSegments(op.path);
    if (!target || !isPrefix(target, path)) continue;
    const rest = path.slice(target.length);
    const inValue = op.op === 'add' || op.op === 'replace' ? mapPath(valueAt(obj, target), op.value ?? null, rest).path : [];
    return at(doc, file, op.op === 'add' || op.op === 'replace' ? [i, 'value', ...inValue] : [i]) ?? at(doc, file, [i]);
  }
  return undefined;
}

/** `/spec/containers/0/image` → segments; undefined for an append (`-`) or a malformed pointer. */
function pointerSegments(pointer: string): PathSegment[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  const out: PathSegment[] = [];
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (seg === '-') return undefined;
    out.push(/^(0|[1-9][0-9]*)$/.test(seg) ? Number(seg) : seg);
  }
  return out;
}

function isPrefix(prefix: readonly PathSegment[], path: FieldPath): boolean {
  if (prefix.length > path.length) return false;
  return prefix.every((seg, i) => seg === path[i] || String(seg) === String(path[i]));
}
