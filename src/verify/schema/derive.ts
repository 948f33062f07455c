/**
 * Derives the compact validation schema (see data-format.ts) from a
 * Kubernetes OpenAPI v2 document. Used only by the derive script; the product
 * loads the committed result.
 *
 * Steps: encode every field as a type code (small wrapper definitions such as
 * Quantity, IntOrString and Time become primitive codes), keep definitions
 * reachable from a kind, merge definitions that are structurally identical
 * (partition refinement, so recursive ones merge too), and number them in the
 * order they are first reached from the sorted kinds.
 */
import type { SchemaData } from './data-format.js';

export interface OpenApiSchema {
  type?: string;
  format?: string;
  $ref?: string;
  items?: OpenApiSchema;
  additionalProperties?: OpenApiSchema | boolean;
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  enum?: unknown[];
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string }[];
}

export interface OpenApiV2 {
  definitions: Record<string, OpenApiSchema>;
}

const REF_PREFIX = '#/definitions/';
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const LIST_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta';
/** Kinds every group serves for API machinery (DeleteOptions, WatchEvent, Status, …); never in manifests. */
const META_DEFINITIONS = 'io.k8s.apimachinery.pkg.apis.meta.v1.';
/** `kind: List` is a client-side kind (kubectl accepts it), absent from the server's schema. */
const GENERIC_LIST = { apiVersion: 'v1', kind: 'List', name: '#generic-list' };

/** A definition before numbering: fields with codes where `@name` stands for a reference. */
type RawDefinition = [field: string, code: string][];

class Encoder {
  readonly enums: string[][] = [];
  private readonly enumIds = new Map<string, number>();

  constructor(private readonly definitions: Record<string, OpenApiSchema>) {}

  /** Code of a field schema; references to object definitions stay as `@name` for now. */
  code(schema: OpenApiSchema): string {
    if (schema.$ref) {
      const name = schema.$ref.slice(REF_PREFIX.length);
      const target = this.definitions[name];
      if (!target) throw new Error(`unresolved $ref ${schema.$ref}`);
      return target.properties ? `@${name}` : name === QUANTITY ? 'q' : this.code(target);
    }
    if (schema['x-kubernetes-int-or-string'] || schema.format === 'int-or-string') return 'x';
    if (schema['x-kubernetes-embedded-resource']) return 'R';
    if (schema['x-kubernetes-preserve-unknown-fields']) return schema.type === 'object' || !schema.type ? 'o' : '*';
    return this.typed(schema);
  }

  private typed(schema: OpenApiSchema): string {
    switch (schema.type) {
      case 'string':
        if (schema.enum) return `%${this.enumId(schema.enum.map(String))}`;
        return schema.format === 'byte' ? 'B' : schema.format === 'date-time' ? 't' : 's';
      case 'integer':
        return schema.format === 'int32' ? 'I' : 'i';
      case 'number':
        return 'n';
      case 'boolean':
        return 'b';
      case 'array':
        return `[${schema.items ? this.code(schema.items) : '*'}`;
      case 'object': {
        const values = schema.additionalProperties;
        if (values && typeof values === 'object') return `{${this.code(values)}`;
        return 'o';
      }
      default:
        return '*';
    }
  }

  private enumId(values: string[]): number {
    const key = JSON.stringify(values);
    let id = this.enumIds.get(key);
    if (id === undefined) {
      id = this.enums.push(values) - 1;
      this.enumIds.set(key, id);
    }
    return id;
  }
}

function encodeDefinition(encoder: Encoder, schema: OpenApiSchema): RawDefinition {
  const required = new Set(schema.required ?? []);
  const fields: RawDefinition = Object.entries(schema.properties ?? {}).map(([name, field]) => [name, encoder.code(field)]);
  for (const name of required) if (!schema.properties?.[name]) fields.push([name, '*']);
  return fields.map(([name, code]) => [required.has(name) ? `!${name}` : name, code]);
}

function apiVersionOf(gvk: { group: string; version: string }): string {
  return gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version;
}

/** `apiVersion` → kind → definition name. */
function kindRoots(definitions: Record<string, OpenApiSchema>): Map<string, Map<string, string>> {
  const roots = new Map<string, Map<string, string>>();
  for (const [name, schema] of Object.entries(definitions)) {
    if (name.startsWith(META_DEFINITIONS)) continue;
    for (const gvk of schema['x-kubernetes-group-version-kind'] ?? []) {
      const apiVersion = apiVersionOf(gvk);
      if (!roots.has(apiVersion)) roots.set(apiVersion, new Map());
      roots.get(apiVersion)!.set(gvk.kind, name);
    }
  }
  roots.get(GENERIC_LIST.apiVersion)?.set(GENERIC_LIST.kind, GENERIC_LIST.name);
  return roots;
}

const refsOf = (code: string): string[] => (code.includes('@') ? [code.slice(code.indexOf('@') + 1)] : []);

/** Definitions reachable from the roots, in first-reached order. */
function reachable(raw: Map<string, RawDefinition>, roots: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (seen.has(name)) continue;
    seen.add(name);
    for (const [, code] of raw.get(name)!) queue.push(...refsOf(code));
  }
  return [...seen];
}

/** Class id per definition: definitions with the same fields, codes and (recursively) targets share a class. */
function equivalenceClasses(raw: Map<string, RawDefinition>, names: string[]): Map<string, number> {
  let classes = new Map(names.map((n) => [n, 0]));
  let count = 1;
  for (;;) {
    const ids = new Map<string, number>();
    const next = new Map<string, number>();
    for (const name of names) {
      const signature = raw.get(name)!.map(([f, c]) => `${f}:${c.replace(/@(.*)$/, (_, t: string) => `@${classes.get(t)}`)}`).join(' ');
      const key = `${classes.get(name)}|${signature}`;
      if (!ids.has(key)) ids.set(key, ids.size);
      next.set(name, ids.get(key)!);
    }
    classes = next;
    if (ids.size === count) return classes;
    count = ids.size;
  }
}

export function deriveValidationSchema(api: OpenApiV2, version: string): SchemaData {
  const encoder = new Encoder(api.definitions);
  const raw = new Map<string, RawDefinition>();
  for (const [name, schema] of Object.entries(api.definitions)) {
    if (schema.properties) raw.set(name, encodeDefinition(encoder, schema));
  }
  raw.set(GENERIC_LIST.name, [['apiVersion', 's'], ['items', '[R'], ['kind', 's'], ['metadata', `@${LIST_META}`]]);

  const roots = kindRoots(api.definitions);
  const apiVersions = [...roots.keys()].sort();
  const rootNames = apiVersions.flatMap((v) => [...roots.get(v)!.entries()].sort().map(([, name]) => name));
  const names = reachable(raw, rootNames);
  const classes = equivalenceClasses(raw, names);

  // Number classes in first-reached order; each class is written once.
  const numberOf = new Map<number, number>();
  const defs: string[] = [];
  const indexOf = (name: string): number => numberOf.get(classes.get(name)!)!;
  for (const name of names) if (!numberOf.has(classes.get(name)!)) numberOf.set(classes.get(name)!, numberOf.size);
  for (const name of names) {
    const n = indexOf(name);
    if (defs[n] !== undefined) continue;
    defs[n] = raw.get(name)!.map(([f, c]) => `${f}:${c.replace(/@(.*)$/, (_, t: string) => String(indexOf(t)))}`).join(' ');
  }

  const kinds: Record<string, string> = {};
  for (const apiVersion of apiVersions) {
    kinds[apiVersion] = [...roots.get(apiVersion)!.entries()].sort().map(([kind, name]) => `${kind}:${indexOf(name)}`).join(' ');
  }
  return { version, enums: encoder.enums, defs, kinds };
}
