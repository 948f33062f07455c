/**
 * Writes every active cluster's generated kustomizations of an estate to disk
 * (inside that estate directory) so `kubectl kustomize` can render the same
 * roots Harbormaster renders in memory. Used by the benchmark and by tests.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { composeCluster, loadEstate } from '../src/estate/index.js';
import { DiskFileSystem } from '../src/fs/disk.js';

/** Returns the root directory of each active cluster, in estate order. */
export function writeEstateCompositions(estateDir: string): string[] {
  const estate = loadEstate(new DiskFileSystem(), resolve(estateDir));
  const roots: string[] = [];
  for (const cluster of estate.clusters) {
    if (cluster.status !== 'active') continue;
    const composition = composeCluster(estate, cluster.name);
    for (const [path, text] of composition.files) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    }
    roots.push(composition.root);
  }
  return roots;
}
