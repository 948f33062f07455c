import { diag, type Diagnostic, type SourceLocation } from '../core/diagnostic.js';
import type { ParsedDocument } from '../yaml/parse.js';

export type PathSegment = string | number;
export type YamlPath = readonly PathSegment[];

/**
 * Reports problems of one YAML document with file, line:column and YAML path.
 * Problems go to a list shared by the whole load, so the estate fails once.
 */
export class DocChecker {
  constructor(
    readonly file: string,
    readonly doc: ParsedDocument,
    private readonly problems: Diagnostic[],
  ) {}

  /** Where `path` is; falls back to the nearest ancestor that exists (a missing field points at its parent). */
  where(path: YamlPath): Partial<SourceLocation> {
    const loc: Partial<SourceLocation> = { file: this.file };
    for (let n = path.length; n >= 0; n--) {
      const pos = this.doc.locate(path.slice(0, n));
      if (pos) {
        loc.line = pos.line;
        loc.column = pos.column;
        break;
      }
    }
    if (loc.line === undefined) loc.line = this.doc.line;
    if (path.length > 0) loc.yamlPath = formatYamlPath(path);
    return loc;
  }

  report(code: string, message: string, path: YamlPath, hint?: string): void {
    this.problems.push(diag(code, message, this.where(path), hint));
  }
}

/** `spec.clusters[0].name`; keys that are not plain identifiers are bracketed: `labels["acme.io/team"]`. */
export function formatYamlPath(path: YamlPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}
