import { diag, type Diagnostic } from '../core/diagnostic.js';
import type { JsonObject, JsonValue } from '../core/json.js';
import { RenderCode } from './errors.js';
import { goTypeName, type FieldType } from './loader-schema.js';
import type { PlainEntry, PlainNode, Pos } from './loader-yaml.js';

/** Field paths are kept as segment arrays; this joins them into map keys. */
export function pathKey(path: readonly (string | number)[]): string {
  return path.join('\u001f');
}

export interface Decoded {
  value: JsonObject;
  /** Position of every decoded field (its key) and list element, by pathKey. */
  positions: Map<string, Pos>;
  problems: Diagnostic[];
}

/**
 * Decodes a kustomization tree the way kustomize's strict JSON decoding does:
 * keys match field names exactly or case-insensitively, later keys win, an
 * unknown field or a value of the wrong type is an error. Unlike kustomize,
 * every problem is collected, each with its line.
 */
export function decodeStrict(root: PlainNode | undefined, type: FieldType & { t: 'struct' }, file: string): Decoded {
  const out: Decoded = { value: {}, positions: new Map(), problems: [] };
  if (root === undefined) return out;
  const decoder = new StrictDecoder(file, out);
  const value = decoder.decode(root, type, [], { struct: type.name, fieldPath: '' });
  if (value !== undefined && value !== null && typeof value === 'object' && !Array.isArray(value)) out.value = value as JsonObject;
  return out;
}

interface Owner {
  /** Innermost Go struct name and the dotted JSON path from the root, for kustomize-like messages. */
  struct: string;
  fieldPath: string;
}

class StrictDecoder {
  constructor(
    private readonly file: string,
    private readonly out: Decoded,
  ) {}

  decode(node: PlainNode, type: FieldType, path: (string | number)[], owner: Owner): JsonValue | undefined {
    if (type.t === 'any') return plainValue(node);
    if (node.kind === 'scalar' && node.value === null) return undefined;
    if (type.t === 'list' || type.t === 'map' || type.t === 'struct') return this.decodeCollection(node, type, path, owner);
    return node.kind === 'scalar' && scalarFits(node.value, type) ? node.value : this.mismatch(node, type, path, owner);
  }

  private decodeCollection(node: PlainNode, type: FieldType, path: (string | number)[], owner: Owner): JsonValue | undefined {
    if (type.t === 'list' && node.kind === 'list') {
      return node.items.map((item, i) => {
        const itemPath = [...path, i];
        this.out.positions.set(pathKey(itemPath), item.pos);
        return this.decode(item, type.of, itemPath, owner) ?? zeroOf(type.of);
      });
    }
    if (type.t === 'map' && node.kind === 'map') return this.decodeMap(lastWins(node.entries), type.of, path, owner);
    if (type.t === 'struct' && node.kind === 'map') return this.decodeStruct(lastWins(node.entries), type, path, owner);
    return this.mismatch(node, type, path, owner);
  }

  private decodeMap(entries: PlainEntry[], of: FieldType, path: (string | number)[], owner: Owner): JsonObject {
    const result: JsonObject = {};
    for (const entry of entries) {
      const entryPath = [...path, entry.key];
      this.out.positions.set(pathKey(entryPath), entry.keyPos);
      result[entry.key] = this.decode(entry.value, of, entryPath, owner) ?? zeroOf(of);
    }
    return result;
  }

  private decodeStruct(entries: PlainEntry[], type: FieldType & { t: 'struct' }, path: (string | number)[], owner: Owner): JsonObject {
    const result: JsonObject = {};
    // Go's encoding/json meets the keys in sorted order (the YAML went through a Go map first).
    // (`entries` is lastWins' own copy, so it may be sorted in place.)
    for (const entry of sortByKey(entries)) {
      const name = Object.hasOwn(type.fields, entry.key) ? entry.key : fieldNamesOf(type).find((f) => f.toLowerCase() === entry.key.toLowerCase());
      if (name === undefined) {
        this.problem(RenderCode.UnknownField, `invalid Kustomization: json: unknown field "${entry.key}"`, entry.keyPos, [...path, entry.key], suggest(entry.key, fieldNamesOf(type)));
        continue;
      }
      const fieldType = type.fields[name]!;
      const fieldPath = [...path, name];
      this.out.positions.set(pathKey(fieldPath), entry.keyPos);
      const fieldOwner: Owner = { struct: type.name, fieldPath: owner.fieldPath ? `${owner.fieldPath}.${name}` : name };
      const value = this.decode(entry.value, fieldType, fieldPath, fieldOwner);
      if (value === undefined) delete result[name];
      else result[name] = value;
    }
    return result;
  }

  private mismatch(node: PlainNode, type: FieldType, path: (string | number)[], owner: Owner): undefined {
    const found = jsonKindOf(node);
    const target = owner.fieldPath === '' ? `Go value of type ${goTypeName(type)}` : `Go struct field ${owner.struct}.${owner.fieldPath} of type ${goTypeName(type)}`;
    this.problem(RenderCode.BadFieldType, `invalid Kustomization: json: cannot unmarshal ${found} into ${target}`, node.pos, path);
    return undefined;
  }

  private problem(code: string, message: string, pos: Pos, path: (string | number)[], hint?: string): void {
    const yamlPath = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '');
    this.out.problems.push(diag(code, message, { file: this.file, line: pos.line, column: pos.column, yamlPath }, hint));
  }
}

/** Sorts entries with distinct keys by key in place (insertion sort: a struct has few fields, and `sort` allocates). */
function sortByKey(entries: PlainEntry[]): PlainEntry[] {
  for (let i = 1; i < entries.length; i++) {
    const entry = entries[i]!;
    let j = i;
    for (; j > 0 && entries[j - 1]!.key > entry.key; j--) entries[j] = entries[j - 1]!;
    entries[j] = entry;
  }
  return entries;
}

const fieldNames = new WeakMap<object, string[]>();

function fieldNamesOf(type: FieldType & { t: 'struct' }): string[] {
  let names = fieldNames.get(type);
  if (!names) fieldNames.set(type, (names = Object.keys(type.fields)));
  return names;
}

/** Whether a scalar has the Go type a string, bool or int64 field needs. */
function scalarFits(value: JsonValue, type: FieldType): boolean {
  if (type.t === 'string') return typeof value === 'string';
  if (type.t === 'bool') return typeof value === 'boolean';
  if (type.t === 'int') return typeof value === 'bigint' || (typeof value === 'number' && Number.isInteger(value));
  return false;
}

/** A YAML mapping with repeated keys keeps the last value, as go-yaml's map does. */
function lastWins(entries: PlainEntry[]): PlainEntry[] {
  const byKey = new Map<string, PlainEntry>();
  for (const entry of entries) {
    byKey.delete(entry.key);
    byKey.set(entry.key, entry);
  }
  return [...byKey.values()];
}

function zeroOf(type: FieldType): JsonValue {
  switch (type.t) {
    case 'string':
      return '';
    case 'bool':
      return false;
    case 'int':
      return 0;
    case 'any':
      return null;
    case 'list':
    case 'map':
    case 'struct':
      return null;
  }
}

function jsonKindOf(node: PlainNode): string {
  if (node.kind === 'list') return 'array';
  if (node.kind === 'map') return 'object';
  const v = node.value;
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number' && !Number.isInteger(v)) return `number ${v}`;
  return 'number';
}

function plainValue(node: PlainNode): JsonValue {
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'list') return node.items.map(plainValue);
  const out: JsonObject = {};
  for (const entry of lastWins(node.entries)) out[entry.key] = plainValue(entry.value);
  return out;
}

/** The closest known field name, when one is close enough to be a likely typo. */
function suggest(key: string, names: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(key.length / 3)) + 1;
  for (const name of names) {
    const d = editDistance(key.toLowerCase(), name.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  return best === undefined ? undefined : `did you mean '${best}'?`;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}
