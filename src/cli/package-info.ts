/** Facts about where the CLI runs: its own version, and the repository around the user's directory. */
import * as nodeFs from 'node:fs';
import { posix } from 'node:path';

/** The package version, found by walking up from this module (works from dist/ and from the bundle). */
export function packageVersion(): string {
  let dir = new URL('.', import.meta.url);
  for (let depth = 0; depth < 5; depth++) {
    try {
      const pkg = JSON.parse(nodeFs.readFileSync(new URL('package.json', dir), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'harbormaster') return pkg.version ?? '0.0.0';
    } catch {
      // not here; keep walking up
    }
    dir = new URL('..', dir);
  }
  return '0.0.0';
}

/** The nearest directory at or above `dir` holding `.git`; `dir` itself when there is none. */
export function repositoryRoot(dir: string): string {
  for (let at = dir; ; at = posix.dirname(at)) {
    if (nodeFs.existsSync(posix.join(at, '.git'))) return at;
    if (posix.dirname(at) === at) return dir;
  }
}
