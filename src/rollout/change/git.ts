import { execFileSync } from 'node:child_process';
import type { KubeObject } from '../../cluster/types.js';
import type { ChangeInfo } from '../plan/types.js';
import { fleetDigest } from './canonical.js';

/**
 * What is being deployed: the digest of every cluster's desired manifests and,
 * when the estate is in a git work tree, the commit (its time starts the lead
 * time). Git is asked through its CLI, which every machine with a checkout has.
 */
export interface GitCommit {
  sha: string;
  /** Committer date, ISO 8601. */
  time: string;
  subject: string;
  dirty: boolean;
}

export function changeInfo(estateDir: string, desired: ReadonlyMap<string, readonly KubeObject[]>, commit = gitCommit(estateDir)): ChangeInfo {
  const digest = fleetDigest(desired);
  if (!commit) return { digest, summary: `estate digest ${digest.slice(0, 12)} (not a git work tree)` };
  return { digest, commit: commit.sha, commitTime: commit.time, summary: commit.subject, dirty: commit.dirty };
}

/** HEAD of the work tree holding `dir`, or undefined outside one (or without git, or before the first commit). */
export function gitCommit(dir: string): GitCommit | undefined {
  const head = git(dir, ['log', '-1', '--format=%H%x00%cI%x00%s', 'HEAD']);
  if (head === undefined) return undefined;
  const [sha, time, subject] = head.replace(/\n$/, '').split('\0');
  if (!sha || !time) return undefined;
  // The journal lives in <estate>/.harbormaster: deploying must not make the tree dirty.
  const status = git(dir, ['status', '--porcelain', '--', '.', ':(exclude).harbormaster']);
  return { sha, time: new Date(time).toISOString().replace('.000Z', 'Z'), subject: subject ?? '', dirty: status !== undefined && status.trim() !== '' };
}

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 });
  } catch {
    return undefined;
  }
}
