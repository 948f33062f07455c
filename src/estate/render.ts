import { DiagnosticError, diag, type Diagnostic } from '../core/diagnostic.js';
import type { Resource } from '../core/resource.js';
import type { FileSystem } from '../fs/filesystem.js';
import { MemoryFileSystem } from '../fs/memory.js';
import { OverlayFileSystem } from '../fs/overlay.js';
import type { BuildOptions } from '../render/context.js';
import { renderKustomization } from '../render/index.js';
import { CachedFileSystem } from './cached-fs.js';
import { clusterNeeds } from '../access/generate/index.js';
import { clusterAccessInput, composeCluster, type Composition } from './compose.js';
import type { GeneratedSources } from './provenance.js';
import { resolveCluster } from './resolve.js';
import type { Estate } from './types.js';

export interface RenderedCluster {
  cluster: string;
  resources: Resource[];
  /** The cluster's manifests exactly as `kubectl kustomize` prints them. */
  yaml: string;
  warnings: Diagnostic[];
}

export interface FailedCluster {
  cluster: string;
  diagnostics: Diagnostic[];
}

export interface FleetRender {
  /** In the order asked for. */
  rendered: RenderedCluster[];
  failed: FailedCluster[];
}

/**
 * Shared state of renders over one unchanging estate: file contents and parsed
 * YAML, so a base used by twelve clusters is read and parsed once.
 */
export interface RenderCache {
  fs: FileSystem;
  fileCache: NonNullable<BuildOptions['fileCache']>;
}

export function createRenderCache(fs: FileSystem): RenderCache {
  return { fs: new CachedFileSystem(fs), fileCache: new Map() };
}

/**
 * Renders one cluster: its generated kustomizations laid in memory over the
 * estate. With spec.access, team namespaces and workload ServiceAccounts the
 * render lacks are generated: found after a first render, then rendered again
 * with them (rare: most estates create their namespaces and accounts).
 */
export function renderCluster(fs: FileSystem, estate: Estate, clusterName: string, cache?: RenderCache): RenderedCluster {
  const resolved = resolveCluster(estate, clusterName);
  const first = renderComposition(fs, composeCluster(estate, resolved), clusterName, cache);
  const input = clusterAccessInput(estate, resolved);
  if (!input) return first;
  const missing = missingForAccess(clusterNeeds(input), first.resources);
  if (missing.namespaces.length === 0 && missing.serviceAccounts.length === 0) return first;
  return renderComposition(fs, composeCluster(estate, resolved, { missing }), clusterName, cache);
}

/** Team namespaces without a Namespace object, workload ServiceAccounts without an object. */
function missingForAccess(needs: { namespaces: string[]; serviceAccounts: string[] }, resources: Resource[]): { namespaces: string[]; serviceAccounts: string[] } {
  const namespaces = new Set<string>();
  const accounts = new Set<string>();
  for (const r of resources) {
    if (r.kind === 'Namespace' && r.id.group === '') namespaces.add(r.name);
    else if (r.kind === 'ServiceAccount' && r.id.group === '') accounts.add(`${r.namespace}/${r.name}`);
  }
  return { namespaces: needs.namespaces.filter((n) => !namespaces.has(n)), serviceAccounts: needs.serviceAccounts.filter((a) => !accounts.has(a)) };
}

function renderComposition(fs: FileSystem, composition: Composition, clusterName: string, cache?: RenderCache): RenderedCluster {
  const { files, root, sources } = composition;
  const generated = new MemoryFileSystem();
  for (const [path, text] of files) generated.write(path, text);
  const options: BuildOptions = { loadRestrictor: 'rootOnly' };
  if (cache) options.fileCache = cache.fileCache;
  let result: ReturnType<typeof renderKustomization>;
  try {
    result = renderKustomization(new OverlayFileSystem(generated, cache?.fs ?? fs), root, options);
  } catch (err) {
    if (err instanceof DiagnosticError) throw new DiagnosticError(err.diagnostics.map((d) => pointAtEstate(d, sources)));
    throw err;
  }
  for (const resource of result.resources) {
    pointOriginAtEstate(resource, sources);
    pointChangesAtEstate(resource, sources);
  }
  const warnings = result.warnings.map((d) => pointAtEstate(d, sources));
  return { cluster: clusterName, resources: result.resources, yaml: result.yaml, warnings };
}

export interface FleetOptions {
  /** Called before each cluster starts (for progress display). */
  onCluster?: (cluster: string, index: number, total: number) => void;
  /** Reuse a cache across calls (e.g. the same estate rendered twice); a fresh one by default. */
  cache?: RenderCache;
}

/**
 * Renders many clusters in one process, sharing reads and parses. Never stops
 * at the first failure: every cluster is tried, so one run reports them all.
 */
export function renderFleet(fs: FileSystem, estate: Estate, clusterNames: readonly string[], options: FleetOptions = {}): FleetRender {
  const cache = options.cache ?? createRenderCache(fs);
  const out: FleetRender = { rendered: [], failed: [] };
  clusterNames.forEach((name, i) => {
    options.onCluster?.(name, i, clusterNames.length);
    try {
      out.rendered.push(renderCluster(fs, estate, name, cache));
    } catch (err) {
      out.failed.push({ cluster: name, diagnostics: diagnosticsOf(err) });
    }
  });
  return out;
}

/** A generated object (team RBAC, EKS identity) starts at the estate line it stands for: a team file, spec.access. */
function pointOriginAtEstate(resource: Resource, sources: GeneratedSources): void {
  const at = sources.resolve(resource.origin.file, resource.origin.line);
  if (at) resource.origin = at.column ? { file: at.file, line: at.line, column: at.column } : { file: at.file, line: at.line };
}

/** A change made by a generated kustomization is credited to the estate line that asked for it. */
function pointChangesAtEstate(resource: Resource, sources: GeneratedSources): void {
  for (const change of resource.changes) {
    const at = change.source && sources.resolve(change.source.file, change.source.line);
    if (at) change.source = at.column ? { file: at.file, line: at.line, column: at.column } : { file: at.file, line: at.line };
  }
}

/** A problem found in a generated kustomization is reported where the user can fix it. */
function pointAtEstate(d: Diagnostic, sources: GeneratedSources): Diagnostic {
  const at = d.file && d.line ? sources.resolve(d.file, d.line) : undefined;
  if (!at) return d;
  const moved: Diagnostic = { ...d, file: at.file, line: at.line };
  if (at.column) moved.column = at.column;
  else delete moved.column;
  if (at.yamlPath) moved.yamlPath = at.yamlPath;
  else delete moved.yamlPath;
  return moved;
}

function diagnosticsOf(err: unknown): Diagnostic[] {
  if (err instanceof DiagnosticError) return err.diagnostics;
  const message = err instanceof Error ? err.message : String(err);
  return [diag('INTERNAL_ERROR', message)];
}
