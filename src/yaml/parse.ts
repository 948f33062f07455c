import type { JsonValue } from '../core/json.js';

export interface ParsedDocument {
  /** The document's value with kustomize's (yaml.v3) type resolution; null for an empty document. */
  value: JsonValue;
  /** 0-based index of the document in its file. */
  index: number;
  /** 1-based line where the document's content starts. */
  line: number;
  /** Line and column (1-based) of the node at `path` (map keys and list indexes), if present. */
  locate(path: readonly (string | number)[]): { line: number; column: number } | undefined;
}

/** Parses every document of a file. Throws a DiagnosticError listing every syntax problem with file:line:col. */
export function parseDocuments(_text: string, _file: string): ParsedDocument[] {
  throw new Error('yaml parse: not implemented yet');
}
