import { diag, DiagnosticError } from '../core/diagnostic.js';
import { idString } from '../core/resource-id.js';
import { findIdConflict } from './accumulate-ids.js';
import type { Accumulator, Build } from './accumulate.js';
import { originOf, recordTransformation, relativeOrigin, setOrigin } from './build-metadata.js';
import type { KustomizationContext } from './context-impl.js';
import { RenderCode } from './errors.js';
import { runGenerators } from './generators/index.js';
import type { Kustomization } from './kustomization.js';
import { BUILTIN_TRANSFORMERS } from './transformers/registry.js';

/**
 * Generators: configMapGenerator then secretGenerator (one call, the
 * generators module keeps that order). helm charts and generator plugins
 * would come next; they need network or executables, so they are refused.
 */
export function runGeneratorStage(build: Build, ctx: KustomizationContext, acc: Accumulator): void {
  const k = ctx.kustomization;
  if ((k.configMapGenerator?.length ?? 0) + (k.secretGenerator?.length ?? 0) > 0) {
    runGenerators(acc.resources, ctx);
    if (build.metadata.track) {
      const configuredIn = relativeOrigin(ctx.originDir, ctx.loaded.fileName);
      for (const r of acc.resources) {
        if (r.generator && !originOf(r)) setOrigin(r, { configuredIn, kind: r.kind === 'Secret' ? 'SecretGenerator' : 'ConfigMapGenerator' });
      }
    }
  }
  if (k.helmCharts?.length) {
    const field = ctx.loaded.locate(['helmCharts']) ? 'helmCharts' : 'helmChartInflationGenerator';
    throw new DiagnosticError([
      diag(RenderCode.HelmUnsupported, 'helm chart inflation is not supported: it needs the helm binary and network access', ctx.where([field]), 'render the chart with `helm template` and list the output under resources:'),
    ]);
  }
  refusePlugins(ctx, 'generators');
}

/**
 * The built-in transformers in kustomize's fixed order, each only when its
 * field is set; then `transformers:` and `validators:` plugins (refused).
 * With buildMetadata, each configured transformer is noted on every object.
 */
export function runTransformerStage(build: Build, ctx: KustomizationContext, acc: Accumulator): void {
  const k = ctx.kustomization;
  const configuredIn = build.metadata.track ? relativeOrigin(ctx.originDir, ctx.loaded.fileName) : '';
  for (const step of BUILTIN_TRANSFORMERS) {
    if (isSet(k[step.field])) {
      step.run(acc.resources, ctx);
      dropEmpties(acc);
      if (RENAMING_PATCHES.has(step.field)) refuseIdConflicts(acc, ctx, step.field);
    }
    if (build.metadata.track) {
      const noted = TRANSFORMER_KINDS[step.field];
      if (noted) recordTransformation(acc.resources, configuredIn, noted.kind, noted.times(k));
    }
  }
  refusePlugins(ctx, 'transformers');
  refusePlugins(ctx, 'validators');
}

/** kustomize drops objects a transformer emptied (e.g. a `$patch: delete`). */
function dropEmpties(acc: Accumulator): void {
  let empty = false;
  for (const r of acc.resources) if (isEmptyObject(r.obj)) empty = true;
  if (empty) acc.resources.filter((r) => !isEmptyObject(r.obj));
}

function isEmptyObject(obj: object): boolean {
  for (const key in obj) if (Object.prototype.hasOwnProperty.call(obj, key)) return false;
  return true;
}

/** Patches may rename objects (allowNameChange); kustomize fails when that makes two ids equal. */
const RENAMING_PATCHES = new Set<keyof Kustomization>(['patchesStrategicMerge', 'patches', 'patchesJson6902']);

function refuseIdConflicts(acc: Accumulator, ctx: KustomizationContext, field: keyof Kustomization): void {
  const conflict = findIdConflict(acc.resources);
  if (!conflict) return;
  const [first, second] = conflict;
  throw new DiagnosticError([
    diag(RenderCode.DuplicateId, `may not add resource with an already registered id: ${idString(second.id)}`, ctx.where([field]), `${field} gave ${second.origin.file}:${second.origin.line} the id of ${first.origin.file}:${first.origin.line}`),
  ]);
}

function refusePlugins(ctx: KustomizationContext, field: 'generators' | 'transformers' | 'validators'): void {
  if (!ctx.kustomization[field]?.length) return;
  throw new DiagnosticError([
    diag(RenderCode.PluginUnsupported, `'${field}' plugins are not supported: only kustomize's built-in fields can be rendered`, ctx.where([field]), 'express the change with the built-in fields (patches, replacements, labels, …)'),
  ]);
}

function isSet(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

const count = (field: keyof Kustomization) => (k: Kustomization): number => (k[field] as unknown[] | undefined)?.length ?? 0;
const once = (field: keyof Kustomization) => (k: Kustomization): number => (isSet(k[field]) ? 1 : 0);

/**
 * How kustomize names each built-in transformer in transformation
 * annotations, and how many instances a kustomization configures. The
 * commonLabels one exists whenever `labels` or `commonLabels` is set.
 */
const TRANSFORMER_KINDS: Partial<Record<keyof Kustomization, { kind: string; times: (k: Kustomization) => number }>> = {
  patchesStrategicMerge: { kind: 'PatchStrategicMergeTransformer', times: once('patchesStrategicMerge') },
  patches: { kind: 'PatchTransformer', times: count('patches') },
  namespace: { kind: 'NamespaceTransformer', times: once('namespace') },
  namePrefix: { kind: 'PrefixTransformer', times: once('namePrefix') },
  nameSuffix: { kind: 'SuffixTransformer', times: once('nameSuffix') },
  labels: { kind: 'LabelTransformer', times: count('labels') },
  commonLabels: { kind: 'LabelTransformer', times: (k) => (isSet(k.labels) || isSet(k.commonLabels) ? 1 : 0) },
  commonAnnotations: { kind: 'AnnotationsTransformer', times: once('commonAnnotations') },
  patchesJson6902: { kind: 'PatchJson6902Transformer', times: count('patchesJson6902') },
  replicas: { kind: 'ReplicaCountTransformer', times: count('replicas') },
  images: { kind: 'ImageTagTransformer', times: count('images') },
  replacements: { kind: 'ReplacementTransformer', times: once('replacements') },
};
