import { isArray, isObject, type JsonValue } from '../core/json.js';
import { mergeFieldSpecs, type FieldSpec } from './field-specs.js';
import {
  COMMON_ANNOTATION_SPECS,
  COMMON_LABEL_SPECS,
  IMAGE_SPECS,
  METADATA_LABEL_SPEC,
  NAME_PREFIX_SPECS,
  NAME_SUFFIX_SPECS,
  NAMESPACE_SPECS,
  REPLICA_SPECS,
  TEMPLATE_LABEL_SPECS,
} from './field-specs-data.js';

/** A referenced kind and the fields that refer to it by name (kustomize's nameReference entry). */
export interface NameBackReference {
  group?: string;
  version?: string;
  kind?: string;
  fieldSpecs: FieldSpec[];
}

/**
 * kustomize's TransformerConfig: the field specs each built-in transformer
 * uses. Built-in defaults, plus whatever `configurations:` files and `crds:`
 * add; merged upward from bases and components like the resources are.
 */
export interface FieldSpecConfig {
  namePrefix: FieldSpec[];
  nameSuffix: FieldSpec[];
  namespace: FieldSpec[];
  commonLabels: FieldSpec[];
  templateLabels: FieldSpec[];
  commonAnnotations: FieldSpec[];
  images: FieldSpec[];
  replicas: FieldSpec[];
  varReference: FieldSpec[];
  nameReference: NameBackReference[];
}

type SpecListKey = Exclude<keyof FieldSpecConfig, 'nameReference'>;

/** The JSON keys of a configurations file, mapped to config lists. */
const SPEC_LIST_KEYS: readonly SpecListKey[] = [
  'namePrefix',
  'nameSuffix',
  'namespace',
  'commonLabels',
  'templateLabels',
  'commonAnnotations',
  'images',
  'replicas',
  'varReference',
];

export function emptyFieldSpecConfig(): FieldSpecConfig {
  return {
    namePrefix: [],
    nameSuffix: [],
    namespace: [],
    commonLabels: [],
    templateLabels: [],
    commonAnnotations: [],
    images: [],
    replicas: [],
    varReference: [],
    nameReference: [],
  };
}

/** kustomize's built-in specs; shared, never mutated (merging builds new configs). */
const DEFAULT_CONFIG: FieldSpecConfig = {
  ...emptyFieldSpecConfig(),
  namePrefix: [...NAME_PREFIX_SPECS],
  nameSuffix: [...NAME_SUFFIX_SPECS],
  namespace: [...NAMESPACE_SPECS],
  commonLabels: [...COMMON_LABEL_SPECS],
  templateLabels: [METADATA_LABEL_SPEC, ...TEMPLATE_LABEL_SPECS],
  commonAnnotations: [...COMMON_ANNOTATION_SPECS],
  images: [...IMAGE_SPECS],
  replicas: [...REPLICA_SPECS],
};

export function defaultFieldSpecConfig(): FieldSpecConfig {
  return DEFAULT_CONFIG;
}

/** Union of two configs; equal specs are kept once. Throws on a create/no-create conflict. */
export function mergeFieldSpecConfig(a: FieldSpecConfig, b: FieldSpecConfig): FieldSpecConfig {
  if (a === b || isEmptyConfig(b)) return a;
  if (isEmptyConfig(a)) return b;
  const out = emptyFieldSpecConfig();
  for (const key of SPEC_LIST_KEYS) out[key] = b[key].length === 0 ? a[key] : mergeFieldSpecs(a[key], b[key]);
  out.nameReference = mergeNameReferences(a.nameReference, b.nameReference);
  return out;
}

function isEmptyConfig(c: FieldSpecConfig): boolean {
  return c.nameReference.length === 0 && SPEC_LIST_KEYS.every((key) => c[key].length === 0);
}

function mergeNameReferences(a: NameBackReference[], b: NameBackReference[]): NameBackReference[] {
  if (b.length === 0) return a;
  const out = a.map((r) => ({ ...r }));
  for (const ref of b) {
    const twin = out.find((r) => (r.kind ?? '') === (ref.kind ?? '') && (r.group ?? '') === (ref.group ?? '') && (r.version ?? '') === (ref.version ?? ''));
    if (twin) twin.fieldSpecs = mergeFieldSpecs(twin.fieldSpecs, ref.fieldSpecs);
    else out.push({ ...ref, fieldSpecs: [...ref.fieldSpecs] });
  }
  return out;
}

/**
 * Reads a `configurations:` file's value. Unknown keys are ignored, as kustomize
 * does; malformed specs raise an Error naming the key (the caller adds the file).
 */
export function parseFieldSpecConfig(value: JsonValue): FieldSpecConfig {
  const out = emptyFieldSpecConfig();
  if (value === null) return out;
  if (!isObject(value)) throw new Error('a transformer configuration must be a mapping');
  for (const key of SPEC_LIST_KEYS) {
    if (value[key] !== undefined && value[key] !== null) out[key] = parseSpecList(value[key], key);
  }
  const refs = value.nameReference;
  if (refs !== undefined && refs !== null) {
    if (!isArray(refs)) throw new Error('nameReference must be a list');
    out.nameReference = refs.map((ref, i) => parseNameReference(ref, `nameReference[${i}]`));
  }
  return out;
}

function parseSpecList(value: JsonValue, where: string): FieldSpec[] {
  if (!isArray(value)) throw new Error(`${where} must be a list of field specs`);
  return value.map((item, i) => parseFieldSpec(item, `${where}[${i}]`));
}

export function parseFieldSpec(value: JsonValue, where: string): FieldSpec {
  if (!isObject(value)) throw new Error(`${where} must be a mapping`);
  const spec: FieldSpec = { path: stringField(value, 'path', where) ?? '' };
  for (const key of ['group', 'version', 'kind'] as const) {
    const v = stringField(value, key, where);
    if (v) spec[key] = v;
  }
  if (value.create !== undefined && value.create !== null) {
    if (typeof value.create !== 'boolean') throw new Error(`${where}.create must be a boolean`);
    if (value.create) spec.create = true;
  }
  return spec;
}

function parseNameReference(value: JsonValue, where: string): NameBackReference {
  if (!isObject(value)) throw new Error(`${where} must be a mapping`);
  const ref: NameBackReference = { fieldSpecs: [] };
  for (const key of ['group', 'version', 'kind'] as const) {
    const v = stringField(value, key, where);
    if (v) ref[key] = v;
  }
  if (value.fieldSpecs !== undefined && value.fieldSpecs !== null) ref.fieldSpecs = parseSpecList(value.fieldSpecs, `${where}.fieldSpecs`);
  return ref;
}

function stringField(obj: Record<string, JsonValue>, key: string, where: string): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new Error(`${where}.${key} must be a string`);
  return v;
}
