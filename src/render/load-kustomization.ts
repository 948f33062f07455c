import { posix } from 'node:path';
import { diag, DiagnosticError, warning, type Diagnostic } from '../core/diagnostic.js';
import { cloneJson, type JsonObject } from '../core/json.js';
import type { FileSystem } from '../fs/filesystem.js';
import { RenderCode } from './errors.js';
import type { Kustomization } from './kustomization.js';
import { decodeStrict, pathKey } from './loader-decode.js';
import { KUSTOMIZATION_TYPE } from './loader-schema.js';
import { parseKustomizationYaml, type Pos } from './loader-yaml.js';

export const KUSTOMIZATION_FILE_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;

const KUSTOMIZATION_VERSION = 'kustomize.config.k8s.io/v1beta1';
const COMPONENT_VERSION = 'kustomize.config.k8s.io/v1alpha1';

/** A kustomization file read, strictly decoded, warned about and normalised. */
export interface LoadedKustomization {
  /** Absolute directory, as reached (symlinks not resolved). */
  root: string;
  /** Absolute path of the kustomization file. */
  file: string;
  /** File name only (`kustomization.yaml`, …), for origin annotations. */
  fileName: string;
  kustomization: Kustomization;
  /** Position of a field or list element of the file, after normalisation (bases count as resources). */
  locate(path: readonly (string | number)[]): Pos | undefined;
}

/** Deprecated fields in the order kustomize warns about them, with their replacement. */
const DEPRECATIONS: readonly { field: keyof Kustomization; use: string; experimental?: boolean }[] = [
  { field: 'bases', use: 'resources' },
  { field: 'commonLabels', use: 'labels' },
  { field: 'imageTags', use: 'images' },
  { field: 'patchesJson6902', use: 'patches' },
  { field: 'patchesStrategicMerge', use: 'patches' },
  { field: 'vars', use: 'replacements', experimental: true },
];

/** Finds the one kustomization file in `dir`. */
export function findKustomizationFile(fs: FileSystem, dir: string): string {
  const found = KUSTOMIZATION_FILE_NAMES.map((n) => posix.join(dir, n)).filter((p) => fs.isFile(p));
  if (found.length === 0) {
    throw new DiagnosticError([
      diag(
        RenderCode.NoKustomization,
        `unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '${dir}'`,
        { file: dir },
      ),
    ]);
  }
  if (found.length > 1) {
    throw new DiagnosticError([diag(RenderCode.MultipleKustomizations, `Found multiple kustomization files under: ${dir}`, { file: found[1] })]);
  }
  return found[0]!;
}

/** A kustomization file strictly decoded, before warnings and normalisation (cacheable: never mutated). */
export interface DecodedKustomization {
  value: JsonObject;
  positions: ReadonlyMap<string, Pos>;
}

/** Parses and decodes a kustomization file; throws every decoding problem at once. */
export function decodeKustomization(file: string, text: string): DecodedKustomization {
  const decoded = decodeStrict(parseKustomizationYaml(text, file), KUSTOMIZATION_TYPE, file);
  if (decoded.problems.length > 0) {
    throw new DiagnosticError([...decoded.problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  }
  return { value: decoded.value, positions: decoded.positions };
}

/** Parses and checks one kustomization file; deprecation warnings go to `warn` first, as kustomize prints them. */
export function loadKustomization(file: string, text: string, warn: (d: Diagnostic) => void): LoadedKustomization {
  return loadDecodedKustomization(file, decodeKustomization(file, text), warn);
}

/** Warns about deprecated fields, normalises and checks a decoded kustomization (which it does not change). */
export function loadDecodedKustomization(file: string, decoded: DecodedKustomization, warn: (d: Diagnostic) => void): LoadedKustomization {
  const k = cloneJson(decoded.value) as Kustomization & JsonObject;
  const positions = new CopyOnWrite(decoded.positions);
  for (const d of DEPRECATIONS) {
    if (k[d.field] === undefined) continue;
    const fix = `${d.experimental ? '[EXPERIMENTAL] ' : ''}Run 'kustomize edit fix' to update your Kustomization automatically.`;
    const at = positions.get(pathKey([d.field]));
    warn(warning(RenderCode.Deprecated, `'${d.field}' is deprecated. Please use '${d.use}' instead. ${fix}`, { file, ...at }));
  }
  normalise(k, positions);
  const root = posix.dirname(file);
  if (isEmpty(k)) throw new DiagnosticError([diag(RenderCode.EmptyKustomization, 'kustomization.yaml is empty', { file })]);
  const kindProblems = enforceKind(k);
  if (kindProblems.length > 0) {
    const at = positions.get(pathKey(['kind'])) ?? positions.get(pathKey(['apiVersion']));
    throw new DiagnosticError(
      kindProblems.map((p) => diag(RenderCode.BadKind, `Failed to read kustomization file under ${root}: ${p}`, { file, ...at })),
    );
  }
  return {
    root,
    file,
    fileName: posix.basename(file),
    kustomization: k,
    locate: (path) => positions.get(pathKey(path)),
  };
}

/**
 * The decoded positions, shared (the decoding is cached for a whole fleet)
 * until normalisation moves one; only then copied.
 */
class CopyOnWrite {
  private own: Map<string, Pos> | undefined;

  constructor(private readonly shared: ReadonlyMap<string, Pos>) {}

  get(key: string): Pos | undefined {
    return (this.own ?? this.shared).get(key);
  }

  set(key: string, pos: Pos): void {
    (this.own ??= new Map(this.shared)).set(key, pos);
  }
}

/** kustomize's FixKustomization: defaults and deprecated fields folded into their successors. */
function normalise(k: Kustomization, positions: CopyOnWrite): void {
  if (!k.kind) k.kind = 'Kustomization';
  if (!k.apiVersion) k.apiVersion = k.kind === 'Component' ? COMPONENT_VERSION : KUSTOMIZATION_VERSION;
  appendDeprecated(k, 'bases', 'resources', positions);
  appendDeprecated(k, 'imageTags', 'images', positions);
  for (const field of ['configMapGenerator', 'secretGenerator'] as const) {
    k[field]?.forEach((g, i) => {
      if (!g.env) return;
      g.envs = [...(g.envs ?? []), g.env];
      const at = positions.get(pathKey([field, i, 'env']));
      if (at) positions.set(pathKey([field, i, 'envs', g.envs.length - 1]), at);
      delete g.env;
    });
  }
  if (k.helmChartInflationGenerator) {
    k.helmCharts = [...(k.helmCharts ?? []), ...k.helmChartInflationGenerator];
    delete k.helmChartInflationGenerator;
  }
}

function appendDeprecated<F extends 'bases' | 'imageTags', T extends 'resources' | 'images'>(
  k: Kustomization,
  from: F,
  to: T,
  positions: CopyOnWrite,
): void {
  const old = k[from] as unknown[] | undefined;
  delete k[from];
  if (!old || old.length === 0) return;
  const target = ((k[to] as unknown[] | undefined) ?? []) as unknown[];
  old.forEach((_, i) => {
    const at = positions.get(pathKey([from, i]));
    if (at) positions.set(pathKey([to, target.length + i]), at);
  });
  (k as Record<string, unknown>)[to] = [...target, ...old];
}

function isEmpty(k: Kustomization): boolean {
  return Object.keys(k).every((key) => key === 'apiVersion' || key === 'kind');
}

function enforceKind(k: Kustomization): string[] {
  const problems: string[] = [];
  if (k.kind !== 'Kustomization' && k.kind !== 'Component') problems.push('kind should be Kustomization or Component');
  const required = k.kind === 'Component' ? COMPONENT_VERSION : KUSTOMIZATION_VERSION;
  if (k.apiVersion !== required) problems.push(`apiVersion for ${k.kind} should be ${required}`);
  return problems;
}
