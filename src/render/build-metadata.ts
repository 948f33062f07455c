import { posix } from 'node:path';
import { isObject, type JsonObject } from '../core/json.js';
import type { Resource } from '../core/resource.js';
import { stringifyDocument } from '../yaml/index.js';
import { ORIGIN_ANNOTATION, TRANSFORMATIONS_ANNOTATION } from './finish-annotations.js';
import type { Kustomization } from './kustomization.js';

/**
 * `buildMetadata` of the top-level kustomization (kustomize applies the top
 * level's list to every base and component). Origins and transformations are
 * tracked whenever the list is non-empty, and printed only when asked for.
 */
export interface BuildMetadata {
  track: boolean;
  originAnnotations: boolean;
  transformerAnnotations: boolean;
  managedByLabel: boolean;
}

export function buildMetadataOf(k: Kustomization): BuildMetadata {
  const list = k.buildMetadata ?? [];
  return {
    track: list.length > 0,
    originAnnotations: list.includes('originAnnotations'),
    transformerAnnotations: list.includes('transformerAnnotations'),
    managedByLabel: list.includes('managedByLabel'),
  };
}

/** kustomize's resource.Origin: a file, or the kustomization that configured a generator or transformer. */
export type Origin = { path: string } | { configuredIn: string; kind: string };

const ORIGIN = 'kustomize.origin';
const TRANSFORMATIONS = 'kustomize.transformations';
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
/** What the kustomize inside kubectl 1.32 reports as its version. */
export const MANAGED_BY_VALUE = 'kustomize-(devel)';

/** `<dir of this kustomization relative to the top>/<entry>`, cleaned like Go's filepath.Join. */
export function relativeOrigin(originDir: string, entry: string): string {
  return originDir === '' ? posix.normalize(entry) : posix.join(originDir, entry);
}

export function originOf(resource: Resource): Origin | undefined {
  return resource.meta[ORIGIN] as Origin | undefined;
}

export function setOrigin(resource: Resource, origin: Origin, overwrite = true): void {
  if (overwrite || resource.meta[ORIGIN] === undefined) resource.meta[ORIGIN] = origin;
}

/** Appends one transformer run to every resource (a new array: clones share meta arrays). */
export function recordTransformation(resources: Iterable<Resource>, configuredIn: string, kind: string, times: number): void {
  if (times <= 0) return;
  const entries = Array.from({ length: times }, () => ({ configuredIn, kind }));
  for (const r of resources) {
    const previous = (r.meta[TRANSFORMATIONS] as { configuredIn: string; kind: string }[] | undefined) ?? [];
    r.meta[TRANSFORMATIONS] = [...previous, ...entries];
  }
}

/** Writes the tracked origin and transformations as kustomize's annotations. */
export function writeBuildAnnotations(resource: Resource): void {
  const origin = originOf(resource);
  const transformations = resource.meta[TRANSFORMATIONS] as { configuredIn: string; kind: string }[] | undefined;
  if (!origin && !transformations) return;
  const annotations = ensureMap(ensureMap(resource.obj, 'metadata'), 'annotations');
  if (origin) annotations[ORIGIN_ANNOTATION] = originYaml(origin);
  if (transformations) {
    annotations[TRANSFORMATIONS_ANNOTATION] = transformations
      .map((t) => indentAsListItem(originYaml({ configuredIn: t.configuredIn, kind: t.kind })))
      .join('');
  }
}

/** The origin as kustomize marshals it: fields in struct order (path, configuredIn, configuredBy). */
function originYaml(origin: Origin): string {
  if ('path' in origin) return stringifyDocument({ path: origin.path });
  return (
    stringifyDocument({ configuredIn: origin.configuredIn }) +
    stringifyDocument({ configuredBy: { apiVersion: 'builtin', kind: origin.kind } })
  );
}

function indentAsListItem(yaml: string): string {
  return yaml
    .replace(/\n$/, '')
    .split('\n')
    .map((line, i) => (i === 0 ? `- ${line}` : `  ${line}`))
    .join('\n')
    .concat('\n');
}

export function addManagedByLabel(resource: Resource): void {
  ensureMap(ensureMap(resource.obj, 'metadata'), 'labels')[MANAGED_BY_LABEL] = MANAGED_BY_VALUE;
}

function ensureMap(obj: JsonObject, key: string): JsonObject {
  const value = obj[key];
  if (isObject(value)) return value;
  const created: JsonObject = {};
  obj[key] = created;
  return created;
}
