import { fail } from '../core/diagnostic.js';
import { EstateCode } from './codes.js';
import { didYouMean } from './suggest.js';
import type { ClusterSpec, Estate, ImageOverride, Layer, ResolvedCluster, ResolvedSettings, Settings } from './types.js';

/**
 * A cluster with its layers applied, lowest to highest: defaults →
 * environment → region → cluster. Maps merge key by key (an image override
 * merges field by field); scalars replace; a null value removes the key, and
 * so does an empty addon version.
 */
export function resolveCluster(estate: Estate, name: string): ResolvedCluster {
  const cluster = clusterSpec(estate, name);
  const layers: Layer[] = [estate.defaults, estate.environments[cluster.environment] ?? {}, estate.regions[cluster.region] ?? {}, cluster];
  return {
    name: cluster.name,
    region: cluster.region,
    environment: cluster.environment,
    kubernetesVersion: cluster.kubernetesVersion ?? estate.defaults.kubernetesVersion ?? '',
    wave: cluster.wave,
    status: cluster.status,
    connection: cluster.connection,
    services: cluster.services ?? [...estate.services.keys()],
    ...(cluster.eks ? { eks: cluster.eks } : {}),
    addons: sortedByKey(mergeMaps(layers.map((l) => l.addons), (v) => v === '')),
    settings: resolveSettings(layers.map((l) => l.settings ?? {})),
  };
}

/** The cluster as written; ESTATE_UNKNOWN_CLUSTER (with a suggestion) if there is none of that name. */
export function clusterSpec(estate: Estate, name: string): ClusterSpec {
  const cluster = estate.clusters.find((c) => c.name === name);
  if (cluster) return cluster;
  const known = estate.clusters.map((c) => c.name);
  return fail(EstateCode.UnknownCluster, `unknown cluster ${name}`, { file: estate.file }, didYouMean(name, known) ?? `known clusters: ${known.join(', ')}`);
}

function resolveSettings(layers: Settings[]): ResolvedSettings {
  let namespace = '';
  for (const layer of layers) if (layer.namespace !== undefined) namespace = layer.namespace;
  return {
    labels: mergeMaps(layers.map((l) => l.labels)),
    annotations: mergeMaps(layers.map((l) => l.annotations)),
    namespace,
    images: mergeImages(layers.map((l) => l.images)),
    replicas: mergeMaps(layers.map((l) => l.replicas)),
  };
}

/** Key-by-key merge; later maps win; null (or whatever `removes` says) deletes what lower maps set. */
function mergeMaps<T>(maps: (Record<string, T | null> | undefined)[], removes: (v: T) => boolean = () => false): Record<string, T> {
  const out: Record<string, T> = {};
  for (const map of maps) {
    for (const [key, value] of Object.entries(map ?? {})) {
      if (value === null || removes(value)) delete out[key];
      else out[key] = value;
    }
  }
  return out;
}

function mergeImages(maps: (Record<string, ImageOverride | null> | undefined)[]): Record<string, ImageOverride> {
  const out: Record<string, ImageOverride> = {};
  for (const map of maps) {
    for (const [image, override] of Object.entries(map ?? {})) {
      if (override === null) delete out[image];
      else out[image] = { ...out[image], ...override };
    }
  }
  return out;
}

function sortedByKey<T>(map: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
