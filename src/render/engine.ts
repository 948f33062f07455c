import { posix } from 'node:path';
import { diag, DiagnosticError, type Diagnostic } from '../core/diagnostic.js';
import type { Resource } from '../core/resource.js';
import type { FileSystem } from '../fs/filesystem.js';
import { stringifyDocuments } from '../yaml/index.js';
import { accumulateTarget, emptyAccumulator, loadTarget, type Build } from './accumulate.js';
import { buildMetadataOf } from './build-metadata.js';
import type { BuildOptions } from './context.js';
import { RenderCode } from './errors.js';
import { finishTopLevel } from './finish.js';
import { FileLoader } from './loader.js';
import { BuildSession } from './loader-session.js';

export interface RenderOptions extends Partial<BuildOptions> {
  /** Called with each warning as it happens (kustomize prints deprecations while loading). */
  onWarning?: (warning: Diagnostic) => void;
}

export interface RenderResult {
  /** The output objects, in output order, as printed. */
  resources: Resource[];
  /** Exactly what `kubectl kustomize` prints. */
  yaml: string;
  /** Non-fatal diagnostics (deprecations), in the order kustomize prints them. */
  warnings: Diagnostic[];
}

/**
 * Builds the kustomization in `dir` as kustomize 5.5 does (`kubectl kustomize`):
 *
 *  1. load the top-level kustomization;
 *  2. accumulate it depth first — resources, configurations/crds, generators,
 *     components, built-in transformers, vars (see accumulate.ts);
 *  3. finish at the top level — hash suffixes, name references, vars,
 *     local-config, sort, build metadata, internal annotations (finish.ts);
 *  4. serialise.
 *
 * Throws a DiagnosticError naming file and line on any problem.
 */
export function renderKustomization(fs: FileSystem, dir: string, options: RenderOptions = {}): RenderResult {
  const buildOptions: BuildOptions = { loadRestrictor: options.loadRestrictor ?? 'rootOnly' };
  if (options.fileCache) buildOptions.fileCache = options.fileCache;
  const session = new BuildSession(fs, buildOptions, options.onWarning);
  const root = posix.resolve('/', dir);
  if (!fs.isDirectory(root)) {
    const what = fs.exists(root) ? 'is a file, not a directory' : 'does not exist';
    throw new DiagnosticError([diag(RenderCode.MissingResource, `must build at directory: '${root}' ${what}`, { file: root })]);
  }
  const top = loadTarget(session, FileLoader.atRoot(session, root), '');
  const build: Build = { session, metadata: buildMetadataOf(top.loaded.kustomization) };
  const accumulated = accumulateTarget(build, top, emptyAccumulator());
  const resources = finishTopLevel(build, top, accumulated);
  return { resources, yaml: stringifyDocuments(resources.map((r) => r.obj)), warnings: session.warnings };
}
