/**
 * `rollout resume` and `rollout rollback`: the two commands that touch
 * clusters for a rollout already in the journal. Resume re-renders the estate
 * (the executor refuses when the manifests no longer match the plan: deploy
 * again instead); rollback needs only the journal's last-good manifests, so
 * it works even when the estate no longer renders.
 */
import type { KubeObject } from '../../cluster/types.js';
import { loadEstate } from '../../estate/load.js';
import { DiskFileSystem } from '../../fs/disk.js';
import type { FileSystem } from '../../fs/filesystem.js';
import type { RolloutEvent } from '../events.js';
import { resumeRollout, rollbackRollout, type Clock, type ExecutorDeps, type RolloutOutcome } from '../executor/index.js';
import type { Journal } from '../journal/types.js';
import type { RolloutPlan } from '../plan/types.js';
import { defaultConnector, type ClusterConnector } from './connect.js';
import { releasePause, rolloutStatus, type ControlResult } from './control.js';
import { renderDesired } from './desired.js';

export interface ReattachRequest {
  journal: Journal;
  /** Absolute estate directory (resume renders it). */
  estateDir: string;
  fs?: FileSystem;
  rolloutId?: string;
  emit(event: RolloutEvent): void;
  note?(text: string): void;
  connector?: ClusterConnector;
  clock?: Clock;
  signal?: AbortSignal;
}

/** A paused rollout with a live deploy is released in the journal; anything else is continued here. */
export async function resume(request: ReattachRequest): Promise<ControlResult | RolloutOutcome> {
  const status = rolloutStatus(request.journal, request.rolloutId);
  const released = releasePause(request.journal, status);
  if (released) return released;
  const plan = status.rollout.plan;
  const fs = request.fs ?? new DiskFileSystem();
  const estate = loadEstate(fs, request.estateDir);
  const clusters = plan.waves.flatMap((w) => w.clusters.map((c) => c.cluster));
  request.note?.(`rendering ${clusters.length} clusters of estate ${estate.name} to resume ${plan.id}`);
  const desired = renderDesired(fs, estate, clusters).objects;
  return withClusters(plan, request, desired, (deps) => resumeRollout(plan.id, deps));
}

/** Restores the last-good manifests that preceded the rollout, on all its clusters or the named ones. */
export async function rollback(request: ReattachRequest, clusters?: string[]): Promise<RolloutOutcome> {
  const status = rolloutStatus(request.journal, request.rolloutId);
  const plan = status.rollout.plan;
  const desired = tryRender(request, plan);
  return withClusters(plan, request, desired, (deps) => rollbackRollout(plan.id, deps, clusters));
}

/** A rollout still going is aborted by rollback (and so resumed): then its manifests are needed, when the estate renders. */
function tryRender(request: ReattachRequest, plan: RolloutPlan): Map<string, KubeObject[]> {
  try {
    const fs = request.fs ?? new DiskFileSystem();
    return renderDesired(fs, loadEstate(fs, request.estateDir), plan.waves.flatMap((w) => w.clusters.map((c) => c.cluster))).objects;
  } catch {
    return new Map();
  }
}

async function withClusters<T>(plan: RolloutPlan, request: ReattachRequest, desired: ReadonlyMap<string, KubeObject[]>, run: (deps: ExecutorDeps) => Promise<T>): Promise<T> {
  const connector = request.connector ?? (await defaultConnector(plan, request.journal, { desired }));
  if (connector.note) request.note?.(connector.note);
  const deps: ExecutorDeps = {
    journal: request.journal,
    connect: (step) => connector.connect(step),
    desired: (cluster) => {
      const objects = desired.get(cluster);
      if (!objects) throw new Error(`${cluster}: the estate does not render this cluster any more`);
      return [...objects];
    },
    emit: request.emit,
  };
  if (request.clock) deps.clock = request.clock;
  if (request.signal) deps.signal = request.signal;
  try {
    return await run(deps);
  } finally {
    await connector.close();
  }
}
