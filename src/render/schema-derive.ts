import type { FieldDesc } from './data/types.js';

/**
 * Turns an OpenAPI v2 document into the compact tables the strategic merge
 * needs (see data/types.ts). Used by scripts/derive-openapi-tables.ts for the
 * built-in Kubernetes schema, and at run time for a kustomization's own
 * `openapi: {path: …}` schema.
 */
export interface OpenApiSchema {
  $ref?: string;
  type?: string | string[];
  items?: OpenApiSchema;
  properties?: Record<string, OpenApiSchema>;
  additionalProperties?: OpenApiSchema | boolean;
  'x-kubernetes-patch-strategy'?: string;
  'x-kubernetes-patch-merge-key'?: string;
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-list-type'?: string;
  'x-kubernetes-group-version-kind'?: { group?: string; version: string; kind: string }[];
}

export interface OpenApiDocument {
  definitions?: Record<string, OpenApiSchema>;
  paths?: Record<string, { get?: { 'x-kubernetes-group-version-kind'?: { group?: string; version: string; kind: string } } }>;
}

export interface DeriveOptions {
  /** Shortens definition names (the built-in tables drop the `io.k8s.api.` prefixes). */
  shortName?: (name: string) => string;
  /** Fields to leave out, as `definition field` (short names). */
  skipField?: (definition: string, field: string) => boolean;
}

export interface MergeTables {
  roots: Record<string, string>;
  defs: Record<string, Record<string, FieldDesc>>;
}

export function typeKey(g: { group?: string; version: string; kind: string }): string {
  return `${g.group ? `${g.group}/${g.version}` : g.version} ${g.kind}`;
}

/** Types whose every GET path lacks a `namespaces/{namespace}` segment (kyaml's findNamespaceability). */
export function deriveClusterScoped(doc: OpenApiDocument): string[] {
  const namespaced = new Map<string, boolean>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    const gvk = item.get?.['x-kubernetes-group-version-kind'];
    if (!gvk) continue;
    const key = typeKey(gvk);
    if (path.includes('namespaces/{namespace}')) namespaced.set(key, true);
    else if (!namespaced.has(key)) namespaced.set(key, false);
  }
  return [...namespaced].filter(([, ns]) => !ns).map(([key]) => key).sort();
}

export function deriveMergeTables(doc: OpenApiDocument, options: DeriveOptions = {}): MergeTables {
  const shortName = options.shortName ?? ((name: string) => name);
  const flat = flatten(doc.definitions ?? {}, shortName);
  const relevant = relevantDefinitions(flat);
  const defs: Record<string, Record<string, FieldDesc>> = {};
  for (const name of Object.keys(flat).sort()) {
    if (!relevant.has(name)) continue;
    const fields: Record<string, FieldDesc> = {};
    for (const [field, prop] of Object.entries(flat[name]!.properties ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (options.skipField?.(name, field)) continue;
      const desc = describe(prop, relevant);
      if (desc) fields[field] = desc;
    }
    defs[name] = fields;
  }
  const roots: Record<string, string> = {};
  for (const [name, schema] of Object.entries(doc.definitions ?? {})) {
    for (const gvk of schema['x-kubernetes-group-version-kind'] ?? []) roots[typeKey(gvk)] = shortName(name);
  }
  return { roots, defs };
}

const refName = (ref: string): string => ref.replace('#/definitions/', '');

/**
 * Definitions keyed by short name, with every inline object schema (common in
 * hand-written schemas) lifted into a definition of its own, `parent/field`.
 */
function flatten(definitions: Record<string, OpenApiSchema>, shortName: (n: string) => string): Record<string, OpenApiSchema> {
  const out: Record<string, OpenApiSchema> = {};
  const lift = (schema: OpenApiSchema, name: string): OpenApiSchema => {
    if (schema.$ref) return { ...schema, $ref: shortName(refName(schema.$ref)) };
    const copy: OpenApiSchema = { ...schema };
    if (schema.items) copy.items = lift(schema.items, `${name}[]`);
    if (typeof schema.additionalProperties === 'object') copy.additionalProperties = lift(schema.additionalProperties, `${name}{}`);
    if (!schema.properties) return copy;
    const props: Record<string, OpenApiSchema> = {};
    for (const [field, prop] of Object.entries(schema.properties)) props[field] = lift(prop, `${name}/${field}`);
    out[name] = { ...copy, properties: props };
    return { ...copy, properties: undefined, $ref: name };
  };
  for (const [name, schema] of Object.entries(definitions)) {
    const short = shortName(name);
    const lifted = lift(schema, short);
    if (!out[short]) out[short] = lifted;
  }
  return out;
}

/** Describes a property; undefined when nothing that matters to the merge lies below it. */
function describe(schema: OpenApiSchema, relevant: Set<string>): FieldDesc | undefined {
  const desc = extensionsOf(schema);
  if (schema.$ref) {
    if (relevant.has(schema.$ref)) desc.r = schema.$ref;
  } else if (isArrayType(schema.type) && schema.items) {
    const items = describe(schema.items, relevant);
    // A merge-strategy list needs an element schema even when it leads nowhere (finalizers).
    if (items || desc.s) desc.a = items ?? {};
  } else if (typeof schema.additionalProperties === 'object') {
    const values = describe(schema.additionalProperties, relevant);
    if (values) desc.m = values;
  }
  return Object.keys(desc).length > 0 ? desc : undefined;
}

/** The merge extensions of a property: strategy, keys (list-map keys win) and list type. */
function extensionsOf(schema: OpenApiSchema): FieldDesc {
  const desc: FieldDesc = {};
  const strategy = schema['x-kubernetes-patch-strategy'];
  const mergeKey = schema['x-kubernetes-patch-merge-key'];
  const keys = schema['x-kubernetes-list-map-keys'] ?? (mergeKey ? [mergeKey] : undefined);
  if (strategy) desc.s = strategy;
  if (keys) desc.k = keys;
  const listType = schema['x-kubernetes-list-type'];
  if (listType && listType !== 'atomic') desc.t = listType;
  return desc;
}

/** kyaml only walks into list elements when the type is exactly `array`. */
function isArrayType(type: string | string[] | undefined): boolean {
  return type === 'array' || (Array.isArray(type) && type.length === 1 && type[0] === 'array');
}

function relevantDefinitions(defs: Record<string, OpenApiSchema>): Set<string> {
  const relevant = new Set<string>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const [name, schema] of Object.entries(defs)) {
      if (relevant.has(name)) continue;
      if (Object.values(schema.properties ?? {}).some((p) => describe(p, relevant) !== undefined)) {
        relevant.add(name);
        changed = true;
      }
    }
  }
  return relevant;
}
