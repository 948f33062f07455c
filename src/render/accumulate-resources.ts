import { diag, DiagnosticError, type SourceLocation } from '../core/diagnostic.js';
import { IdIndex } from './accumulate-ids.js';
import { emptyAccumulator, loadTarget, mergeAccumulator, type Accumulator, type Build, type Target } from './accumulate.js';
import { relativeOrigin, setOrigin } from './build-metadata.js';
import type { KustomizationContext } from './context-impl.js';
import { RenderCode } from './errors.js';
import { remoteError } from './loader.js';
import { resourcesFromFile } from './loader-resources.js';

type Recurse = (build: Build, target: Target, acc: Accumulator) => Accumulator;

/**
 * `resources:` in order. Each entry is a file (its objects appended), or a
 * directory built on its own — a fresh accumulator, merged in afterwards.
 * A Component may not be listed here.
 */
export function accumulateResources(build: Build, ctx: KustomizationContext, acc: Accumulator, recurse: Recurse): void {
  const entries = ctx.kustomization.resources ?? [];
  if (entries.length === 0) return;
  const ids = new IdIndex(acc.resources);
  entries.forEach((entry, i) => {
    const where = ctx.where(['resources', i]);
    // Origins are only kept with buildMetadata; the path is not worth computing otherwise.
    const originPath = build.metadata.track ? relativeOrigin(ctx.originDir, entry) : '';
    switch (kindOfEntry(ctx, entry, where)) {
      case 'file': {
        const resources = resourcesFromFile(build.session, ctx.loader.checkedFile(entry, where));
        if (build.metadata.track) resources.forEach((r) => setOrigin(r, { path: originPath }));
        ids.append(acc.resources, resources, where);
        return;
      }
      case 'directory': {
        const target = loadTarget(build.session, ctx.loader.child(entry, where), originPath, where);
        if (target.loaded.kustomization.kind === 'Component') {
          throw kindError(`expected kind != 'Component' for path '${target.loaded.root}'`, where, 'list a Component under components:, not resources:');
        }
        const sub = recurse(build, target, emptyAccumulator());
        ids.append(acc.resources, sub.resources.all(), where);
        mergeAccumulator(acc, sub);
        return;
      }
    }
  });
}

/**
 * `components:` in order. A component is built into the parent's own
 * accumulator: its resources and generators join the parent's, then its
 * transformers run over everything accumulated so far.
 */
export function accumulateComponents(build: Build, ctx: KustomizationContext, acc: Accumulator, recurse: Recurse): void {
  (ctx.kustomization.components ?? []).forEach((entry, i) => {
    const where = ctx.where(['components', i]);
    if (kindOfEntry(ctx, entry, where) === 'file') {
      throw new DiagnosticError([diag(RenderCode.MissingResource, `component '${entry}' must be a directory, not a file`, where)]);
    }
    const originPath = build.metadata.track ? relativeOrigin(ctx.originDir, entry) : '';
    const target = loadTarget(build.session, ctx.loader.child(entry, where), originPath, where);
    const kind = target.loaded.kustomization.kind;
    if (kind !== 'Component') {
      throw kindError(`expected kind 'Component' for path '${target.loaded.root}' but got '${kind}'`, where, 'a components: entry must have kind: Component');
    }
    recurse(build, target, acc);
  });
}

function kindOfEntry(ctx: KustomizationContext, entry: string, where: Partial<SourceLocation>): 'file' | 'directory' {
  if (entry === '') throw new DiagnosticError([diag(RenderCode.MissingResource, 'an empty entry names no file or directory', where)]);
  const kind = ctx.loader.classify(entry);
  if (kind === 'remote') throw remoteError(entry, where);
  if (kind === 'missing') {
    throw new DiagnosticError([
      diag(RenderCode.MissingResource, `'${entry}': no such file or directory (looked for ${ctx.loader.resolve(entry)})`, where),
    ]);
  }
  return kind;
}

function kindError(message: string, where: Partial<SourceLocation>, hint: string): DiagnosticError {
  return new DiagnosticError([diag(RenderCode.BadKind, message, where, hint)]);
}
