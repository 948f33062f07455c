import { posix } from 'node:path';
import { diag, DiagnosticError, type SourceLocation } from '../core/diagnostic.js';
import { RenderCode } from './errors.js';
import type { BuildSession } from './loader-session.js';

/** What a `resources:` (or `components:`) entry names. */
export type EntryKind = 'file' | 'directory' | 'remote' | 'missing';

/**
 * kustomize's file loader for one kustomization root: resolves entries,
 * enforces the load restrictor for files, and refuses base directories that
 * would recurse into a root already being built.
 */
export class FileLoader {
  private constructor(
    readonly session: BuildSession,
    /** Absolute root as reached. */
    readonly root: string,
    /** Root with symlinks resolved: what restrictions and cycles compare. */
    readonly realRoot: string,
    private readonly parent?: FileLoader,
  ) {}

  static atRoot(session: BuildSession, root: string): FileLoader {
    return new FileLoader(session, root, session.realPath(root));
  }

  resolve(entry: string): string {
    // Plain relative names (`app.yaml`, `base/app.yaml`) need no path.resolve, which every entry would pay several times.
    if (PLAIN_RELATIVE.test(entry)) return this.root === '/' ? `/${entry}` : `${this.root}/${entry}`;
    return posix.resolve(this.root, entry);
  }

  classify(entry: string): EntryKind {
    const path = this.resolve(entry);
    const fs = this.session.fs;
    const kind = fs.kindOf ? fs.kindOf(path) : fs.isFile(path) ? 'file' : fs.isDirectory(path) ? 'dir' : 'none';
    if (kind === 'file') return 'file';
    if (kind === 'dir') return 'directory';
    return looksRemote(entry) ? 'remote' : 'missing';
  }

  /** Reads a file named relative to the root; `rootOnly` refuses files outside it. */
  readFile(entry: string, where: Partial<SourceLocation>): { path: string; text: string; bytes: Uint8Array } {
    const path = this.checkedFile(entry, where);
    return { path, text: this.session.readText(path), bytes: this.session.readBytes(path) };
  }

  /** The absolute path of a readable file entry, or a diagnostic saying why not. */
  checkedFile(entry: string, where: Partial<SourceLocation>): string {
    if (looksRemote(entry) && !this.session.fs.exists(this.resolve(entry))) {
      throw remoteError(entry, where);
    }
    const path = this.resolve(entry);
    if (!this.session.fs.isFile(path)) {
      const what = this.session.fs.isDirectory(path) ? 'is a directory, not a file' : 'no such file or directory';
      throw new DiagnosticError([diag(RenderCode.MissingResource, `'${entry}': ${what} (looked for ${path})`, where)]);
    }
    if (this.session.options.loadRestrictor === 'rootOnly') {
      const realDir = posix.dirname(this.session.realPath(path));
      if (!isAtOrBelow(realDir, this.realRoot)) {
        throw new DiagnosticError([
          diag(RenderCode.OutsideRoot, `security; file '${path}' is not in or below '${this.root}'`, where, 'move the file under the kustomization directory, or build with --load-restrictor LoadRestrictionsNone'),
        ]);
      }
    }
    return path;
  }

  /** A loader for a base or component directory; refuses absolute paths and cycles as kustomize does. */
  child(entry: string, where: Partial<SourceLocation>): FileLoader {
    if (posix.isAbsolute(entry)) {
      throw new DiagnosticError([diag(RenderCode.OutsideRoot, `new root '${entry}' cannot be absolute`, where, 'refer to a base directory by a relative path')]);
    }
    const root = this.resolve(entry);
    const realRoot = this.session.realPath(root);
    const visited = this.lineage().find((l) => isAtOrBelow(l.realRoot, realRoot));
    if (visited) {
      throw new DiagnosticError([diag(RenderCode.Cycle, `cycle detected: candidate root '${root}' contains visited root '${visited.root}'`, where)]);
    }
    return new FileLoader(this.session, root, realRoot, this);
  }

  /** This loader and the loaders of the kustomizations that led here. */
  private lineage(): FileLoader[] {
    return this.parent ? [this, ...this.parent.lineage()] : [this];
  }
}

export function remoteError(entry: string, where: Partial<SourceLocation>): DiagnosticError {
  return new DiagnosticError([
    diag(RenderCode.RemoteUnsupported, `remote resource '${entry}' is not supported offline`, where, 'vendor the remote base into the repository and refer to it by a relative path'),
  ]);
}

// Segments that neither start with a dot nor are empty, joined by single slashes.
const PLAIN_RELATIVE = /^[^/.][^/]*(?:\/[^/.][^/]*)*$/;

function isAtOrBelow(dir: string, root: string): boolean {
  return dir === root || dir.startsWith(root.endsWith('/') ? root : `${root}/`);
}

/** URLs and git specs kustomize would fetch: schemes, `git::`, scp-like `git@host:`, known hosts, `?ref=`, `//` subpaths. */
export function looksRemote(entry: string): boolean {
  return (
    /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(entry) ||
    /^[a-zA-Z][a-zA-Z0-9+.-]*::/.test(entry) ||
    /^[\w.-]+@[\w.-]+:/.test(entry) ||
    /^gh:/.test(entry) ||
    /^(github\.com|gitlab\.com|bitbucket\.org)[/:]/.test(entry) ||
    /[?&](ref|version|submodules|timeout)=/.test(entry) ||
    /^[^/]+\.[a-z]{2,}\/.+\/\//.test(entry)
  );
}
