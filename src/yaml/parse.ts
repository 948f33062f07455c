import type { Document } from 'yaml';
import type { JsonValue } from '../core/json.js';
import { diag, DiagnosticError, type Diagnostic } from '../core/diagnostic.js';
import { Composer } from './compose.js';
import { YamlCode } from './codes.js';
import { LineIndex } from './line-index.js';
import { locateNode } from './locate.js';
import { fastParse, type FastDocument } from './fast-parse.js';
import { UNKNOWN } from './fast-positions.js';
import { yamlLib } from './yaml-lib.js';

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

// The failsafe schema leaves every scalar as its source text, so resolution
// is entirely ours; duplicate keys are checked by the composer with
// yaml.v3's rule (same text, whatever the quoting).
const PARSE_OPTIONS = { schema: 'failsafe', uniqueKeys: false, prettyErrors: false, strict: true } as const;

// Characters kustomize's YAML reader refuses anywhere in a stream.
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether the text holds a character kustomize's YAML reader refuses (the quick reader does not check). */
export function hasForbiddenCharacter(text: string): boolean {
  return FORBIDDEN.test(text);
}

/** Parses every document of a file. Throws a DiagnosticError listing every syntax problem with file:line:col. */
export function parseDocuments(text: string, file: string): ParsedDocument[] {
  const bad = FORBIDDEN.exec(text);
  if (bad) {
    const at = new LineIndex(text).position(bad.index);
    throw new DiagnosticError([diag(YamlCode.Syntax, 'control characters are not allowed', { file, ...at })]);
  }
  const fast = fastParse(text);
  if (!fast) return parseDocumentsFully(text, file);
  // Positions cost allocations, so they are found only if someone asks: by
  // the quick reader again, keeping them this time, or (for the odd node it
  // cannot place) by the full parser.
  let tracked: FastDocument[] | undefined;
  let full: ParsedDocument[] | undefined;
  return fast.map((doc, index) => ({
    value: doc.value,
    index,
    line: doc.line,
    locate(path) {
      tracked ??= fastParse(text, { positions: true }) ?? [];
      const again = tracked[index];
      const at = again?.positions ? again.positions.locate(again.value, path) : UNKNOWN;
      if (at !== UNKNOWN) return at;
      full ??= parseDocumentsFully(text, file);
      return full[index]?.locate(path);
    },
  }));
}

/** The full parser alone: handles all of YAML and reports every problem. Tests check the quick reader against it. */
export function parseDocumentsFully(text: string, file: string): ParsedDocument[] {
  const lines = new LineIndex(text);
  const docs = yamlLib().parseAllDocuments(text, PARSE_OPTIONS);
  const list = Array.isArray(docs) ? docs : [];
  const problems: Diagnostic[] = [];
  const where = (offset: number): { file: string; line: number; column: number } => ({ file, ...lines.position(offset) });
  const out: ParsedDocument[] = [];
  const composer = new Composer((offset) => lines.position(offset).line);
  list.forEach((doc, index) => {
    for (const e of doc.errors) problems.push(diag(YamlCode.Syntax, e.message.split('\n')[0] ?? e.message, where(e.pos[0])));
    // kustomize splits a stream at `---` lines before parsing, which leaves a
    // directive (`%YAML`, `%TAG`) in a chunk of its own: always an error there.
    if (hasDirective(doc)) {
      problems.push(diag(YamlCode.Syntax, 'directives are not supported', where(doc.range[0])));
      return;
    }
    if (doc.errors.length > 0) return;
    const before = composer.problems.length;
    const value = composer.document(doc.contents);
    for (const p of composer.problems.slice(before)) problems.push(diag(p.code, p.message, where(p.offset)));
    out.push(makeParsed(doc, value, index, lines));
  });
  if (!Array.isArray(docs)) problems.push(diag(YamlCode.Syntax, 'unexpected parser result', { file }));
  if (problems.length > 0) throw new DiagnosticError(problems);
  return out;
}

function hasDirective(doc: Document.Parsed): boolean {
  const d = doc.directives;
  return Boolean(d?.yaml.explicit) || Object.keys(d?.tags ?? {}).some((handle) => handle !== '!!');
}

function makeParsed(doc: Document.Parsed, value: JsonValue, index: number, lines: LineIndex): ParsedDocument {
  const start = doc.contents?.range?.[0] ?? doc.range[0];
  return {
    value,
    index,
    line: lines.position(start).line,
    locate(path) {
      const offset = locateNode(doc.contents, path);
      return offset === undefined ? undefined : lines.position(offset);
    },
  };
}
