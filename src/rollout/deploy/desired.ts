import type { KubeObject } from '../../cluster/types.js';
import { DiagnosticError, type Diagnostic } from '../../core/diagnostic.js';
import type { JsonValue } from '../../core/json.js';
import type { Resource } from '../../core/resource.js';
import { createRenderCache, renderFleet, type RenderedCluster } from '../../estate/render.js';
import type { Estate } from '../../estate/types.js';
import type { FileSystem } from '../../fs/filesystem.js';

export interface DesiredFleet {
  /** Cluster → its rendered objects, as the API server will receive them. */
  objects: Map<string, KubeObject[]>;
  rendered: RenderedCluster[];
  /** Non-fatal render findings, each once. */
  warnings: Diagnostic[];
}

/**
 * Renders the clusters a deploy may touch: the active ones, narrowed to
 * `only` when given. Names that are unknown or planned are left for the plan
 * to report (with a suggestion), so they are not rendered here.
 */
export function renderDesired(fs: FileSystem, estate: Estate, only?: readonly string[]): DesiredFleet {
  const wanted = only && only.length > 0 ? new Set(only) : undefined;
  const names = estate.clusters.filter((c) => c.status === 'active' && (!wanted || wanted.has(c.name))).map((c) => c.name);
  const fleet = renderFleet(fs, estate, names, { cache: createRenderCache(fs) });
  if (fleet.failed.length > 0) {
    // Every cluster's problems at once, each naming the cluster: the estate is fixed in one pass.
    throw new DiagnosticError(fleet.failed.flatMap((f) => f.diagnostics.map((d) => ({ ...d, message: `${f.cluster}: ${d.message}` }))));
  }
  const objects = new Map(fleet.rendered.map((r) => [r.cluster, r.resources.map(toKubeObject)]));
  const warnings = new Map<string, Diagnostic>();
  for (const r of fleet.rendered) for (const w of r.warnings) warnings.set(`${w.code}\0${w.file ?? ''}\0${w.line ?? ''}\0${w.message}`, w);
  return { objects, rendered: fleet.rendered, warnings: [...warnings.values()] };
}

/** A rendered resource as plain JSON for the API server (big integers become numbers, as JSON carries them). */
export function toKubeObject(resource: Resource): KubeObject {
  return plain(resource.obj) as unknown as KubeObject;
}

function plain(value: JsonValue): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = plain(value[key] as JsonValue);
    return out;
  }
  return value;
}
