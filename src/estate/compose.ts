import { posix } from 'node:path';
import { accessListFiles, generateClusterAccess, irsaPatchEntries, type ClusterAccessInput, type IrsaPatch } from '../access/generate/index.js';
import { GENERATED_DIR_NAME, IRSA_ANNOTATION } from '../access/model.js';
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
export interface ComposeOptions {
  /** What the cluster's render lacks for access (see ClusterAccessInput.missing); found by renderCluster. */
  missing?: ClusterAccessInput['missing'];
}

export function composeCluster(estate: Estate, cluster: string | ResolvedCluster, options: ComposeOptions = {}): Composition {
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

  const input = clusterAccessInput(estate, resolved);
  const access = input && generateClusterAccess(options.missing ? { ...input, missing: options.missing } : input);
  let serviceDirs: string[] = [];
  for (const name of resolved.services) {
    const service = estate.services.get(name);
    if (!service) continue; // the loader already refused unknown services
    const dir = posix.join(root, 'services', name);
    const { kustomization, anchors } = serviceKustomization(service, resolved, dir, origin);
    addIrsaPatch(kustomization, anchors, access?.irsaPatches.find((p) => p.service === name));
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
  const accessDirs: string[] = [];
  const lists = access ? accessListFiles(access) : [];
  if (lists.length > 0) {
    // Team RBAC and EKS identity: one List per output kind, a kustomization gathering them.
    const dir = posix.join(root, GENERATED_DIR_NAME);
    for (const { file, list, at } of lists) {
      const path = posix.join(dir, file);
      const text = kustomizationText(list);
      out.files.set(path, text);
      out.sources.add(path, text, at.map((p, i) => ({ path: ['items', i], source: p })), origin.clusterEntry());
    }
    emit(dir, { ...HEADER, resources: lists.map((l) => l.file) });
    accessDirs.push(dir);
  }
  emit(root, rootKustomization(estate, resolved, root, serviceDirs, accessDirs));
  return out;
}

/** What access generation needs of one cluster; undefined when the estate has no spec.access. */
export function clusterAccessInput(estate: Estate, resolved: ResolvedCluster): ClusterAccessInput | undefined {
  if (!estate.access) return undefined;
  const services = resolved.services.flatMap((name) => {
    const s = estate.services.get(name);
    if (!s) return [];
    const namespace = resolved.settings.namespace || s.namespace;
    return [s.workloadIdentity ? { name, owner: s.owner, namespace, workloadIdentity: s.workloadIdentity } : { name, owner: s.owner, namespace }];
  });
  return {
    cluster: { name: resolved.name, environment: resolved.environment, region: resolved.region, ...(resolved.eks ? { eks: resolved.eks } : {}) },
    config: estate.access,
    teams: [...estate.teams.values()],
    services,
  };
}

/** IRSA for a ServiceAccount the service defines: a patch in its kustomization, credited to service.yaml's workloadIdentity. */
function addIrsaPatch(k: JsonObject, anchors: Anchor[], patch: IrsaPatch | undefined): void {
  if (!patch) return;
  const entries = irsaPatchEntries(patch, IRSA_ANNOTATION);
  k.patches = entries;
  anchors.push({ path: ['patches', 0], source: { file: patch.at.file, line: patch.at.line, yamlPath: 'spec.workloadIdentity' } });
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

function rootKustomization(estate: Estate, cluster: ResolvedCluster, root: string, serviceDirs: string[], accessDirs: string[] = []): JsonObject {
  const resources = relativeAll(root, serviceDirs);
  const components: string[] = [];
  for (const [addon, version] of Object.entries(cluster.addons)) {
    const found = estate.addons.get(`${addon}/${version}`);
    if (!found) continue; // the loader already refused missing versions
    (found.kind === 'Component' ? components : resources).push(posix.relative(root, found.dir));
  }
  resources.push(...relativeAll(root, accessDirs));
  const k: JsonObject = { ...HEADER, resources };
  if (components.length > 0) k.components = components;
  return k;
}

function relativeAll(from: string, dirs: string[]): string[] {
  return dirs.map((d) => posix.relative(from, d));
}
