import { fieldSchema, isMergeList, schemaForType, type MergeSchema, type SchemaNode } from '../schema.js';
import { walkAssociativeList } from './associative.js';
import { peekDirectiveLenient, takeDirective } from './directive.js';
import { MergeKindError } from './elements.js';
import { isMap, isMissingOrNull, isNilOrEmpty, kindOf, TaggedNull, textOf, TAGGED_NULL, type MMap, type MNode, type NodeKind } from './node.js';

/**
 * Port of kyaml's walk.Walker driven by merge2's Merger visitor, with the
 * patch as origin and the object as destination (kustomize's
 * patchstrategicmerge filter). Returns the merged node; undefined (or
 * TAGGED_NULL) means "remove it".
 *
 * One empirical rule on top of the source: a `null` already in the object is
 * a "soft" null. It yields to whatever the patch puts there (no kind error),
 * but survives when the patch says nothing about it, as kubectl shows.
 */
export type Sources = [dest: MNode | undefined, origin: MNode | undefined];

export interface WalkContext {
  /** Field path of the current node, for error messages. */
  path: string[];
  /** Where merge keys come from. */
  schema: MergeSchema;
}

/** Null or absent for kind decisions: tagged nulls, absence, and soft nulls. */
export function isNullish(node: MNode | undefined): boolean {
  return isMissingOrNull(node) || node === null;
}

export function walk(sources: Sources, schema: SchemaNode | undefined, ctx: WalkContext): MNode | undefined {
  if (sources[1] === undefined) return walkUnpatched(sources[0], schema, [...ctx.path], ctx.schema);
  const resolved = schema ?? schemaFromMeta(sources, ctx.schema);
  const kind = kindOfSources(sources);
  switch (kind) {
    case 'map':
      requireKinds('map', sources, ctx);
      return walkMap(sources, resolved, ctx);
    case 'seq':
      requireKinds('seq', sources, ctx);
      if (isMergeList(resolved)) return walkAssociativeList(sources, resolved, ctx);
      return visitList(sources, false, ctx);
    case 'scalar':
      requireKinds('scalar', sources, ctx);
      return visitScalar(sources);
    default:
      return walkMap(sources, resolved, ctx);
  }
}

function kindOfSources(sources: Sources): NodeKind | undefined {
  for (const source of sources) {
    if (!isNullish(source)) return kindOf(source as MNode);
  }
  // Only a soft null in the object and nothing from the patch: keep it as a scalar.
  if (sources[0] === null && sources[1] === undefined) return 'scalar';
  if (sources[0] === null && sources[1] === TAGGED_NULL) return 'scalar';
  return undefined;
}

function requireKinds(kind: NodeKind, sources: Sources, ctx: WalkContext): void {
  for (const source of sources) {
    if (isNullish(source)) continue;
    if (kindOf(source as MNode) !== kind) throw new WalkError(new MergeKindError(kind, source as MNode), ctx.path);
  }
}

/** An error raised while walking, with the field path where it happened. */
export class WalkError extends Error {
  constructor(readonly cause: Error, readonly path: string[]) {
    super(path.length > 0 ? `${cause.message} (at ${path.join('.')})` : cause.message);
  }
}

/** kyaml's GetSchema fallback: a node that names its own apiVersion and kind gets that type's schema. */
function schemaFromMeta(sources: Sources, schema: MergeSchema): SchemaNode | undefined {
  for (const source of sources) {
    if (!isMap(source)) continue;
    const apiVersion = source.apiVersion;
    const kind = source.kind;
    if (isNilOrEmpty(apiVersion) || isNilOrEmpty(kind)) continue;
    const found = schemaForType(textOf(apiVersion), textOf(kind), schema);
    if (found) return found;
  }
  return undefined;
}

function walkMap(sources: Sources, schema: SchemaNode | undefined, ctx: WalkContext): MNode | undefined {
  const dest = visitMap(sources, ctx);
  sources[0] = dest;
  if (dest === undefined) return undefined;
  for (const key of fieldNames(sources)) {
    const values: Sources = [fieldOf(sources[0], key), fieldOf(sources[1], key)];
    let value: MNode | undefined;
    if (values[1] !== undefined) value = walk(values, fieldSchema(schema, key), { path: [...ctx.path, key], schema: ctx.schema });
    else if (values[0] !== null && typeof values[0] === 'object') value = walkUnpatched(values[0], fieldSchema(schema, key), [...ctx.path, key], ctx.schema);
    else continue; // a scalar (or a soft null) the patch does not touch stays
    setField(dest, key, value);
  }
  return dest;
}

/**
 * The walk of a node the patch says nothing about. merge2 walks those too,
 * but all it can change there is an associative list (empty elements
 * dropped, elements with the same key folded), so only those are walked for
 * real; maps are looked through and everything else is returned as it is.
 * Equivalent to walk([node, undefined]) and much cheaper: most of an object
 * is outside its patch. `path` is the field path, extended in place while
 * descending (and copied only for the rare error message).
 */
function walkUnpatched(node: MNode | undefined, schema: SchemaNode | undefined, path: string[], merge: MergeSchema): MNode | undefined {
  if (node === undefined || node === TAGGED_NULL) return undefined;
  if (node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) {
    return isMergeList(schema) ? walkAssociativeList([node, undefined], schema, { path: [...path], schema: merge }) : node;
  }
  const map = node as MMap;
  const resolved = schema ?? schemaFromMeta([map, undefined], merge);
  for (const field of Object.keys(map)) {
    const value = map[field];
    if (value === TAGGED_NULL) delete map[field];
    if (value === null || typeof value !== 'object' || value instanceof TaggedNull) continue;
    path.push(field);
    const walked = walkUnpatched(value, fieldSchema(resolved, field), path, merge);
    path.pop();
    if (walked !== value) setField(map, field, walked);
  }
  return map;
}

function fieldOf(node: MNode | undefined, key: string): MNode | undefined {
  if (!isMap(node) || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
  return node[key];
}

/** Keys of both maps, each once, sorted by code unit (as kyaml sorts field names). */
function fieldNames(sources: Sources): string[] {
  const [dest, origin] = sources;
  const names = isMap(dest) ? Object.keys(dest) : [];
  if (isMap(origin)) {
    for (const key of Object.keys(origin)) if (!isMap(dest) || !Object.prototype.hasOwnProperty.call(dest, key)) names.push(key);
  }
  return sortStrings(names);
}

/** Sorts distinct strings in place; insertion sort for the few keys of a map, without the work array `sort` allocates. */
function sortStrings(names: string[]): string[] {
  if (names.length > 32) return names.sort();
  for (let i = 1; i < names.length; i++) {
    const name = names[i]!;
    let j = i;
    for (; j > 0 && names[j - 1]! > name; j--) names[j] = names[j - 1]!;
    names[j] = name;
  }
  return names;
}

/** FieldSetter: a removed or patch-null value clears the field. */
function setField(dest: MNode, key: string, value: MNode | undefined): void {
  if (!isMap(dest)) return;
  if (isMissingOrNull(value)) delete (dest as MMap)[key];
  else (dest as MMap)[key] = value;
}

function visitMap(sources: Sources, ctx: WalkContext): MNode | undefined {
  const [dest, origin] = sources;
  if (isNullish(dest)) {
    // Adding: the directive is read (and removed) but only `delete` matters here.
    return peekDirectiveLenient(origin) === 'delete' ? undefined : origin;
  }
  if (origin === TAGGED_NULL) return undefined;
  switch (directiveOf(origin, ctx)) {
    case 'delete': return undefined;
    case 'replace': return origin;
    default: return dest;
  }
}

function visitScalar(sources: Sources): MNode | undefined {
  return sources[1] !== undefined ? sources[1] : sources[0];
}

/** merge2's VisitList; `associative` lists honour `$patch` and patch nulls. */
export function visitList(sources: Sources, associative: boolean, ctx: WalkContext): MNode | undefined {
  const [dest, origin] = sources;
  if (!associative) return origin !== undefined ? origin : dest;
  if (isNullish(dest)) return origin;
  if (origin === TAGGED_NULL) return undefined;
  switch (directiveOf(origin, ctx)) {
    case 'delete': return undefined;
    case 'replace': return origin;
    default: return dest;
  }
}

function directiveOf(origin: MNode | undefined, ctx: WalkContext): string {
  try {
    return takeDirective(origin);
  } catch (error) {
    throw new WalkError(error as Error, ctx.path);
  }
}
