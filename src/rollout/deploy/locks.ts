import { describeLock, isStale, LOCAL } from '../journal/locks.js';
import type { ClusterLock, Journal } from '../journal/types.js';
import type { RolloutPlan } from '../plan/types.js';
import type { DeployRequest, RefusedDeploy } from './types.js';

/**
 * One rollout per cluster at a time. Before connecting anywhere, the locks of
 * the plan's clusters are checked: held by a live rollout, the deploy is
 * refused (naming the rollout, its process and since when), or with
 * `--wait-for-lock` it waits until they are released. Locks of dead processes
 * on this host are stale: the executor takes them over.
 */
export async function waitForLocks(journal: Journal, plan: RolloutPlan, request: Pick<DeployRequest, 'waitForLock' | 'note' | 'signal' | 'lockPollMs'>): Promise<RefusedDeploy | undefined> {
  let announced = '';
  for (;;) {
    const held = heldLocks(journal, plan);
    if (held.length === 0) return undefined;
    const message = held.map(describeLock).join('; ');
    if (!request.waitForLock) {
      return { kind: 'refused', code: 'ROLLOUT_LOCKED', message: `${message}; nothing was deployed`, plan, diagnostics: [] };
    }
    if (message !== announced) request.note?.(`waiting: ${message}`);
    announced = message;
    if (request.signal?.aborted) return { kind: 'refused', code: 'ROLLOUT_LOCKED', message: `stopped while waiting: ${message}`, plan, diagnostics: [] };
    await sleep(request.lockPollMs ?? 2000, request.signal);
  }
}

/** Live locks on the plan's clusters held by other rollouts. */
export function heldLocks(journal: Journal, plan: RolloutPlan): ClusterLock[] {
  const clusters = new Set(plan.waves.flatMap((w) => w.clusters.map((c) => c.cluster)));
  return journal.locks().filter((l) => clusters.has(l.cluster) && l.rolloutId !== plan.id && !isStale(l, LOCAL));
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
