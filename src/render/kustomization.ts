import type { JsonObject, JsonValue } from '../core/json.js';

/**
 * The kustomization file as loaded (after normalising deprecated fields, see
 * load-kustomization.ts). Field names and shapes follow kustomize v5.5.
 */
export interface Kustomization {
  apiVersion?: string;
  kind?: 'Kustomization' | 'Component';
  metadata?: JsonObject;
  openapi?: JsonObject;
  buildMetadata?: string[];
  sortOptions?: SortOptions;
  resources?: string[];
  components?: string[];
  crds?: string[];
  /** Deprecated: appended to `resources` when loaded. */
  bases?: string[];
  configMapGenerator?: GeneratorArgs[];
  secretGenerator?: GeneratorArgs[];
  generatorOptions?: GeneratorOptions;
  helmCharts?: JsonValue[];
  helmGlobals?: JsonValue;
  helmChartInflationGenerator?: JsonValue[];
  generators?: string[];
  transformers?: string[];
  validators?: string[];
  configurations?: string[];
  namePrefix?: string;
  nameSuffix?: string;
  namespace?: string;
  commonLabels?: Record<string, string>;
  labels?: LabelArgs[];
  commonAnnotations?: Record<string, string>;
  patches?: PatchArgs[];
  patchesStrategicMerge?: string[];
  patchesJson6902?: PatchArgs[];
  images?: ImageArgs[];
  imageTags?: ImageArgs[];
  replicas?: ReplicaArgs[];
  replacements?: ReplacementEntry[];
  vars?: VarArgs[];
}

export interface SortOptions {
  order?: 'legacy' | 'fifo';
  legacySortOptions?: { orderFirst?: string[]; orderLast?: string[] };
}

export interface GeneratorOptions {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  disableNameSuffixHash?: boolean;
  immutable?: boolean;
}

export interface GeneratorArgs {
  name?: string;
  namespace?: string;
  behavior?: 'create' | 'merge' | 'replace' | '';
  literals?: string[];
  files?: string[];
  envs?: string[];
  /** Deprecated single env file; becomes an `envs` entry. */
  env?: string;
  options?: GeneratorOptions;
  /** Secrets only; default `Opaque`. */
  type?: string;
}

export interface LabelArgs {
  pairs?: Record<string, string>;
  includeSelectors?: boolean;
  includeTemplates?: boolean;
  fields?: JsonValue[];
}

/** Selects resources for patches and replacements. `name`/`namespace` are regexes (anchored). */
export interface Selector {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  labelSelector?: string;
  annotationSelector?: string;
}

export interface PatchArgs {
  path?: string;
  patch?: string;
  target?: Selector;
  options?: { allowNameChange?: boolean; allowKindChange?: boolean };
}

export interface ImageArgs {
  name?: string;
  newName?: string;
  newTag?: string;
  digest?: string;
  tagSuffix?: string;
}

export interface ReplicaArgs {
  name?: string;
  count?: number;
}

/** An inline replacement or `{path: file}` pointing at a file of replacements. */
export type ReplacementEntry = JsonObject;

export interface VarArgs {
  name: string;
  objref: { kind?: string; name?: string; apiVersion?: string; group?: string; version?: string; namespace?: string };
  fieldref?: { fieldpath?: string };
}
