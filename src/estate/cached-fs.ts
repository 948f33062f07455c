import type { FileSystem } from '../fs/filesystem.js';

/**
 * Remembers what it read from the FileSystem below, so a fleet render reads
 * each shared file once however many clusters use it. Valid for one render
 * of an unchanging tree; create a new one per run.
 */
export class CachedFileSystem implements FileSystem {
  private readonly bytes = new Map<string, Uint8Array>();
  private readonly texts = new Map<string, string>();
  private readonly kinds = new Map<string, 'file' | 'dir' | 'none'>();
  private readonly listings = new Map<string, string[]>();
  private readonly real = new Map<string, string>();

  constructor(private readonly below: FileSystem) {}

  readFile(path: string): Uint8Array {
    return remember(this.bytes, path, () => this.below.readFile(path));
  }

  readText(path: string): string {
    return remember(this.texts, path, () => this.below.readText(path));
  }

  exists(path: string): boolean {
    return this.kindOf(path) !== 'none';
  }

  isFile(path: string): boolean {
    return this.kindOf(path) === 'file';
  }

  isDirectory(path: string): boolean {
    return this.kindOf(path) === 'dir';
  }

  readDir(path: string): string[] {
    return [...remember(this.listings, path, () => this.below.readDir(path))];
  }

  realPath(path: string): string {
    return remember(this.real, path, () => this.below.realPath(path));
  }

  kindOf(path: string): 'file' | 'dir' | 'none' {
    return remember(this.kinds, path, () => this.below.kindOf?.(path) ?? (this.below.isFile(path) ? 'file' : this.below.isDirectory(path) ? 'dir' : 'none'));
  }
}

/** Errors are not cached: they are rare, and rethrowing the original keeps its type. */
function remember<T>(cache: Map<string, T>, key: string, load: () => T): T {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const value = load();
  cache.set(key, value);
  return value;
}
