import type { Document, Node, YAMLMap } from 'yaml';
import { diag, DiagnosticError } from '../core/diagnostic.js';
import type { JsonValue } from '../core/json.js';
import { yamlLib } from '../yaml/yaml-lib.js';
import { RenderCode } from './errors.js';
import { quickKustomization } from './loader-yaml-quick.js';
import { resolvePlainScalarV2 } from './loader-scalars.js';

/** Where a node starts in its file (1-based). */
export interface Pos {
  line: number;
  column: number;
}

/**
 * A kustomization document as a tree of positioned nodes with go-yaml v2
 * scalar semantics, so the strict decoder can report the line of every
 * problem and sourceOf() can point at every field.
 */
export type PlainNode =
  | { kind: 'scalar'; value: JsonValue; pos: Pos }
  | { kind: 'list'; items: PlainNode[]; pos: Pos }
  | { kind: 'map'; entries: PlainEntry[]; pos: Pos };

export interface PlainEntry {
  key: string;
  keyPos: Pos;
  value: PlainNode;
}

/**
 * Parses the first document of a kustomization file; YAML syntax errors
 * become YAML_SYNTAX diagnostics. The quick reader takes the usual files;
 * anything unusual goes to the full parser.
 */
export function parseKustomizationYaml(text: string, file: string): PlainNode | undefined {
  const quick = quickKustomization(text);
  return quick ? quick.node : parseKustomizationYamlFully(text, file);
}

/** The full parser alone; tests check the quick reader against it. */
export function parseKustomizationYamlFully(text: string, file: string): PlainNode | undefined {
  const { LineCounter, parseAllDocuments } = yamlLib();
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { schema: 'failsafe', uniqueKeys: false, lineCounter: lines, merge: false });
  if (!Array.isArray(docs)) return undefined;
  const problems = docs.flatMap((d) => d.errors);
  if (problems.length > 0) {
    throw new DiagnosticError(
      problems.map((e) => {
        const at = e.linePos?.[0];
        return diag(RenderCode.YamlSyntax, `invalid Kustomization: ${e.message.split('\n')[0]}`, {
          file,
          line: at?.line,
          column: at?.col,
        });
      }),
    );
  }
  const doc = docs[0];
  if (!doc || doc.contents === null) return undefined;
  const toPos = (offset: number | undefined): Pos => {
    const p = lines.linePos(offset ?? 0);
    return { line: p.line, column: p.col };
  };
  return convert(doc, doc.contents as Node, toPos, file, 0);
}

function convert(doc: Document, node: Node | null, toPos: (o?: number) => Pos, file: string, depth: number): PlainNode {
  const { isAlias, isMap, isScalar, isSeq } = yamlLib();
  if (depth > 200) throw new DiagnosticError([diag(RenderCode.YamlSyntax, 'kustomization nests too deeply', { file })]);
  if (node === null) return { kind: 'scalar', value: null, pos: toPos(0) };
  const pos = toPos(node.range?.[0]);
  if (isAlias(node)) {
    const target = node.resolve(doc);
    const resolved = convert(doc, (target ?? null) as Node | null, toPos, file, depth + 1);
    return { ...resolved, pos };
  }
  if (isScalar(node)) return { kind: 'scalar', value: scalarValue(node.value, node.type, node.tag), pos };
  if (isSeq(node)) {
    return { kind: 'list', items: node.items.map((n) => convert(doc, n as Node | null, toPos, file, depth + 1)), pos };
  }
  if (isMap(node)) return { kind: 'map', entries: convertEntries(doc, node, toPos, file, depth), pos };
  return { kind: 'scalar', value: null, pos };
}

function convertEntries(doc: Document, node: YAMLMap, toPos: (o?: number) => Pos, file: string, depth: number): PlainEntry[] {
  const { isScalar } = yamlLib();
  const entries: PlainEntry[] = [];
  for (const pair of node.items) {
    const keyNode = pair.key as Node | null;
    const keyPos = toPos(keyNode?.range?.[0] ?? node.range?.[0]);
    const key = keyNode === null ? null : convert(doc, keyNode, toPos, file, depth + 1);
    const value = convert(doc, pair.value as Node | null, toPos, file, depth + 1);
    if (key === null || key.kind !== 'scalar') {
      throw new DiagnosticError([diag(RenderCode.BadFieldType, 'invalid Kustomization: invalid map key', { file, ...keyPos })]);
    }
    if (key.value === '<<' && keyNode && isScalar(keyNode) && keyNode.type === 'PLAIN') entries.push(...mergedEntries(value));
    else entries.push({ key: String(key.value ?? 'null'), keyPos, value });
  }
  return entries;
}

/** `<<: *anchor` or `<<: [*a, *b]` (go-yaml v2 merge keys). */
function mergedEntries(value: PlainNode): PlainEntry[] {
  if (value.kind === 'map') return value.entries;
  if (value.kind === 'list') return value.items.flatMap((item) => (item.kind === 'map' ? item.entries : []));
  return [];
}

function scalarValue(raw: unknown, type: string | undefined, tag: string | undefined): JsonValue {
  const text = raw === null || raw === undefined ? '' : String(raw);
  const shortTag = tag?.replace('tag:yaml.org,2002:', '!!');
  if (shortTag === '!!str') return text;
  if (shortTag === '!!int' || shortTag === '!!float') {
    const n = resolvePlainScalarV2(text);
    return typeof n === 'number' || typeof n === 'bigint' ? n : text;
  }
  if (shortTag === '!!bool') return resolvePlainScalarV2(text);
  if (shortTag === '!!null') return null;
  return type === 'PLAIN' ? resolvePlainScalarV2(text) : text;
}
