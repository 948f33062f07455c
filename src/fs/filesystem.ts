/**
 * The only way the pure stages touch files. Paths are absolute POSIX paths.
 * Synchronous on purpose: the renderer is CPU-bound, and a sync API keeps the
 * engine simple; parallelism happens one level up (one cluster per worker).
 */
export interface FileSystem {
  readFile(path: string): Uint8Array;
  readText(path: string): string;
  exists(path: string): boolean;
  isFile(path: string): boolean;
  isDirectory(path: string): boolean;
  /** Entry names (not paths), sorted. */
  readDir(path: string): string[];
  /** Resolves symlinks; returns the path itself where there are none. Throws ENOENT-style errors like node:fs. */
  realPath(path: string): string;
  /** What is at `path`, in one look where the implementation can (else isFile, then isDirectory). */
  kindOf?(path: string): 'file' | 'dir' | 'none';
}

export class FileNotFoundError extends Error {
  readonly path: string;
  constructor(path: string) {
    super(`no such file or directory: ${path}`);
    this.name = 'FileNotFoundError';
    this.path = path;
  }
}
