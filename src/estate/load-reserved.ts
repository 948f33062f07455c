import { posix } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import type { FileSystem } from '../fs/filesystem.js';
import type { ReservedFile } from './types.js';
import { parseFile } from './yaml-file.js';

/** Directories whose meaning comes in later versions; their YAML must already parse. */
export const RESERVED_DIRS = ['teams', 'policies', 'decisions', 'inventory'] as const;

export function loadReserved(fs: FileSystem, estateDir: string, problems: Diagnostic[]): Record<string, ReservedFile[]> {
  const out: Record<string, ReservedFile[]> = {};
  for (const name of RESERVED_DIRS) {
    const files: ReservedFile[] = [];
    for (const file of yamlFilesUnder(fs, posix.join(estateDir, name))) {
      const documents = parseFile(fs, file, problems);
      if (documents) files.push({ file, documents });
    }
    out[name] = files;
  }
  return out;
}

function yamlFilesUnder(fs: FileSystem, dir: string): string[] {
  if (!fs.isDirectory(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readDir(dir)) {
    const path = posix.join(dir, entry);
    if (fs.isDirectory(path)) out.push(...yamlFilesUnder(fs, path));
    else if (/\.ya?ml$/.test(entry)) out.push(path);
  }
  return out;
}
