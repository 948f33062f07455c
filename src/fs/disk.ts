import * as fs from 'node:fs';
import { FileNotFoundError, type FileSystem } from './filesystem.js';

/** FileSystem over node:fs; the only module of the pure stages' world that touches the disk. */
export class DiskFileSystem implements FileSystem {
  readFile(path: string): Uint8Array {
    try {
      return fs.readFileSync(path);
    } catch (err) {
      throw translate(err, path);
    }
  }

  readText(path: string): string {
    try {
      return fs.readFileSync(path, 'utf8');
    } catch (err) {
      throw translate(err, path);
    }
  }

  exists(path: string): boolean {
    return fs.existsSync(path);
  }

  isFile(path: string): boolean {
    return fs.statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  }

  isDirectory(path: string): boolean {
    return fs.statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
  }

  kindOf(path: string): 'file' | 'dir' | 'none' {
    const stat = fs.statSync(path, { throwIfNoEntry: false });
    return stat?.isFile() ? 'file' : stat?.isDirectory() ? 'dir' : 'none';
  }

  readDir(path: string): string[] {
    try {
      return fs.readdirSync(path).sort();
    } catch (err) {
      throw translate(err, path);
    }
  }

  realPath(path: string): string {
    try {
      // One realpath(3) call rather than an lstat per path component.
      return fs.realpathSync.native(path);
    } catch (err) {
      throw translate(err, path);
    }
  }
}

function translate(err: unknown, path: string): Error {
  if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new FileNotFoundError(path);
  return err as Error;
}
