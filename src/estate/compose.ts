import { posix } from 'node:path';
import type { JsonObject } from '../core/json.js';
import { kustomizationText } from './kustomization-text.js';
import { GeneratedSources, SettingSources, type Anchor, type EstateSource } from './provenance.js';
import { clusterSpec, resolveCluster } from './resolve.js';
import type { Estate, ImageOverride, ResolvedCluster, ServiceSpec } from './types.js';

/** Where a cluster's generated kustomizations live, relative to the estate directory. */
export const GENERATED_DIR = '.harbormaster/clusters';

export interface Composition {
  /** Absolute path → kustomization text. */
  files: Map<string, string>;
  /** Absolute directory of the cluster's root kustomization. */
  root: string;
  /** Which line of harbormaster.yaml (or service.yaml) each generated line stands for. */
  sources: GeneratedSources;
}

const HEADER = { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization' };

/**
 * Builds the kustomizations that render one cluster: one per service
 * (pointing at its cluster overlay, region overlay or base, with the cluster's
 * settings) and a root listing the services and the pinned addons. Paths are
 * relative, so the tree can be written out and checked with kubectl.
 */
export function composeCluster(estate: Estate, cluster: string | ResolvedCluster): Composition {
  const resolved = typeof cluster === 'string' ? resolveCluster(estate, cluster) : cluster;
  const origin = new SettingSources(estate, clusterSpec(estate, resolved.name));
  const root = posix.join(estate.dir, GENERATED_DIR, resolved.name);
  const out: Composition = { files: new Map(), root, sources: new GeneratedSources() };
  const emit = (dir: string, k: JsonObject, anchors: Anchor[] = []): void => {
    const file = posix.join(dir, 'kustomization.yaml');
    const text = kustomizationText(k);
    out.files.set(file, text);
    out.sources.add(file, text, anchors, origin.clusterEntry());
  };

  let serviceDirs: string[] = [];
  for (const name of resolved.services) {
    const service = estate.services.get(name);
    if (!service) continue; // the loader already refused unknown services
    const dir = posix.join(root, 'services', name);
    const { kustomization, anchors } = serviceKustomization(service, resolved, dir, origin);
    emit(dir, kustomization, anchors);
    serviceDirs.push(dir);
  }
  const clusterWide = Object.entries(resolved.settings.replicas).filter(([key]) => !key.includes('/'));
  if (clusterWide.length > 0) {
    // Plain "<workload>" keys may concern any service; one shared level applies them to services only.
    const dir = posix.join(root, 'services');
    const replicas = clusterWide.map(([name, count]) => ({ name, count }));
    emit(dir, { ...HEADER, resources: relativeAll(dir, serviceDirs), replicas }, replicaAnchors(clusterWide, origin));
    serviceDirs = [dir];
  }
  emit(root, rootKustomization(estate, resolved, root, serviceDirs));
  return out;
}

function serviceKustomization(service: ServiceSpec, cluster: ResolvedCluster, dir: string, origin: SettingSources): { kustomization: JsonObject; anchors: Anchor[] } {
  const { labels, annotations, images, replicas, namespace } = cluster.settings;
  const k: JsonObject = { ...HEADER, resources: [posix.relative(dir, sourceDir(service, cluster))] };
  const anchors: Anchor[] = [];
  const add = (path: Anchor['path'], source: EstateSource): void => void anchors.push({ path, source });
  k.namespace = namespace || service.namespace;
  add(['namespace'], origin.namespace(service));
  if (Object.keys(labels).length > 0) {
    k.labels = [{ pairs: labels }];
    add(['labels'], origin.map('labels', Object.keys(labels)));
  }
  if (Object.keys(annotations).length > 0) {
    k.commonAnnotations = annotations;
    add(['commonAnnotations'], origin.map('annotations', Object.keys(annotations)));
  }
  const imageNames = Object.keys(images);
  if (imageNames.length > 0) {
    k.images = imageNames.map((name) => imageEntry(name, images[name]!));
    imageNames.forEach((name, i) => add(['images', i], origin.entry('images', name)));
  }
  const prefix = `${service.name}/`;
  const own = Object.entries(replicas).filter(([key]) => key.startsWith(prefix));
  if (own.length > 0) {
    k.replicas = own.map(([key, count]) => ({ name: key.slice(prefix.length), count }));
    anchors.push(...replicaAnchors(own, origin));
  }
  return { kustomization: k, anchors };
}

function replicaAnchors(entries: [string, number][], origin: SettingSources): Anchor[] {
  return entries.map(([key], i) => ({ path: ['replicas', i], source: origin.entry('replicas', key) }));
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
