/**
 * The shape of a kustomization file (kustomize v5.5's types.Kustomization),
 * as data for the strict decoder: every known field, nested structs included,
 * with the Go type names kustomize's own error messages use.
 */
export type FieldType =
  | { readonly t: 'string' }
  | { readonly t: 'bool' }
  | { readonly t: 'int' }
  | { readonly t: 'any' }
  | { readonly t: 'list'; readonly of: FieldType }
  | { readonly t: 'map'; readonly of: FieldType }
  | { readonly t: 'struct'; readonly name: string; readonly fields: Readonly<Record<string, FieldType>> };

const str: FieldType = { t: 'string' };
const bool: FieldType = { t: 'bool' };
const int: FieldType = { t: 'int' };
const any: FieldType = { t: 'any' };
const list = (of: FieldType): FieldType => ({ t: 'list', of });
const map = (of: FieldType): FieldType => ({ t: 'map', of });
type StructType = FieldType & { readonly t: 'struct' };
const struct = (name: string, fields: Record<string, FieldType>): StructType => ({ t: 'struct', name, fields });

const strList = list(str);
const strMap = map(str);
const gvk = { group: str, version: str, kind: str };
const resId = { ...gvk, name: str, namespace: str };

const fieldSpec = struct('FieldSpec', { ...gvk, path: str, create: bool });
const selector = struct('Selector', { ...resId, annotationSelector: str, labelSelector: str });
const patch = struct('Patch', { path: str, patch: str, target: selector, options: map(bool) });
const image = struct('Image', { name: str, newName: str, newTag: str, digest: str, tagSuffix: str });
const generatorOptions = struct('GeneratorOptions', {
  labels: strMap,
  annotations: strMap,
  disableNameSuffixHash: bool,
  immutable: bool,
});
const generatorArgs = {
  namespace: str,
  name: str,
  behavior: str,
  literals: strList,
  files: strList,
  envs: strList,
  env: str,
  options: generatorOptions,
};
const fieldOptions = struct('FieldOptions', { delimiter: str, index: int, encoding: str, create: bool });
const replacementField = struct('ReplacementField', {
  source: struct('SourceSelector', { ...resId, fieldPath: str, options: fieldOptions }),
  targets: list(
    struct('TargetSelector', { select: selector, reject: list(selector), fieldPaths: strList, options: fieldOptions }),
  ),
  path: str,
});
const helmChart = struct('HelmChart', {
  name: str,
  version: str,
  repo: str,
  releaseName: str,
  namespace: str,
  additionalValuesFiles: strList,
  valuesFile: str,
  valuesInline: map(any),
  valuesMerge: str,
  includeCRDs: bool,
  skipHooks: bool,
  apiVersions: strList,
  kubeVersion: str,
  nameTemplate: str,
  skipTests: bool,
  debug: bool,
});
const helmChartArgs = struct('HelmChartArgs', {
  chartName: str,
  chartVersion: str,
  chartRepoUrl: str,
  chartHome: str,
  chartRepoName: str,
  helmBin: str,
  helmHome: str,
  values: str,
  valuesLocal: map(any),
  valuesMerge: str,
  releaseName: str,
  releaseNamespace: str,
  extraArgs: strList,
});

export const KUSTOMIZATION_TYPE = struct('Kustomization', {
  apiVersion: str,
  kind: str,
  metadata: struct('ObjectMeta', { name: str, namespace: str, labels: strMap, annotations: strMap }),
  openapi: strMap,
  namePrefix: str,
  nameSuffix: str,
  namespace: str,
  commonLabels: strMap,
  labels: list(struct('Label', { pairs: strMap, includeSelectors: bool, includeTemplates: bool, fields: list(fieldSpec) })),
  commonAnnotations: strMap,
  patchesStrategicMerge: strList,
  patchesJson6902: list(patch),
  patches: list(patch),
  images: list(image),
  imageTags: list(image),
  replacements: list(replacementField),
  replicas: list(struct('Replica', { name: str, count: int })),
  vars: list(
    struct('Var', {
      name: str,
      objref: struct('Target', { apiVersion: str, ...resId }),
      fieldref: struct('FieldSelector', { fieldpath: str }),
    }),
  ),
  sortOptions: struct('SortOptions', {
    order: str,
    legacySortOptions: struct('LegacySortOptions', { orderFirst: strList, orderLast: strList }),
  }),
  resources: strList,
  components: strList,
  crds: strList,
  bases: strList,
  configMapGenerator: list(struct('ConfigMapArgs', generatorArgs)),
  secretGenerator: list(struct('SecretArgs', { ...generatorArgs, type: str })),
  helmGlobals: struct('HelmGlobals', { chartHome: str, configHome: str }),
  helmCharts: list(helmChart),
  helmChartInflationGenerator: list(helmChartArgs),
  generatorOptions,
  configurations: strList,
  generators: strList,
  transformers: strList,
  validators: strList,
  buildMetadata: strList,
});

/** Go's spelling of a type, for messages such as "… of type map[string]string". */
export function goTypeName(type: FieldType): string {
  switch (type.t) {
    case 'string':
      return 'string';
    case 'bool':
      return 'bool';
    case 'int':
      return 'int64';
    case 'any':
      return 'interface {}';
    case 'list':
      return `[]${goTypeName(type.of)}`;
    case 'map':
      return `map[string]${goTypeName(type.of)}`;
    case 'struct':
      return `types.${type.name}`;
  }
}
