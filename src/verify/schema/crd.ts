/**
 * Custom resources defined in the same rendered set: their schema is the
 * CRD's structural openAPIV3Schema, converted to SchemaNodes on first use
 * (large CRDs whose kinds are never used cost nothing).
 *
 * What the apiserver enforces and we mirror: declared types, `required`,
 * `enum`, and pruning — a field that is neither declared, covered by
 * `additionalProperties`, nor under `x-kubernetes-preserve-unknown-fields`
 * is unknown. `anyOf`/`oneOf`/`allOf`/`not`, patterns, lengths and bounds are
 * value validations we do not evaluate.
 */
import { isObject, type JsonObject, type JsonValue } from '../../core/json.js';
import { ANY_NODE, type NodeFormat, type NodeType, type SchemaNode } from './node.js';

export interface CrdVersion {
  /** openAPIV3Schema, or undefined when the version has none. */
  schema: JsonObject | undefined;
  converted?: SchemaNode;
}

export interface CrdKind {
  /** metadata.name of the CRD, e.g. `widgets.example.com`. */
  crd: string;
  versions: Map<string, CrdVersion>;
  /** `spec.preserveUnknownFields: true` (the v1beta1 default): nothing is pruned. */
  preserveAll: boolean;
}

const CRD_API_VERSIONS = new Set(['apiextensions.k8s.io/v1', 'apiextensions.k8s.io/v1beta1']);
const TYPES = new Set<string>(['string', 'integer', 'number', 'boolean', 'object', 'array']);
const FORMATS: Record<string, NodeFormat | undefined> = { int32: 'int32', int64: 'int64', byte: 'byte', 'date-time': 'date-time' };

const asObject = (v: JsonValue | undefined): JsonObject | undefined => (isObject(v) ? v : undefined);
const asString = (v: JsonValue | undefined): string => (typeof v === 'string' ? v : '');

/** CRDs among `objects`, keyed `group Kind`. */
export function collectCrds(objects: Iterable<JsonObject>): Map<string, CrdKind> {
  const crds = new Map<string, CrdKind>();
  for (const obj of objects) {
    if (obj.kind !== 'CustomResourceDefinition' || !CRD_API_VERSIONS.has(asString(obj.apiVersion))) continue;
    const spec = asObject(obj.spec);
    const group = asString(spec?.group);
    const kind = asString(asObject(spec?.names)?.kind);
    if (!spec || !group || !kind) continue;
    const legacy = obj.apiVersion === 'apiextensions.k8s.io/v1beta1';
    crds.set(`${group} ${kind}`, {
      crd: asString(asObject(obj.metadata)?.name),
      versions: crdVersions(spec),
      preserveAll: spec.preserveUnknownFields === true || (legacy && spec.preserveUnknownFields !== false),
    });
  }
  return crds;
}

function crdVersions(spec: JsonObject): Map<string, CrdVersion> {
  const shared = asObject(asObject(spec.validation)?.openAPIV3Schema);
  const versions = new Map<string, CrdVersion>();
  for (const entry of Array.isArray(spec.versions) ? spec.versions : []) {
    const version = asObject(entry);
    const name = asString(version?.name);
    if (name) versions.set(name, { schema: asObject(asObject(version?.schema)?.openAPIV3Schema) ?? shared });
  }
  const single = asString(spec.version);
  if (single && !versions.has(single)) versions.set(single, { schema: shared });
  return versions;
}

/** The schema of one served version, with apiVersion/kind/metadata every object has. */
export function crdVersionSchema(kind: CrdKind, version: CrdVersion, objectMeta: SchemaNode): SchemaNode {
  if (!version.converted) {
    const converter = new Converter(objectMeta, kind.preserveAll);
    const root = version.schema ? converter.convert(version.schema) : { origin: 'crd' as const, preserveUnknown: true };
    version.converted = converter.asResource({ ...root, type: 'object' });
  }
  return version.converted;
}

class Converter {
  constructor(
    private readonly objectMeta: SchemaNode,
    private readonly preserveAll: boolean,
  ) {}

  convert(schema: JsonObject): SchemaNode {
    const node: SchemaNode = { origin: 'crd' };
    const type = schemaType(schema);
    if (type) node.type = type;
    const format = FORMATS[asString(schema.format)];
    if (format && (type === 'integer' || type === 'string')) node.format = format;
    if (Array.isArray(schema.enum)) node.enum = schema.enum;
    if (isObject(schema.properties)) node.properties = this.properties(schema.properties);
    const additional = schema.additionalProperties;
    if (isObject(additional)) node.additional = this.convert(additional);
    else if (additional === true) node.additional = ANY_NODE;
    if (isObject(schema.items)) node.items = this.convert(schema.items);
    if (Array.isArray(schema.required)) node.required = schema.required.filter((r): r is string => typeof r === 'string');
    if (schema['x-kubernetes-preserve-unknown-fields'] === true || this.preserveAll) node.preserveUnknown = true;
    return schema['x-kubernetes-embedded-resource'] === true ? this.asResource(node) : node;
  }

  /** apiVersion, kind and metadata are implicit in a whole object; metadata is always ObjectMeta. */
  asResource(node: SchemaNode): SchemaNode {
    const properties = new Map(node.properties);
    properties.set('apiVersion', { type: 'string', origin: 'crd' });
    properties.set('kind', { type: 'string', origin: 'crd' });
    properties.set('metadata', this.objectMeta);
    return { ...node, properties };
  }

  private properties(source: JsonObject): Map<string, SchemaNode> {
    const out = new Map<string, SchemaNode>();
    for (const [name, schema] of Object.entries(source)) out.set(name, isObject(schema) ? this.convert(schema) : ANY_NODE);
    return out;
  }
}

function schemaType(schema: JsonObject): NodeType | undefined {
  if (schema['x-kubernetes-int-or-string'] === true) return 'int-or-string';
  const type = asString(schema.type);
  if (TYPES.has(type)) return type as NodeType;
  if (isObject(schema.properties) || schema.additionalProperties !== undefined) return 'object';
  return undefined;
}
