import { hostname } from 'node:os';
import type { ClusterLock } from './types.js';

/**
 * Cluster locks: one rollout per cluster at a time. A lock records its holder
 * as `pid@host`; when that process is gone (same host, pid no longer alive)
 * the lock is stale and the next rollout takes it over.
 */
export interface Liveness {
  host: string;
  isAlive(pid: number): boolean;
}

export const LOCAL: Liveness = { host: hostname(), isAlive: processAlive };

/** `pid@host` of this process: what a rollout passes as the lock holder. */
export function lockHolder(pid = process.pid, host = hostname()): string {
  return `${pid}@${host}`;
}

export function parseHolder(holder: string): { pid: number; host: string } | undefined {
  const m = /^(\d+)@(.+)$/.exec(holder);
  return m ? { pid: Number(m[1]), host: m[2]! } : undefined;
}

/** A lock whose holder is a process of this host that no longer runs. Other hosts cannot be checked: never stale. */
export function isStale(lock: ClusterLock, liveness: Liveness): boolean {
  const holder = parseHolder(lock.holder);
  return holder !== undefined && holder.host === liveness.host && !liveness.isAlive(holder.pid);
}

/** "prod-us-east-1 is locked by rollout r-… (pid 1234@host since …)" */
export function describeLock(lock: ClusterLock): string {
  return `${lock.cluster} is locked by rollout ${lock.rolloutId} (pid ${lock.holder} since ${lock.acquiredAt})`;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
