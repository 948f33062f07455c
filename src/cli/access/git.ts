/**
 * An estate as it was at a git ref, in a temporary directory: `git archive`
 * of the estate's path piped into `tar -x` (the repository itself is not
 * touched: no worktree, no checkout). The caller always cleans up.
 */
import { spawnSync } from 'node:child_process';
import * as nodeFs from 'node:fs';
import { tmpdir } from 'node:os';
import { posix } from 'node:path';
import { DiagnosticError, diag } from '../../core/diagnostic.js';

export interface EstateAtRef {
  ref: string;
  /** The commit the ref named. */
  commit: string;
  /** The estate directory inside the temporary tree. */
  dir: string;
  /** The temporary tree's root: files under it map to the real estate with `realPath`. */
  root: string;
  realPath(file: string): string;
  cleanup(): void;
}

function git(cwd: string, args: string[], input?: Buffer): Buffer {
  const result = spawnSync('git', ['-C', cwd, ...args], { maxBuffer: 1 << 30, ...(input ? { input } : {}) });
  if (result.error) throw new DiagnosticError([diag('ACCESS_GIT_FAILED', `cannot run git: ${result.error.message}`)]);
  if (result.status !== 0) throw new DiagnosticError([diag('ACCESS_GIT_FAILED', `git ${args[0]} failed: ${result.stderr.toString().trim()}`, { file: cwd })]);
  return result.stdout;
}

/** The repository holding `estateDir` and the estate's path inside it (`examples/acme-estate/`, or ''). */
export function repositoryOf(estateDir: string): { top: string; prefix: string } {
  const top = git(estateDir, ['rev-parse', '--show-toplevel']).toString().trim();
  const prefix = git(estateDir, ['rev-parse', '--show-prefix']).toString().trim();
  return { top, prefix };
}

export function estateAtRef(estateDir: string, ref: string): EstateAtRef {
  const { top, prefix } = repositoryOf(estateDir);
  const verified = spawnSync('git', ['-C', top, 'rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  if (verified.status !== 0) throw new DiagnosticError([diag('ACCESS_GIT_REF', `${ref} is not a commit of ${top}`, { file: estateDir }, 'give a branch, tag or commit: BASE..HEAD')]);
  const commit = verified.stdout.toString().trim();
  const root = nodeFs.mkdtempSync(posix.join(tmpdir(), 'hm-access-'));
  const cleanup = (): void => nodeFs.rmSync(root, { recursive: true, force: true });
  try {
    const tree = git(top, ['ls-tree', '-d', '--name-only', commit, '--', prefix === '' ? '.' : prefix.replace(/\/$/, '')]).toString().trim();
    if (prefix !== '' && tree === '') throw new DiagnosticError([diag('ACCESS_GIT_NO_ESTATE', `${prefix} does not exist at ${ref}`, { file: estateDir })]);
    const tar = git(top, ['archive', '--format=tar', commit, ...(prefix === '' ? [] : ['--', prefix])]);
    const untar = spawnSync('tar', ['-x', '-C', root], { input: tar, maxBuffer: 1 << 20 });
    if (untar.status !== 0) throw new DiagnosticError([diag('ACCESS_GIT_FAILED', `cannot unpack ${ref}: ${untar.stderr?.toString().trim() ?? untar.error?.message}`)]);
  } catch (err) {
    cleanup();
    throw err;
  }
  const dir = posix.join(root, prefix);
  const realPath = (file: string): string => (file.startsWith(`${root}/`) ? posix.join(top, file.slice(root.length + 1)) : file);
  return { ref, commit, dir, root, realPath, cleanup };
}
