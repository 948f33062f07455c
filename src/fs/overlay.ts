import type { FileSystem } from './filesystem.js';
import type { MemoryFileSystem } from './memory.js';

/**
 * Memory files laid over another FileSystem: the estate's generated root
 * kustomizations live in memory, everything else is read from below.
 */
export class OverlayFileSystem implements FileSystem {
  constructor(
    private readonly top: MemoryFileSystem,
    private readonly below: FileSystem,
  ) {}

  readFile(path: string): Uint8Array {
    return this.top.isFile(path) ? this.top.readFile(path) : this.below.readFile(path);
  }

  readText(path: string): string {
    return this.top.isFile(path) ? this.top.readText(path) : this.below.readText(path);
  }

  exists(path: string): boolean {
    return this.top.exists(path) || this.below.exists(path);
  }

  isFile(path: string): boolean {
    return this.top.isFile(path) || this.below.isFile(path);
  }

  isDirectory(path: string): boolean {
    return this.top.isDirectory(path) || this.below.isDirectory(path);
  }

  readDir(path: string): string[] {
    const names = new Set<string>();
    if (this.top.isDirectory(path)) this.top.readDir(path).forEach((n) => names.add(n));
    if (this.below.isDirectory(path)) this.below.readDir(path).forEach((n) => names.add(n));
    return [...names].sort();
  }

  /** As isFile, then isDirectory, answer: a file in either layer wins over a directory. */
  kindOf(path: string): 'file' | 'dir' | 'none' {
    if (this.top.isFile(path)) return 'file';
    const below = this.below.kindOf?.(path) ?? (this.below.isFile(path) ? 'file' : this.below.isDirectory(path) ? 'dir' : 'none');
    if (below === 'file') return 'file';
    return below === 'dir' || this.top.isDirectory(path) ? 'dir' : 'none';
  }

  realPath(path: string): string {
    return this.top.exists(path) ? this.top.realPath(path) : this.below.realPath(path);
  }
}
