import { isObject, type JsonObject, type JsonValue } from '../core/json.js';
import type { Gvk } from '../core/resource-id.js';

/**
 * kustomize's FieldSpec: which objects (an optional group/version/kind
 * filter, empty meaning "any") and which path inside them a transformer
 * touches. Paths are `/`-separated; `\/` escapes a slash; a `[]` suffix marks
 * a list. Lists met on the way are walked element by element, as kustomize does.
 */
export interface FieldSpec {
  group?: string;
  version?: string;
  kind?: string;
  path: string;
  /** Create the field (and missing parents) when absent. */
  create?: boolean;
}

/** What a walk may create at the end of a path when the spec allows it. */
export type CreateKind = 'map' | 'scalar';

/** A structural problem met while walking a path (e.g. a scalar where a map was expected). */
export class FieldPathError extends Error {
  constructor(
    readonly specPath: string,
    readonly at: string,
    message: string,
  ) {
    super(message);
    this.name = 'FieldPathError';
  }
}

export function specMatches(spec: FieldSpec, gvk: Gvk): boolean {
  if (spec.kind && spec.kind !== gvk.kind) return false;
  if (spec.group && spec.group !== gvk.group) return false;
  if (spec.version && spec.version !== gvk.version) return false;
  return true;
}

const splitCache = new Map<string, string[]>();

/** Splits a spec path on `/`, honouring `\/` as a literal slash. */
export function splitSpecPath(path: string): string[] {
  let parts = splitCache.get(path);
  if (parts) return parts;
  parts = [];
  for (const piece of path.split('/')) {
    const last = parts.length - 1;
    if (last >= 0 && parts[last]!.endsWith('\\')) parts[last] = parts[last]!.slice(0, -1) + '/' + piece;
    else parts.push(piece);
  }
  splitCache.set(path, parts);
  return parts;
}

/**
 * Called at the end of a path with the container holding the value and its
 * key (a map key, or an index when the path ends inside a list).
 */
export type FieldVisitor = (container: JsonObject | JsonValue[], key: string | number) => void;

/**
 * Walks `spec.path` in `obj` and calls `visit` for every place it reaches,
 * creating missing fields when the spec says `create` and `createKind` is given.
 * Mirrors kustomize's fieldspec filter, including its treatment of nulls.
 */
export function walkFieldSpec(obj: JsonObject, spec: FieldSpec, createKind: CreateKind | undefined, visit: FieldVisitor): void {
  const walk: SpecWalk = { spec, path: splitSpecPath(spec.path), create: spec.create === true && createKind !== undefined, createKind, visit };
  stepInto(walk, obj, 0);
}

/** One walk's fixed inputs (kept in one object rather than closures, which a walk per object per spec would allocate). */
interface SpecWalk {
  spec: FieldSpec;
  path: string[];
  create: boolean;
  createKind: CreateKind | undefined;
  visit: FieldVisitor;
}

function walkValue(w: SpecWalk, container: JsonObject | JsonValue[], key: string | number, depth: number): void {
  const node = (container as Record<string | number, JsonValue>)[key] as JsonValue;
  if (depth === w.path.length) {
    w.visit(container, key);
    return;
  }
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) walkValue(w, node, i, depth);
    return;
  }
  if (!isObject(node)) {
    throw new FieldPathError(w.spec.path, w.path.slice(0, depth).join('/'), 'expected sequence or mapping node');
  }
  stepInto(w, node, depth);
}

function stepInto(w: SpecWalk, node: JsonObject, depth: number): void {
  const segment = w.path[depth]!;
  const isSeq = segment.endsWith('[]');
  const name = isSeq ? segment.slice(0, -2) : segment;
  const creating = w.create && !isSeq;
  const isLast = depth === w.path.length - 1;
  if (!(name in node)) {
    if (!creating) return;
    node[name] = isLast && w.createKind === 'scalar' ? '' : {};
  } else if (node[name] === null) {
    // kustomize turns an explicit null into the kind it would have created.
    if (isSeq) node[name] = [];
    else if (creating) node[name] = isLast && w.createKind === 'scalar' ? '' : {};
    else if (!isLast) return;
  }
  walkValue(w, node, name, depth + 1);
}

/** Adds each spec unless an equal one (same GVK and path) is present; a create/no-create clash is an error. */
export function mergeFieldSpecs(base: readonly FieldSpec[], extra: readonly FieldSpec[]): FieldSpec[] {
  const out = [...base];
  for (const spec of extra) {
    const twin = out.find((s) => sameSpecTarget(s, spec));
    if (!twin) {
      out.push(spec);
      continue;
    }
    if (Boolean(twin.create) !== Boolean(spec.create)) {
      throw new Error(`conflicting fieldspecs for path '${spec.path}' (${spec.kind ?? 'any kind'})`);
    }
  }
  return out;
}

function sameSpecTarget(a: FieldSpec, b: FieldSpec): boolean {
  return (
    a.path === b.path && (a.kind ?? '') === (b.kind ?? '') && (a.group ?? '') === (b.group ?? '') && (a.version ?? '') === (b.version ?? '')
  );
}
