import { posix } from 'node:path';
import { Document } from 'yaml';
import type { JsonObject } from '../core/json.js';
import { resolveCluster } from './resolve.js';
import type { Estate, ImageOverride, ResolvedCluster, ServiceSpec } from './types.js';

/** Where a cluster's generated kustomizations live, relative to the estate directory. */
export const GENERATED_DIR = '.harbormaster/clusters';

export interface Composition {
  /** Absolute path → kustomization text. */
  files: Map<string, string>;
  /** Absolute directory of the cluster's root kustomization. */
  root: string;
}

/**
 * Builds the kustomizations that render one cluster: one per service
 * (pointing at its cluster overlay, region overlay or base, with the cluster's
 * settings) and a root listing the services and the pinned addons. Paths are
 * relative, so the tree can be written out and checked with kubectl.
 */
export function composeCluster(estate: Estate, cluster: string | ResolvedCluster): Composition {
  const resolved = typeof cluster === 'string' ? resolveCluster(estate, cluster) : cluster;
  const root = posix.join(estate.dir, GENERATED_DIR, resolved.name);
  const files = new Map<string, string>();
  const serviceDirs: string[] = [];
  for (const name of resolved.services) {
    const service = estate.services.get(name);
    if (!service) continue; // the loader already refused unknown services
    const dir = posix.join(root, 'services', name);
    files.set(posix.join(dir, 'kustomization.yaml'), toYaml(serviceKustomization(service, resolved, dir)));
    serviceDirs.push(dir);
  }
  const clusterWide = clusterWideReplicas(resolved);
  if (clusterWide.length > 0) {
    // Plain "<workload>" keys may concern any service; one shared level applies them to services only.
    const dir = posix.join(root, 'services');
    files.set(posix.join(dir, 'kustomization.yaml'), toYaml({ ...HEADER, resources: relativeAll(dir, serviceDirs), replicas: clusterWide }));
    serviceDirs.splice(0, serviceDirs.length, dir);
  }
  files.set(posix.join(root, 'kustomization.yaml'), toYaml(rootKustomization(estate, resolved, root, serviceDirs)));
  return { files, root };
}

const HEADER = { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization' };

function serviceKustomization(service: ServiceSpec, cluster: ResolvedCluster, dir: string): JsonObject {
  const { labels, annotations, images, replicas, namespace } = cluster.settings;
  const k: JsonObject = { ...HEADER, resources: [posix.relative(dir, sourceDir(service, cluster))] };
  k.namespace = namespace || service.namespace;
  if (Object.keys(labels).length > 0) k.labels = [{ pairs: labels }];
  if (Object.keys(annotations).length > 0) k.commonAnnotations = annotations;
  const imageEntries = Object.entries(images).map(([name, override]) => imageEntry(name, override));
  if (imageEntries.length > 0) k.images = imageEntries;
  const prefix = `${service.name}/`;
  const own = Object.entries(replicas).filter(([key]) => key.startsWith(prefix));
  if (own.length > 0) k.replicas = own.map(([key, count]) => ({ name: key.slice(prefix.length), count }));
  return k;
}

/** Fields in kustomize's documented order, whatever order the layers set them in. */
function imageEntry(name: string, override: ImageOverride): JsonObject {
  const entry: JsonObject = { name };
  for (const field of ['newName', 'newTag', 'digest'] as const) {
    const value = override[field];
    if (value !== undefined) entry[field] = value;
  }
  return entry;
}

/** The cluster's own overlay wins over the region's; without either, the base. */
function sourceDir(service: ServiceSpec, cluster: ResolvedCluster): string {
  for (const overlay of [cluster.name, cluster.region]) {
    if (service.overlays.includes(overlay)) return posix.join(service.dir, 'overlays', overlay);
  }
  return posix.join(service.dir, 'base');
}

function clusterWideReplicas(cluster: ResolvedCluster): JsonObject[] {
  return Object.entries(cluster.settings.replicas)
    .filter(([key]) => !key.includes('/'))
    .map(([name, count]) => ({ name, count }));
}

function rootKustomization(estate: Estate, cluster: ResolvedCluster, root: string, serviceDirs: string[]): JsonObject {
  const resources = relativeAll(root, serviceDirs);
  const components: string[] = [];
  for (const [addon, version] of Object.entries(cluster.addons)) {
    const found = estate.addons.get(`${addon}/${version}`);
    if (!found) continue; // the loader already refused missing versions
    (found.kind === 'Component' ? components : resources).push(posix.relative(root, found.dir));
  }
  const k: JsonObject = { ...HEADER, resources };
  if (components.length > 0) k.components = components;
  return k;
}

function relativeAll(from: string, dirs: string[]): string[] {
  return dirs.map((d) => posix.relative(from, d));
}

/** YAML 1.1 quoting, so values like `yes` or `1.30` stay strings for every kustomize reader. */
function toYaml(value: JsonObject): string {
  return new Document(value, { version: '1.1' }).toString({ indentSeq: false, lineWidth: 0 });
}
