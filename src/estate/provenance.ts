import type { SourceRef } from '../core/resource.js';
import { fastParse } from '../yaml/fast-parse.js';
import { UNKNOWN } from '../yaml/fast-positions.js';
import { parseDocuments, type ParsedDocument } from '../yaml/parse.js';
import { formatYamlPath, type YamlPath } from './checker.js';
import type { ClusterSpec, Estate, Layer, ServiceSpec, Settings } from './types.js';

/** A place in the estate: a SourceRef plus the YAML path there, for diagnostics. */
export interface EstateSource extends SourceRef {
  yamlPath?: string;
}

/**
 * Where, in harbormaster.yaml, a cluster's effective settings were written:
 * for each value, the highest layer that set it. A render points its
 * provenance and errors there, not at the generated kustomizations nobody
 * can open.
 */
export class SettingSources {
  private readonly layers: { layer: Layer; path: YamlPath }[];

  constructor(
    private readonly estate: Estate,
    private readonly cluster: ClusterSpec,
  ) {
    this.layers = [
      { layer: estate.defaults, path: ['spec', 'defaults'] },
      { layer: estate.environments[cluster.environment] ?? {}, path: ['spec', 'environments', cluster.environment] },
      { layer: estate.regions[cluster.region] ?? {}, path: ['spec', 'regions', cluster.region] },
      { layer: cluster, path: ['spec', 'clusters', cluster.index] },
    ];
  }

  /** The cluster's entry in spec.clusters: the fallback for anything generated. */
  clusterEntry(): EstateSource {
    return this.at(['spec', 'clusters', this.cluster.index]);
  }

  /** The highest layer setting any of `keys` in a map setting (labels, annotations). */
  map(field: 'labels' | 'annotations', keys: string[]): EstateSource {
    return this.highest(field, (map) => keys.some((k) => map[k] != null), []);
  }

  /** The highest layer setting this key of images or replicas. */
  entry(field: 'images' | 'replicas', key: string): EstateSource {
    return this.highest(field, (map) => map[key] != null, [key]);
  }

  /** settings.namespace when a layer overrides it, else the service's own spec.namespace. */
  namespace(service: ServiceSpec): EstateSource {
    const layer = [...this.layers].reverse().find((l) => l.layer.settings?.namespace !== undefined);
    if (layer && layer.layer.settings?.namespace) return this.at([...layer.path, 'settings', 'namespace']);
    const pos = service.document.locate(['spec', 'namespace']);
    return { file: service.file, line: pos?.line ?? 1, ...(pos ? { column: pos.column } : {}), yamlPath: 'spec.namespace' };
  }

  private highest(field: keyof Settings, has: (map: Record<string, unknown>) => boolean, suffix: string[]): EstateSource {
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const { layer, path } = this.layers[i]!;
      const map = layer.settings?.[field];
      if (map && typeof map === 'object' && has(map as Record<string, unknown>)) return this.at([...path, 'settings', field, ...suffix]);
    }
    return this.clusterEntry();
  }

  private at(path: YamlPath): EstateSource {
    const pos = this.estate.document.locate(path);
    const yamlPath = formatYamlPath(path);
    return pos ? { file: this.estate.file, line: pos.line, column: pos.column, yamlPath } : { file: this.estate.file, line: 1, yamlPath };
  }
}

/** Where paths of the text's first document are: one quick read keeping positions, or the full parser. */
function locatorOf(text: string, file: string): (path: YamlPath) => { line: number } | undefined {
  const quick = fastParse(text, { positions: true })?.[0];
  const positions = quick?.positions;
  if (quick && positions) {
    let full: ParsedDocument | undefined | null = null;
    return (path) => {
      const at = positions.locate(quick.value, path);
      if (at !== UNKNOWN) return at;
      full ??= parseDocuments(text, file)[0];
      return full?.locate(path);
    };
  }
  const doc = parseDocuments(text, file)[0];
  return (path) => doc?.locate(path);
}

/** A field of a generated kustomization and the estate line it stands for. */
export interface Anchor {
  path: YamlPath;
  source: EstateSource;
}

/**
 * Maps lines of the generated kustomizations back to the estate: each line
 * belongs to the nearest anchored field at or above it; lines above every
 * anchor (apiVersion, resources, …) belong to the cluster's entry.
 */
export class GeneratedSources {
  private readonly tables = new Map<string, { line: number; source: EstateSource }[]>();
  private readonly fallbacks = new Map<string, EstateSource>();

  add(file: string, text: string, anchors: Anchor[], fallback: EstateSource): void {
    const locate = anchors.length > 0 ? locatorOf(text, file) : () => undefined;
    const table = anchors
      .map((a) => ({ line: locate(a.path)?.line ?? 0, source: a.source }))
      .filter((e) => e.line > 0)
      .sort((a, b) => a.line - b.line);
    this.tables.set(file, table);
    this.fallbacks.set(file, fallback);
  }

  has(file: string): boolean {
    return this.tables.has(file);
  }

  /** The estate location behind `line` of a generated file; undefined for any other file. */
  resolve(file: string, line: number): EstateSource | undefined {
    const table = this.tables.get(file);
    if (!table) return undefined;
    let found = this.fallbacks.get(file);
    for (const entry of table) if (entry.line <= line) found = entry.source;
    return found;
  }
}
