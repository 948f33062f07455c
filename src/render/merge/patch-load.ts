import { DiagnosticError, fail, type SourceLocation } from '../../core/diagnostic.js';
import { isObject, type JsonObject, type JsonValue } from '../../core/json.js';
import type { SourceRef } from '../../core/resource.js';
import { parseDocuments } from '../../yaml/parse.js';
import type { BuildContext } from '../context.js';
import { RenderCode } from '../errors.js';
import { parseKustomizationYaml, type PlainNode } from '../loader-yaml.js';
import { toJsonPatch, type JsonPatchOperation } from './json6902.js';

/**
 * Reading patches the way kustomize's patch plugins do: strategic-merge
 * documents are read as resources (yaml.v3 values, kind and name required,
 * `List`s expanded), JSON 6902 bodies through YAML→JSON with go-yaml v2
 * scalars (`on` is true there).
 */

/** One strategic-merge patch document and where it was written. */
export interface SmpDocument {
  value: JsonObject;
  source: SourceRef;
}

/** A `patches`/`patchesJson6902` body: where it came from and its text. */
export interface PatchText {
  text: string;
  /** The patch file when the body was read from `path`, else undefined (inline). */
  file?: string;
  /** The kustomization entry. */
  entry: SourceRef;
}

export function locationOf(ref: SourceRef): Partial<SourceLocation> {
  return { file: ref.file, line: ref.line, column: ref.column };
}

/** Reads an entry's body: `path` (via the loader) xor inline `patch`. */
export function readPatchText(ctx: BuildContext, args: { path?: string; patch?: string }, entry: SourceRef, trimInline: boolean): PatchText {
  const inline = trimInline ? (args.patch ?? '').trim() : (args.patch ?? '');
  const path = args.path ?? '';
  if (inline === '' && path === '') fail(RenderCode.PatchInvalid, 'must specify one of patch and path', locationOf(entry));
  if (inline !== '' && path !== '') fail(RenderCode.PatchInvalid, "patch and path can't be set at the same time", locationOf(entry));
  if (inline !== '') return { text: inline, entry };
  const read = ctx.readFile(path);
  return { text: read.text, file: read.path, entry };
}

/**
 * The resource documents of a text, or undefined when it is not a list of
 * resources (a syntax error, a non-map document, a missing kind or name).
 */
export function resourceDocuments(text: string, file: string, sourceAt: (line: number) => SourceRef): SmpDocument[] | undefined {
  // A JSON 6902 body in JSON is one flow sequence to YAML, never a resource:
  // saying so here spares the full YAML parser (the quick one reads block style only).
  if (isJsonArray(text)) return undefined;
  let docs;
  try {
    docs = parseDocuments(text, file);
  } catch (error) {
    if (error instanceof DiagnosticError) return undefined;
    throw error;
  }
  const out: SmpDocument[] = [];
  for (const doc of docs) {
    const value = doc.value;
    if (value === null || (isObject(value) && Object.keys(value).length === 0)) continue;
    if (!isObject(value) || !validResource(value)) return undefined;
    const source = sourceAt(doc.line);
    for (const item of expandList(value)) out.push({ value: item, source });
  }
  return out;
}

function isJsonArray(text: string): boolean {
  if (!text.startsWith('[')) return false;
  try {
    return Array.isArray(JSON.parse(text));
  } catch {
    return false;
  }
}

function validResource(value: JsonObject): boolean {
  const kind = value.kind;
  if (typeof kind !== 'string' || kind === '') return false;
  if (kind.endsWith('List')) return true;
  const metadata = value.metadata;
  return isObject(metadata) && typeof metadata.name === 'string' && metadata.name !== '';
}

/** kustomize inlines `*List` objects that carry `items`. */
function expandList(value: JsonObject): JsonObject[] {
  const kind = value.kind as string;
  if (!kind.endsWith('List') || !Array.isArray(value.items)) return [value];
  return value.items.filter(isObject).flatMap((item) => (validResource(item) ? expandList(item) : []));
}

/** A JSON 6902 body, or undefined when the text is not a list of operations. */
export function jsonPatchOf(text: string, file: string): JsonPatchOperation[] | undefined {
  if (text === '') return undefined;
  // Only a body that does not start with `[` goes through YAML; one that does must be strict JSON.
  if (text.startsWith('[')) {
    try {
      return toJsonPatch(JSON.parse(text) as JsonValue);
    } catch (error) {
      if (error instanceof SyntaxError) return undefined;
      throw error;
    }
  }
  let node: PlainNode | undefined;
  try {
    node = parseKustomizationYaml(text, file);
  } catch (error) {
    if (error instanceof DiagnosticError) return undefined;
    throw error;
  }
  return node ? toJsonPatch(plainToJson(node)) : undefined;
}

function plainToJson(node: PlainNode): JsonValue {
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'list') return node.items.map(plainToJson);
  const out: JsonObject = {};
  for (const entry of node.entries) out[entry.key] = plainToJson(entry.value);
  return out;
}

/** The source to record on changed objects: the patch document in its file, else the kustomization entry. */
export function provenance(body: PatchText, line?: number): SourceRef {
  return body.file ? { file: body.file, line: line ?? 1 } : body.entry;
}
