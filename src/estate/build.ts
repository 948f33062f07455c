import type { JsonObject } from '../core/json.js';
import { clustersOf } from './cross-check.js';
import type { ClusterEks, ClusterSpec, ClusterStatus, Connection, Defaults, Layer, Settings } from './types.js';

/**
 * Typed views of harbormaster.yaml's spec. Only called once the file passed
 * every check, so the casts restate what `estateShape` already verified.
 */
export function toDefaults(value: JsonObject | undefined): Defaults {
  const defaults: Defaults = toLayer(value);
  if (typeof value?.kubernetesVersion === 'string') defaults.kubernetesVersion = value.kubernetesVersion;
  return defaults;
}

export function toLayer(value: JsonObject | undefined): Layer {
  const layer: Layer = {};
  if (value?.addons !== undefined) layer.addons = value.addons as Layer['addons'];
  if (value?.settings !== undefined) layer.settings = value.settings as Settings;
  return layer;
}

export function toLayers(value: JsonObject | undefined): Record<string, Layer> {
  const out: Record<string, Layer> = {};
  for (const [name, layer] of Object.entries(value ?? {})) out[name] = toLayer(layer as JsonObject);
  return out;
}

export function toClusters(spec: JsonObject): ClusterSpec[] {
  return clustersOf(spec).map(({ cluster, index }) => {
    const out: ClusterSpec = {
      ...toLayer(cluster),
      name: cluster.name as string,
      region: cluster.region as string,
      environment: cluster.environment as string,
      wave: cluster.wave as number,
      status: (cluster.status as ClusterStatus | undefined) ?? 'active',
      connection: toConnection(cluster.connection as JsonObject),
      index,
    };
    if (typeof cluster.kubernetesVersion === 'string') out.kubernetesVersion = cluster.kubernetesVersion;
    if (Array.isArray(cluster.services)) out.services = cluster.services as string[];
    if (cluster.eks && typeof cluster.eks === 'object') out.eks = { ...(cluster.eks as ClusterEks) };
    return out;
  });
}

function toConnection(value: JsonObject): Connection {
  return typeof value.context === 'string' ? { kind: 'context', context: value.context } : { kind: 'sim' };
}
