import { diag, DiagnosticError } from '../core/diagnostic.js';
import { cloneJson, isArray, isObject, type JsonObject, type JsonValue } from '../core/json.js';
import { Resource } from '../core/resource.js';
import type { ParsedDocument } from '../yaml/index.js';
import { RenderCode } from './errors.js';
import { rememberRawAnnotations } from './finish-annotations.js';
import type { BuildSession } from './loader-session.js';

interface Pending {
  value: JsonValue;
  doc: ParsedDocument;
  /** Path of this object inside its document (non-empty for expanded List items). */
  path: (string | number)[];
}

/**
 * The objects of a resource file, as kustomize reads them: empty documents
 * skipped, `List`/`*List` kinds expanded (their items queued after the
 * file's other documents), and every object checked for a kind and a name.
 */
export function resourcesFromFile(session: BuildSession, path: string): Resource[] {
  const docs = session.parse(path);
  const text = (): string => session.readText(path);
  const queue: Pending[] = [];
  for (const doc of docs) {
    if (isNilOrEmpty(doc.value)) continue;
    checkMetadata(doc.value, path, doc.line);
    queue.push({ value: doc.value, doc, path: [] });
  }
  const out: Resource[] = [];
  for (let i = 0; i < queue.length; i++) {
    const { value, doc, path: inDoc } = queue[i]!;
    const obj = value as JsonObject;
    const line = (inDoc.length > 0 ? doc.locate(inDoc)?.line : undefined) ?? doc.line;
    const kind = typeof obj.kind === 'string' ? obj.kind : '';
    if (kind.endsWith('List') && 'items' in obj) {
      queue.push(...listItems(obj, kind, doc, inDoc, path, line));
      continue;
    }
    const resource = new Resource(cloneJson(obj), { file: path, line });
    if (!isObject(resource.obj.metadata) && kind.endsWith('List')) resource.obj.metadata = {};
    rememberRawAnnotations(resource, doc, inDoc, text);
    out.push(resource);
  }
  return out;
}

function listItems(list: JsonObject, kind: string, doc: ParsedDocument, inDoc: (string | number)[], file: string, line: number): Pending[] {
  const items = list.items;
  if (items === null || items === undefined) return [];
  if (!isArray(items)) {
    throw invalid(`expected array in ${kind}/items, but found ${typeof items === 'object' ? 'map' : typeof items}`, file, line);
  }
  const out: Pending[] = [];
  items.forEach((item, i) => {
    if (item === null) return;
    const path = [...inDoc, 'items', i];
    const itemLine = doc.locate(path)?.line ?? line;
    checkMetadata(item, file, itemLine);
    out.push({ value: item, doc, path });
  });
  return out;
}

/** kyaml's GetValidatedMetadata: a kind is required; a name too, except for lists. */
function checkMetadata(value: JsonValue, file: string, line: number): void {
  if (!isObject(value)) throw invalid('missing Resource metadata', file, line);
  const kind = value.kind;
  const meta = isObject(value.metadata) ? value.metadata : {};
  if (kind === undefined || kind === null || kind === '') {
    throw invalid(`missing kind in object (apiVersion ${String(value.apiVersion ?? '')}, name ${String(meta.name ?? '')})`, file, line);
  }
  if (typeof kind === 'string' && kind.endsWith('List')) return;
  if (meta.name === undefined || meta.name === null || meta.name === '') {
    throw invalid(`missing metadata.name in object (${String(value.apiVersion ?? '')} ${String(kind)})`, file, line, 'every object needs metadata.name');
  }
}

function isNilOrEmpty(value: JsonValue): boolean {
  if (value === null) return true;
  if (isArray(value)) return value.length === 0;
  return isObject(value) && Object.keys(value).length === 0;
}

function invalid(message: string, file: string, line: number, hint?: string): DiagnosticError {
  return new DiagnosticError([diag(RenderCode.InvalidResource, message, { file, line }, hint)]);
}
