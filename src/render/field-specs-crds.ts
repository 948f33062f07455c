import { isObject, type JsonObject, type JsonValue } from '../core/json.js';
import type { FieldSpec } from './field-specs.js';
import { emptyFieldSpecConfig, mergeFieldSpecConfig, type FieldSpecConfig } from './field-specs-config.js';

/**
 * The `crds:` field: OpenAPI definitions (a map of type name → {Schema}) whose
 * properties carry kustomize's x-kubernetes-* extensions. They add field specs
 * for annotations, label selectors, name prefixes and name references.
 */
const X_ANNOTATION = 'x-kubernetes-annotation';
const X_LABEL_SELECTOR = 'x-kubernetes-label-selector';
const X_IDENTITY = 'x-kubernetes-identity';
const X_REF_VERSION = 'x-kubernetes-object-ref-api-version';
const X_REF_KIND = 'x-kubernetes-object-ref-kind';
const X_REF_NAME_KEY = 'x-kubernetes-object-ref-name-key';

export function parseCrdConfig(value: JsonValue): FieldSpecConfig {
  if (value === null) return emptyFieldSpecConfig();
  if (!isObject(value)) throw new Error('a crds file must hold a map of OpenAPI definitions');
  let config = emptyFieldSpecConfig();
  for (const typeName of Object.keys(value)) {
    const props = propertiesOf(value, typeName);
    if (!props || !('kind' in props && 'apiVersion' in props && 'metadata' in props)) continue;
    const kind = typeName.split('.').pop() ?? typeName;
    const found = emptyFieldSpecConfig();
    collect(value, typeName, kind, [], found, new Set());
    config = mergeFieldSpecConfig(config, found);
  }
  return config;
}

function propertiesOf(defs: JsonObject, typeName: string): JsonObject | undefined {
  const def = defs[typeName];
  if (!isObject(def)) return undefined;
  const schema = def.Schema ?? def.schema;
  if (!isObject(schema)) return undefined;
  return isObject(schema.properties) ? schema.properties : undefined;
}

function collect(defs: JsonObject, typeName: string, kind: string, path: string[], out: FieldSpecConfig, seen: Set<string>): void {
  const props = propertiesOf(defs, typeName);
  if (!props || seen.has(typeName)) return;
  const visiting = new Set(seen).add(typeName);
  for (const [name, prop] of Object.entries(props)) {
    if (!isObject(prop)) continue;
    const here = [...path, name];
    const spec = (p: string[]): FieldSpec => ({ kind, path: p.join('/') });
    if (typeof prop[X_ANNOTATION] === 'string') out.commonAnnotations.push(spec(here));
    if (typeof prop[X_LABEL_SELECTOR] === 'string') out.commonLabels.push(spec(here));
    if (typeof prop[X_IDENTITY] === 'string') out.namePrefix.push(spec(here));
    const refVersion = prop[X_REF_VERSION];
    const refKind = prop[X_REF_KIND];
    if (typeof refVersion === 'string' && typeof refKind === 'string') {
      const nameKey = typeof prop[X_REF_NAME_KEY] === 'string' ? (prop[X_REF_NAME_KEY] as string) : 'name';
      out.nameReference.push({ kind: refKind, version: refVersion, fieldSpecs: [spec([...here, nameKey])] });
    }
    const ref = prop.$ref;
    if (typeof ref === 'string' && ref !== '') collect(defs, ref, kind, here, out, visiting);
  }
}
