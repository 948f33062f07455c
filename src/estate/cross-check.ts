import { warning, type Diagnostic } from '../core/diagnostic.js';
import { isObject, type JsonObject, type JsonValue } from '../core/json.js';
import type { DocChecker, YamlPath } from './checker.js';
import { EstateCode } from './codes.js';
import type { AddonPin } from './load-addons.js';
import { didYouMean } from './suggest.js';

/**
 * Checks of harbormaster.yaml that need more than one field: references
 * between clusters, environments, regions and services. Works on the value
 * `readShape` returned (invalid parts pruned); names that exist but are
 * themselves invalid still count as known, so one mistake is reported once.
 */
export function crossCheck(spec: JsonObject, c: DocChecker, serviceNames: readonly string[], warnings: Diagnostic[]): void {
  const original = objectAt(c.doc.value, 'spec');
  const environments = Object.keys(objectAt(original, 'environments'));
  const regions = Object.keys(objectAt(original, 'regions'));
  const defaults = objectAt(original, 'defaults');
  const seen = new Map<string, number>();
  clustersOf(spec).forEach(({ cluster, index }) => {
    const at: YamlPath = ['spec', 'clusters', index];
    const name = cluster.name as string;
    const first = seen.get(name);
    if (first === undefined) seen.set(name, index);
    else {
      const line = c.where(['spec', 'clusters', first, 'name']).line;
      c.report(EstateCode.DuplicateCluster, `cluster ${name} is defined more than once`, [...at, 'name'], `first defined at line ${line}`);
    }
    const environment = cluster.environment as string;
    if (isObject(original.environments ?? null) && !environments.includes(environment)) {
      c.report(EstateCode.UnknownEnvironment, `unknown environment ${environment}`, [...at, 'environment'], didYouMean(environment, environments) ?? `known environments: ${environments.join(', ')}`);
    }
    const region = cluster.region as string;
    const likely = regions.includes(region) ? undefined : didYouMean(region, regions);
    if (likely) warnings.push(warning(EstateCode.RegionWithoutLayer, `region ${region} has no entry in spec.regions`, c.where([...at, 'region']), likely));
    // Judged on the file as written: an invalid version was already reported, it is not also missing.
    const written = Array.isArray(original.clusters) ? original.clusters[index] : undefined;
    if (objectAt({ c: written ?? null }, 'c').kubernetesVersion == null && defaults.kubernetesVersion == null) {
      c.report(EstateCode.MissingField, 'missing kubernetesVersion (set it here or in spec.defaults)', [...at, 'kubernetesVersion']);
    }
    checkServiceList(cluster.services, [...at, 'services'], c, serviceNames);
  });
  for (const { layer, path } of layersOf(spec)) checkReplicaKeys(layer, path, c, serviceNames);
}

function checkServiceList(list: JsonValue | undefined, at: YamlPath, c: DocChecker, serviceNames: readonly string[]): void {
  if (!Array.isArray(list)) return;
  const seen = new Set<string>();
  list.forEach((name, i) => {
    if (typeof name !== 'string') return;
    if (!serviceNames.includes(name)) {
      c.report(EstateCode.UnknownService, `unknown service ${name}: no directory services/${name}`, [...at, i], didYouMean(name, serviceNames));
    } else if (seen.has(name)) {
      c.report(EstateCode.DuplicateService, `service ${name} is listed twice`, [...at, i]);
    }
    seen.add(name);
  });
}

function checkReplicaKeys(layer: JsonObject, at: YamlPath, c: DocChecker, serviceNames: readonly string[]): void {
  const replicas = objectAt(objectAt(layer, 'settings'), 'replicas');
  for (const key of Object.keys(replicas)) {
    const slash = key.indexOf('/');
    if (slash < 0) continue;
    const service = key.slice(0, slash);
    if (!serviceNames.includes(service)) {
      c.report(EstateCode.UnknownService, `replicas key ${key} names unknown service ${service}`, [...at, 'settings', 'replicas', key], didYouMean(service, serviceNames));
    }
  }
}

/** Every addon pin with a version (empty and null pins remove an addon and need no directory). */
export function addonPins(spec: JsonObject): AddonPin[] {
  const pins: AddonPin[] = [];
  for (const { layer, path } of layersOf(spec)) {
    for (const [addon, version] of Object.entries(objectAt(layer, 'addons'))) {
      if (typeof version === 'string' && version !== '') pins.push({ addon, version, path: [...path, 'addons', addon] });
    }
  }
  return pins;
}

/** defaults, each environment, each region, each cluster: every place a layer can be written. */
export function layersOf(spec: JsonObject): { layer: JsonObject; path: YamlPath }[] {
  const out: { layer: JsonObject; path: YamlPath }[] = [];
  if (isObject(spec.defaults ?? null)) out.push({ layer: spec.defaults as JsonObject, path: ['spec', 'defaults'] });
  for (const group of ['environments', 'regions'] as const) {
    for (const [name, layer] of Object.entries(objectAt(spec, group))) {
      if (isObject(layer)) out.push({ layer, path: ['spec', group, name] });
    }
  }
  for (const { cluster, index } of clustersOf(spec)) out.push({ layer: cluster, path: ['spec', 'clusters', index] });
  return out;
}

export function clustersOf(spec: JsonObject): { cluster: JsonObject; index: number }[] {
  const list = Array.isArray(spec.clusters) ? spec.clusters : [];
  return list.flatMap((cluster, index) => (isObject(cluster) ? [{ cluster, index }] : []));
}

function objectAt(value: JsonValue | undefined, key: string): JsonObject {
  if (!isObject(value ?? null)) return {};
  const inner = (value as JsonObject)[key];
  return isObject(inner ?? null) ? (inner as JsonObject) : {};
}
