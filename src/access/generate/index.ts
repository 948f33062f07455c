import { clusterContext } from './context.js';
import type { ClusterAccessInput, GeneratedManifest } from './input.js';
import { irsaPatches, type IrsaPatch } from './irsa.js';
import { GENERATORS } from './registry.js';

export type { ClusterAccessInput, GeneratedManifest, Generator, ServiceOnCluster } from './input.js';
export type { IrsaPatch } from './irsa.js';
export { clusterNeeds } from './context.js';
export { GENERATORS } from './registry.js';

export interface GeneratedFile {
  /** The generator's name; the file is `<name>.yaml`. */
  name: string;
  manifests: GeneratedManifest[];
}

export interface ClusterAccess {
  /** Non-empty outputs, in registry order. */
  files: GeneratedFile[];
  /** IRSA annotations for ServiceAccounts the services define themselves. */
  irsaPatches: IrsaPatch[];
}

/** Every access manifest of one cluster. Pure and deterministic: the same input gives the same objects in the same order. */
export function generateClusterAccess(input: ClusterAccessInput): ClusterAccess {
  const ctx = clusterContext(input);
  const files = GENERATORS.map((g) => ({ name: g.name, manifests: g.generate(ctx) })).filter((f) => f.manifests.length > 0);
  return { files, irsaPatches: irsaPatches(ctx) };
}

export { accessListFiles, irsaPatchEntries, type AccessListFile } from './files.js';
