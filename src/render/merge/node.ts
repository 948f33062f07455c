import type { JsonObject, JsonValue } from '../../core/json.js';

/**
 * The value model of the strategic-merge walk. It is JSON plus one marker:
 * kyaml tells a `null` *written in the patch* (a tagged null: "delete this")
 * from a `null` already in the object (kept as an ordinary scalar, as kubectl
 * shows), so patch nulls are swapped for TAGGED_NULL before walking and back
 * to `null` afterwards. `undefined` stands for an absent node (Go's nil).
 */
export class TaggedNull {
  private constructor() {}
  static readonly instance = new TaggedNull();
}
export const TAGGED_NULL = TaggedNull.instance;

export type MNode = JsonValue | TaggedNull | MNode[] | MMap;
export interface MMap {
  [key: string]: MNode;
}

export function isMap(node: MNode | undefined): node is MMap {
  return typeof node === 'object' && node !== null && !Array.isArray(node) && !(node instanceof TaggedNull);
}

export function isSeq(node: MNode | undefined): node is MNode[] {
  return Array.isArray(node);
}

/** kyaml's IsMissingOrNull: absent, or explicitly null in the patch. */
export function isMissingOrNull(node: MNode | undefined): node is undefined | TaggedNull {
  return node === undefined || node === TAGGED_NULL;
}

/** kyaml's IsEmptyMap: missing, null or `{}`. */
export function isEmptyMap(node: MNode | undefined): boolean {
  return isMissingOrNull(node) || (isMap(node) && Object.keys(node).length === 0);
}

export type NodeKind = 'map' | 'seq' | 'scalar';

export function kindOf(node: MNode): NodeKind {
  if (isMap(node)) return 'map';
  if (isSeq(node)) return 'seq';
  return 'scalar';
}

/**
 * A scalar's source text, which is what kyaml compares merge keys by.
 * Collections have none (""), like a yaml.Node's Value.
 */
export function textOf(node: MNode | undefined): string {
  if (node === undefined || node === TAGGED_NULL) return '';
  if (node === null) return 'null';
  if (typeof node === 'object') return '';
  return String(node);
}

/** kyaml's IsNilOrEmpty, used when collecting merge-key values. */
export function isNilOrEmpty(node: MNode | undefined): boolean {
  if (isMissingOrNull(node)) return true;
  if (isMap(node)) return Object.keys(node).length === 0;
  return Array.isArray(node) && (node as unknown[]).length === 0;
}

/** Replaces the content of a list in place, so every holder of the list sees it (as a yaml.Node would). */
export function setContent(list: MNode[], content: MNode[]): void {
  list.splice(0, list.length, ...content);
}

/** Deep copy of a patch with its nulls marked as written-by-the-patch. */
export function fromPatch(value: JsonValue): MNode {
  if (value === null) return TAGGED_NULL;
  if (Array.isArray(value)) return value.map(fromPatch);
  if (typeof value === 'object') {
    const out: MMap = {};
    for (const key of Object.keys(value)) out[key] = fromPatch(value[key] as JsonValue);
    return out;
  }
  return value;
}

/** Deep copy of the object being patched; its nulls stay ordinary scalars. */
export function fromBase(value: JsonValue): MNode {
  if (Array.isArray(value)) return value.map(fromBase);
  if (value !== null && typeof value === 'object') {
    const out: MMap = {};
    for (const key of Object.keys(value)) out[key] = fromBase(value[key] as JsonValue);
    return out;
  }
  return value;
}

/** Back to JSON: markers become `null`, shared nodes are copied apart. */
export function toJson(node: MNode): JsonValue {
  if (node instanceof TaggedNull) return null;
  if (Array.isArray(node)) return node.map(toJson);
  if (node !== null && typeof node === 'object') {
    const out: JsonObject = {};
    for (const key of Object.keys(node)) out[key] = toJson((node as MMap)[key] as MNode);
    return out;
  }
  return node;
}
