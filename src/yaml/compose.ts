/**
 * Turns one parsed YAML document (the `yaml` package's AST) into a JsonValue
 * with kustomize's reading rules: yaml.v3 scalar resolution, aliases expanded
 * (each use is an independent copy), `<<` merge keys applied with explicit
 * keys winning, duplicate keys and non-string nested keys reported.
 */
import type { Alias, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { JsonObject, JsonValue } from '../core/json.js';
import { resolvePlain, resolveTagged, UnsupportedScalar, type Resolved } from './scalar.js';
import { YamlCode } from './codes.js';
import { yamlLib } from './yaml-lib.js';

// The `yaml` package's node tests, through its lazy loader (only the full parser composes).
const isScalar = (node: unknown): node is Scalar => yamlLib().isScalar(node);
const isMap = (node: unknown): node is YAMLMap => yamlLib().isMap(node);
const isSeq = (node: unknown): node is YAMLSeq => yamlLib().isSeq(node);
const isAlias = (node: unknown): node is Alias => yamlLib().isAlias(node);

/** A problem found while composing; `offset` is resolved to line:column by the caller. */
export interface ComposeProblem {
  code: string;
  message: string;
  offset: number;
}

const MAX_ALIAS_NODES = 1_000_000;

export class Composer {
  private readonly anchors = new Map<string, JsonValue>();
  /** Nodes that alias expansion may still create in this document (guards against alias bombs). */
  private aliasBudget = MAX_ALIAS_NODES;
  readonly problems: ComposeProblem[] = [];

  constructor(private readonly lineOf: (offset: number) => number) {}

  document(node: Node | null): JsonValue {
    this.anchors.clear();
    this.aliasBudget = MAX_ALIAS_NODES;
    if (node === null) return null;
    return this.node(node, true);
  }

  private node(node: Node, root = false): JsonValue {
    let value: JsonValue;
    if (isScalar(node)) value = this.scalar(node);
    else if (isMap(node)) value = this.map(node, root);
    else if (isSeq(node)) value = node.items.map((item) => this.node(item as Node));
    else if (isAlias(node)) return this.alias(node);
    else value = null;
    if (node.anchor) this.anchors.set(node.anchor, value);
    return value;
  }

  private alias(node: Alias): JsonValue {
    const target = this.anchors.get(node.source);
    if (target === undefined) {
      this.report(YamlCode.Syntax, `unknown anchor '${node.source}' referenced`, node);
      return null;
    }
    const copy = this.copyWithinBudget(target);
    if (copy === undefined) {
      this.report(YamlCode.Syntax, 'document contains excessive aliasing', node);
      return null;
    }
    return copy;
  }

  /** A deep copy, or undefined once the document's alias budget is spent. */
  private copyWithinBudget(value: JsonValue): JsonValue | undefined {
    if (--this.aliasBudget < 0) return undefined;
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) {
      const out: JsonValue[] = [];
      for (const item of value) {
        const copy = this.copyWithinBudget(item);
        if (copy === undefined) return undefined;
        out.push(copy);
      }
      return out;
    }
    const out: JsonObject = {};
    for (const key of Object.keys(value)) {
      const copy = this.copyWithinBudget(value[key] as JsonValue);
      if (copy === undefined) return undefined;
      setOwn(out, key, copy);
    }
    return out;
  }

  private scalar(node: Scalar): JsonValue {
    const resolved = this.resolveScalar(node);
    if (resolved instanceof UnsupportedScalar) {
      this.report(YamlCode.UnsupportedValue, resolved.reason, node);
      return null;
    }
    return resolved;
  }

  private resolveScalar(node: Scalar): Resolved {
    // `source` is the scalar's text after unescaping; `value` may already be
    // converted by the library for the few tags it knows (binary, timestamp).
    const text = scalarText(node);
    if (node.tag) return resolveTagged(node.tag, text);
    return node.type === 'PLAIN' ? resolvePlain(text) : text;
  }

  private map(node: YAMLMap, root: boolean): JsonObject {
    const out: JsonObject = {};
    const seen = new Map<string, number>();
    let merge: Node | undefined;
    for (const pair of node.items as Pair<Node | null, Node | null>[]) {
      const keyNode = pair.key;
      if (keyNode && isMergeKey(keyNode)) {
        if (merge) this.report(YamlCode.Syntax, 'duplicate merge key', keyNode);
        merge = pair.value ?? undefined;
        continue;
      }
      // kustomize silently drops a quoted or tagged `<<` entry.
      if (isScalar(keyNode) && scalarText(keyNode) === '<<') continue;
      if (this.isDuplicate(keyNode, seen)) continue;
      const key = this.key(keyNode, root, node);
      if (key === undefined) continue;
      setOwn(out, key, pair.value ? this.node(pair.value) : null);
    }
    if (merge) this.applyMerge(out, merge);
    return out;
  }

  /** yaml.v3 compares key text only, so `1` and `"1"` clash. */
  private isDuplicate(keyNode: Node | null, seen: Map<string, number>): boolean {
    if (!isScalar(keyNode)) return false;
    const text = scalarText(keyNode);
    const earlier = seen.get(text);
    if (earlier === undefined) {
      seen.set(text, keyNode.range?.[0] ?? 0);
      return false;
    }
    this.report(YamlCode.DuplicateKey, `mapping key "${text}" already defined at line ${this.lineOf(earlier)}`, keyNode);
    return true;
  }

  /** Map keys must be strings (kustomize cannot marshal others), except at a document's top level. */
  private key(keyNode: Node | null, root: boolean, map: YAMLMap): string | undefined {
    if (keyNode === null) return root ? '' : this.badKey('null', map);
    if (!isScalar(keyNode)) {
      this.report(YamlCode.UnsupportedValue, 'invalid map key: only scalar keys are supported', keyNode);
      return undefined;
    }
    const raw = scalarText(keyNode);
    if (root) return raw;
    const resolved = this.resolveScalar(keyNode);
    if (typeof resolved === 'string') return resolved;
    return this.badKey(raw, keyNode);
  }

  private badKey(raw: string, at: Node): undefined {
    this.report(YamlCode.UnsupportedValue, `map key ${JSON.stringify(raw)} is not a string`, at);
    return undefined;
  }

  /** yaml.v3 merge: keys already present win; in a list of maps the earlier map wins. */
  private applyMerge(out: JsonObject, source: Node): void {
    const sources = isSeq(source) ? (source.items as Node[]) : [source];
    for (const item of sources) {
      const value = this.node(item);
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        this.report(YamlCode.Syntax, 'map merge requires map or sequence of maps as the value', item);
        continue;
      }
      for (const key of Object.keys(value)) {
        if (!Object.hasOwn(out, key)) setOwn(out, key, value[key] as JsonValue);
      }
    }
  }

  private report(code: string, message: string, node: Node): void {
    this.problems.push({ code, message, offset: node.range?.[0] ?? 0 });
  }
}

function scalarText(node: Scalar): string {
  return typeof node.source === 'string' ? node.source : String(node.value ?? '');
}

function isMergeKey(node: Node): boolean {
  return isScalar(node) && node.type === 'PLAIN' && node.value === '<<' && (!node.tag || node.tag === 'tag:yaml.org,2002:merge');
}

/** Plain assignment would turn a `__proto__` key into a prototype change. */
function setOwn(obj: JsonObject, key: string, value: JsonValue): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  else obj[key] = value;
}
