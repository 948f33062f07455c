import { posix } from 'node:path';
import { FileNotFoundError, type FileSystem } from './filesystem.js';

// A `.` or `..` segment, or an empty one: what path.resolve would remove.
const DOT_SEGMENT_OR_EMPTY = /\/\.\.?(?:\/|$)|\/\//;

/**
 * The path as stored: absolute and normalised. Paths that already are (the
 * engine's always are) skip path.resolve, which every lookup would pay.
 */
function absolute(path: string): string {
  const plain = path.charCodeAt(0) === 47 && !DOT_SEGMENT_OR_EMPTY.test(path) && (path.length === 1 || !path.endsWith('/'));
  return plain ? path : posix.resolve('/', path);
}

/** In-memory FileSystem for tests and for the estate's generated kustomizations. */
export class MemoryFileSystem implements FileSystem {
  private readonly files = new Map<string, Uint8Array>();
  private readonly dirs = new Set<string>(['/']);

  /** Writes a file, creating parent directories. Strings are stored as UTF-8. */
  write(path: string, content: string | Uint8Array): this {
    const abs = absolute(path);
    this.files.set(abs, typeof content === 'string' ? new TextEncoder().encode(content) : content);
    this.mkdirp(posix.dirname(abs));
    return this;
  }

  mkdirp(path: string): this {
    let dir = absolute(path);
    while (!this.dirs.has(dir)) {
      this.dirs.add(dir);
      dir = posix.dirname(dir);
    }
    return this;
  }

  readFile(path: string): Uint8Array {
    const data = this.files.get(absolute(path));
    if (!data) throw new FileNotFoundError(path);
    return data;
  }

  readText(path: string): string {
    return new TextDecoder().decode(this.readFile(path));
  }

  exists(path: string): boolean {
    return this.isFile(path) || this.isDirectory(path);
  }

  isFile(path: string): boolean {
    return this.files.has(absolute(path));
  }

  isDirectory(path: string): boolean {
    return this.dirs.has(absolute(path));
  }

  readDir(path: string): string[] {
    const dir = absolute(path);
    if (!this.dirs.has(dir)) throw new FileNotFoundError(path);
    const names = new Set<string>();
    for (const p of [...this.files.keys(), ...this.dirs]) {
      if (p !== dir && posix.dirname(p) === dir) names.add(posix.basename(p));
    }
    return [...names].sort();
  }

  realPath(path: string): string {
    const abs = absolute(path);
    if (!this.exists(abs)) throw new FileNotFoundError(path);
    return abs;
  }
}
