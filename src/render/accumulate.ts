import { posix } from 'node:path';
import { diag, DiagnosticError, type SourceLocation } from '../core/diagnostic.js';
import type { JsonValue } from '../core/json.js';
import { parseDocuments } from '../yaml/index.js';
import { accumulateComponents, accumulateResources } from './accumulate-resources.js';
import { runGeneratorStage, runTransformerStage } from './accumulate-transformers.js';
import type { BuildMetadata } from './build-metadata.js';
import { KustomizationContext } from './context-impl.js';
import { RenderCode } from './errors.js';
import { defaultFieldSpecConfig, emptyFieldSpecConfig, mergeFieldSpecConfig, parseFieldSpecConfig, type FieldSpecConfig } from './field-specs-config.js';
import { parseCrdConfig } from './field-specs-crds.js';
import { findKustomizationFile, loadDecodedKustomization, type LoadedKustomization } from './load-kustomization.js';
import type { FileLoader } from './loader.js';
import type { BuildSession } from './loader-session.js';
import { ResMap } from './resmap.js';
import { mergeVars, type VarDecl } from './vars/index.js';

/** kustomize's ResAccumulator: the resources so far, the field specs in force and the declared vars. */
export interface Accumulator {
  resources: ResMap;
  config: FieldSpecConfig;
  vars: VarDecl[];
}

export function emptyAccumulator(): Accumulator {
  return { resources: new ResMap(), config: emptyFieldSpecConfig(), vars: [] };
}

/** One kustomization directory to build: its loader, its file, and where it sits relative to the top. */
export interface Target {
  loader: FileLoader;
  loaded: LoadedKustomization;
  /** Directory relative to the top-level kustomization, as kustomize writes origins ('' at the top). */
  originDir: string;
}

/** What every level of the recursion shares. */
export interface Build {
  session: BuildSession;
  metadata: BuildMetadata;
}

/** Finds, reads and loads the kustomization of a loader's root. */
export function loadTarget(session: BuildSession, loader: FileLoader, originDir: string, where?: Partial<SourceLocation>): Target {
  let file: string;
  try {
    file = findKustomizationFile(session.fs, loader.root);
  } catch (err) {
    if (where && err instanceof DiagnosticError && err.code === RenderCode.NoKustomization) {
      throw new DiagnosticError([{ ...err.diagnostics[0]!, ...where }]);
    }
    throw err;
  }
  const loaded = loadDecodedKustomization(file, session.decodedKustomization(file), (d) => session.warn(d));
  return { loader, loaded, originDir };
}

/**
 * Builds one kustomization into `acc`, depth first, in kustomize's order:
 * resources, then configurations and crds, generators, components (applied
 * in place, to everything so far), built-in transformers, and finally vars.
 */
export function accumulateTarget(build: Build, target: Target, acc: Accumulator): Accumulator {
  const ctx = new KustomizationContext(target.loader, target.loaded, target.originDir, () => acc.config);
  accumulateResources(build, ctx, acc, accumulateTarget);
  acc.config = mergeFieldSpecConfig(acc.config, customFieldSpecs(ctx));
  runGeneratorStage(build, ctx, acc);
  accumulateComponents(build, ctx, acc, accumulateTarget);
  runTransformerStage(build, ctx, acc);
  const declared = (ctx.kustomization.vars ?? []).map((spec, i) => ({ spec, source: ctx.sourceOf(['vars', i]) }));
  if (declared.length > 0) acc.vars = mergeVars(acc.vars, declared, acc.resources);
  return acc;
}

/** A base's field specs and vars join its parent's (its resources are appended by the caller, ids checked). */
export function mergeAccumulator(into: Accumulator, from: Accumulator): void {
  into.config = mergeFieldSpecConfig(into.config, from.config);
  if (from.vars.length > 0) into.vars = mergeVars(into.vars, from.vars);
}

/** kustomize's defaults plus `configurations:` files plus what `crds:` files imply. */
function customFieldSpecs(ctx: KustomizationContext): FieldSpecConfig {
  let config = defaultFieldSpecConfig();
  const k = ctx.kustomization;
  (k.configurations ?? []).forEach((entry, i) => {
    config = mergeFieldSpecConfig(config, readConfigFile(ctx, entry, ['configurations', i], parseFieldSpecConfig));
  });
  (k.crds ?? []).forEach((entry, i) => {
    config = mergeFieldSpecConfig(config, readConfigFile(ctx, entry, ['crds', i], parseCrdConfig));
  });
  return config;
}

function readConfigFile(
  ctx: KustomizationContext,
  entry: string,
  field: (string | number)[],
  parse: (value: JsonValue) => FieldSpecConfig,
): FieldSpecConfig {
  const where = ctx.where(field);
  const { path, text } = ctx.loader.readFile(entry, where);
  const values = text.trimStart().startsWith('{') ? [parseJson(text, path)] : parseDocuments(text, path).map((d) => d.value);
  try {
    return values.reduce<FieldSpecConfig>((config, value) => mergeFieldSpecConfig(config, parse(value)), emptyFieldSpecConfig());
  } catch (err) {
    throw new DiagnosticError([diag(RenderCode.BadFieldType, `${posix.basename(path)}: ${messageOf(err)}`, { file: path })]);
  }
}

function parseJson(text: string, file: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch (err) {
    throw new DiagnosticError([diag(RenderCode.YamlSyntax, messageOf(err), { file })]);
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
