import { DiagnosticError, diag, type Diagnostic } from '../core/diagnostic.js';
import type { FileSystem } from '../fs/filesystem.js';
import { parseDocuments, type ParsedDocument } from '../yaml/parse.js';
import { EstateCode } from './codes.js';

/**
 * Parses a YAML file, adding its syntax problems to `problems` instead of
 * throwing, so one load reports every broken file at once.
 */
export function parseFile(fs: FileSystem, file: string, problems: Diagnostic[]): ParsedDocument[] | undefined {
  try {
    return parseDocuments(fs.readText(file), file);
  } catch (err) {
    if (err instanceof DiagnosticError) {
      problems.push(...err.diagnostics);
      return undefined;
    }
    throw err;
  }
}

/** The single document of a manifest-like file (harbormaster.yaml, service.yaml); reports empty or multi-document files. */
export function singleDocument(fs: FileSystem, file: string, problems: Diagnostic[]): ParsedDocument | undefined {
  const docs = parseFile(fs, file, problems);
  if (!docs) return undefined;
  const nonEmpty = docs.filter((d) => d.value !== null);
  if (nonEmpty.length === 1) return nonEmpty[0];
  const message = nonEmpty.length === 0 ? 'file is empty' : `expected one YAML document, found ${nonEmpty.length}`;
  problems.push(diag(EstateCode.BadDocument, message, { file, line: nonEmpty[1]?.line ?? 1 }));
  return undefined;
}
