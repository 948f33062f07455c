import { isArray, isObject, type JsonObject, type JsonValue } from '../core/json.js';
import { resolvePlainScalar as plainScalar } from './replacements/scalar.js';

/**
 * kustomize's field paths over plain JSON trees, ported from kyaml v0.18.1:
 * - `splitPath` / `splitFieldPath`: PathSplitter and SmarterPathSplitter;
 * - `lookupField`: PathGetter (`yaml.Lookup`), used for replacement sources and var fieldrefs;
 * - `matchFields`: PathMatcher, used for replacement targets (wildcards, regex list selectors, create);
 * - `walkFieldSpec`: the fieldspec filter (`spec/containers[]/image`) behind built-in field specs.
 * Values are addressed by location (container + key) because scalars cannot be changed in place.
 */

export type PathKey = string | number;
export type Container = JsonObject | JsonValue[];

export interface FieldLocation {
  /** The object or array holding the value; null for the root itself. */
  parent: Container | null;
  key: PathKey;
  /** Concrete path from the root, e.g. `['spec', 'containers', 0, 'image']`. */
  path: PathKey[];
  /** True when the lookup created this scalar leaf: kyaml gives it no tag, so a value set later resolves as plain YAML. */
  created: boolean;
}

/** What kind of node a create lookup makes for the leaf (kyaml's yaml.Kind). */
export type NodeKind = 'scalar' | 'map' | 'seq';

/** A path that cannot be followed: wrong node kind, bad list selector, index out of range. */
export class FieldPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FieldPathError';
  }
}

/** kyaml PathSplitter: splits on `delimiter`, except where it is escaped with a backslash. */
export function splitPath(path: string, delimiter: string): string[] {
  const parts = path.split(delimiter);
  const out = [parts[0] as string];
  for (const part of parts.slice(1)) {
    const last = out.length - 1;
    const prev = out[last] as string;
    if (prev.endsWith('\\')) out[last] = `${prev.slice(0, -1)}${delimiter}${part}`;
    else out.push(part);
  }
  return out;
}

/**
 * kyaml SmarterPathSplitter on `.`: a bracketed run (`[name=a.b]`, `[a.b/c]`) stays one
 * part; brackets are kept for list selectors (with `=`) and dropped for plain map keys.
 * A single part like `[foo]` keeps its brackets, as in kyaml.
 */
export function splitFieldPath(path: string): string[] {
  const split = splitPath(path, '.');
  const out: string[] = [];
  for (let i = 0; i < split.length; i++) {
    const elem = split[i] as string;
    if (!elem.startsWith('[') || elem.endsWith(']')) {
      out.push(elem);
      continue;
    }
    const bracketed = [elem];
    while (i < split.length - 1) {
      i++;
      const next = split[i] as string;
      bracketed.push(next);
      if (next.endsWith(']')) break;
    }
    const joined = bracketed.join('.');
    out.push(joined.includes('=') ? joined : joined.replace(/^\[+|\]+$/g, ''));
  }
  return out;
}

export function isListSelector(part: string): boolean {
  return part.startsWith('[') && part.endsWith(']');
}

/** `[name=value]` → ['name', 'value']; `[=value]` → ['', 'value']. */
export function splitListSelector(part: string): [string, string] {
  const inner = part.replace(/\]$/, '').replace(/^\[/, '');
  const eq = inner.indexOf('=');
  if (eq < 0) throw new FieldPathError('list path element must contain fieldName=fieldValue for element to match');
  return [inner.slice(0, eq), inner.slice(eq + 1)];
}

/** Go strconv.Atoi: optional sign, decimal digits, int64 range. */
export function parseGoInt(text: string): number | undefined {
  if (!/^[+-]?\d+$/.test(text)) return undefined;
  const n = BigInt(text);
  if (n > 9223372036854775807n || n < -9223372036854775808n) return undefined;
  return Number(n);
}

/** The text kyaml compares for a node: a scalar's source text; '' for maps and lists. */
export function scalarText(value: JsonValue | undefined): string {
  if (value === undefined || isObject(value) || isArray(value)) return '';
  if (value === null) return 'null';
  return String(value);
}

export function kindOf(value: JsonValue | undefined): NodeKind | 'null' {
  if (value === undefined || value === null) return 'null';
  if (isArray(value)) return 'seq';
  if (isObject(value)) return 'map';
  return 'scalar';
}

export function valueAt(root: JsonValue, loc: FieldLocation): JsonValue | undefined {
  if (loc.parent === null) return root;
  return isArray(loc.parent) ? loc.parent[loc.key as number] : loc.parent[loc.key as string];
}

export function setValueAt(loc: FieldLocation, value: JsonValue): void {
  if (loc.parent === null) throw new FieldPathError('cannot replace the root of a document');
  if (isArray(loc.parent)) loc.parent[loc.key as number] = value;
  else loc.parent[loc.key as string] = value;
}

export function rootLocation(): FieldLocation {
  return { parent: null, key: '', path: [], created: false };
}

export function childLocation(parent: Container, key: PathKey, at: FieldLocation): FieldLocation {
  return { parent, key, path: [...at.path, key], created: false };
}

/** Printable path for messages: `spec.containers[0].image`. */
export function formatPath(path: readonly PathKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? key : `.${key}`;
  }
  return out;
}

export function wrongKind(expected: string, value: JsonValue | undefined): FieldPathError {
  const got = kindOf(value) === 'seq' ? 'SequenceNode' : kindOf(value) === 'map' ? 'MappingNode' : 'ScalarNode';
  return new FieldPathError(`wrong node kind: expected ${expected} but got ${got}: node contents: ${JSON.stringify(value)}`);
}

// ---------------------------------------------------------------------------------------------
// Convenience helpers over dotted paths (SmarterPathSplitter syntax).

/** Value at a dotted path (`yaml.Lookup` semantics), or undefined when any part is missing. */
export function getPath(root: JsonValue, path: string): JsonValue | undefined {
  const loc = lookupField(root, splitFieldPath(path));
  return loc ? valueAt(root, loc) : undefined;
}

/**
 * Sets `value` at every field the dotted path matches (PathMatcher semantics: `*`,
 * `[k=regex]`, indexes), creating missing parts when `create` is set. Returns the
 * concrete paths that were set.
 */
export function setPath(root: JsonObject, path: string, value: JsonValue, options: { create?: boolean } = {}): PathKey[][] {
  const create: NodeKind | undefined = options.create ? (kindOf(value) === 'null' ? 'scalar' : (kindOf(value) as NodeKind)) : undefined;
  const locations = matchFields(root, splitFieldPath(path), create);
  for (const loc of locations) setValueAt(loc, value);
  return locations.map((l) => l.path);
}


// ---------------------------------------------------------------------------------------------
// PathGetter: one node, exact list selectors, `-` for the last element; missing → undefined.

/** kyaml `yaml.Lookup(parts...)`: the single location at `parts`, or undefined when a part is missing. */
export function lookupField(root: JsonValue, parts: readonly string[]): FieldLocation | undefined {
  let loc = rootLocation();
  let node: JsonValue | undefined = root;
  for (const raw of parts) {
    const part = raw.trim();
    if (part === '') continue;
    const next = lookupStep(node, part, loc);
    if (!next) return undefined;
    loc = next;
    node = valueAt(root, loc);
  }
  return loc;
}

function lookupStep(node: JsonValue | undefined, part: string, at: FieldLocation): FieldLocation | undefined {
  if (part === '*') throw new FieldPathError('wildcard is not supported in PathGetter');
  const index = parseGoInt(part);
  if (index !== undefined) {
    if (index < 0) throw new FieldPathError(`array index ${index} cannot be negative`);
    const list = elementsOf(node);
    return index < list.length ? childLocation(list, index, at) : undefined;
  }
  if (part === '-') {
    const list = elementsOf(node);
    return list.length > 0 ? childLocation(list, list.length - 1, at) : undefined;
  }
  if (isListSelector(part)) {
    const [field, wanted] = splitListSelector(part);
    const list = elementsOf(node);
    const i = list.findIndex((elem) => elementHasValue(elem, field, wanted));
    return i < 0 ? undefined : childLocation(list, i, at);
  }
  if (node === null || node === undefined) return undefined;
  if (!isObject(node)) throw wrongKind('MappingNode', node);
  return hasKey(node, part) ? childLocation(node, part, at) : undefined;
}

/** ElementMatcher: `[=v]` compares the element's text, `[k=v]` the text of field k of map elements. */
function elementHasValue(elem: JsonValue, field: string, wanted: string): boolean {
  if (field === '') return scalarText(elem) === wanted;
  return isObject(elem) && hasKey(elem, field) && scalarText(elem[field]) === wanted;
}

/** A sequence's elements; a missing or null node has none; anything else is the wrong kind. */
function elementsOf(node: JsonValue | undefined): JsonValue[] {
  if (node === null || node === undefined) return [];
  if (!isArray(node)) throw wrongKind('SequenceNode', node);
  return node;
}

export function hasKey(obj: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

// ---------------------------------------------------------------------------------------------
// PathMatcher: every matching node; `*` visits all elements, `[k=regex]` is an unanchored
// regex on the element's text, an index equal to the length appends when creating.

interface MatchState {
  create: NodeKind | undefined;
  /** Paths of scalars created untagged during this match. */
  created: Set<string>;
}

/**
 * kyaml PathMatcher over `parts` (already split). With `create`, missing parts are
 * created (intermediates as maps or lists by the next part, the leaf as `create`).
 * Where kyaml would write into a null node, the created parts are detached and the
 * write is lost, as it is in kustomize.
 */
export function matchFields(root: JsonValue, parts: readonly string[], create?: NodeKind): FieldLocation[] {
  const state: MatchState = { create, created: new Set() };
  return match(state, root, rootLocation(), parts);
}

function match(state: MatchState, node: JsonValue | undefined, loc: FieldLocation, parts: readonly string[]): FieldLocation[] {
  const [head, ...rest] = parts;
  if (head === undefined) return [{ ...loc, created: state.created.has(JSON.stringify(loc.path)) }];
  const index = parseGoInt(head);
  if (index !== undefined && index >= 0) return matchIndex(state, node, loc, index, parts);
  if (isListSelector(head)) return matchSelector(state, node, loc, parts, false);
  if (head === '*') {
    return elementsOf(node).flatMap((elem, i) => match(state, elem, childLocation(node as JsonValue[], i, loc), rest));
  }
  return matchField(state, node, loc, head, parts);
}

function matchField(state: MatchState, node: JsonValue | undefined, loc: FieldLocation, key: string, parts: readonly string[]): FieldLocation[] {
  let holder: JsonObject;
  if (node === null || node === undefined) {
    if (!state.create) return [];
    holder = {};
  } else if (isObject(node)) {
    holder = node;
  } else {
    throw wrongKind('MappingNode', node);
  }
  const child = childLocation(holder, key, loc);
  if (!hasKey(holder, key)) {
    if (!state.create) return [];
    holder[key] = newNode(state, child, parts[1]);
  }
  return match(state, holder[key], child, parts.slice(1));
}

function matchIndex(state: MatchState, node: JsonValue | undefined, loc: FieldLocation, index: number, parts: readonly string[]): FieldLocation[] {
  const list = node === null || node === undefined ? [] : elementsOf(node);
  if (list.length === index && state.create) list.push(newNode(state, childLocation(list, index, loc), parts[1]));
  if (list.length < index + 1) throw new FieldPathError(`index ${index} specified but only ${list.length} elements found`);
  return match(state, list[index], childLocation(list, index, loc), parts.slice(1));
}

function matchSelector(state: MatchState, node: JsonValue | undefined, loc: FieldLocation, parts: readonly string[], retried: boolean): FieldLocation[] {
  const [field, pattern] = splitListSelector(parts[0] as string);
  const list = node === null || node === undefined ? [] : elementsOf(node);
  const found: FieldLocation[] = [];
  list.forEach((elem, i) => {
    const at = childLocation(list, i, loc);
    if (field === '') {
      // kyaml returns the primitive element itself and ignores the rest of the path.
      if (compilePattern(pattern).test(nodeString(elem))) found.push(...match(state, elem, at, []));
      return;
    }
    if (!isObject(elem) || !hasKey(elem, field)) return;
    if (compilePattern(pattern).test(nodeString(elem[field]))) found.push(...match(state, elem, at, parts.slice(1)));
  });
  if (found.length > 0 || !state.create || retried) return found;
  const created = field === '' ? createdScalar(state, list, loc, pattern) : { [field]: plainScalar(pattern) };
  list.push(created);
  return matchSelector(state, list, loc, parts, true);
}

function createdScalar(state: MatchState, list: JsonValue[], loc: FieldLocation, text: string): JsonValue {
  state.created.add(JSON.stringify([...loc.path, list.length]));
  return plainScalar(text);
}

/** A new node for a missing part: a list before an index or selector, the leaf kind at the end, else a map. */
function newNode(state: MatchState, at: FieldLocation, nextPart: string | undefined): JsonValue {
  const next = nextPart ?? '';
  if (isListSelector(next) || (parseGoInt(next) ?? -1) >= 0) return [];
  if (next !== '') return {};
  if (state.create === 'map') return {};
  if (state.create === 'seq') return [];
  state.created.add(JSON.stringify(at.path));
  return null;
}

const patternCache = new Map<string, RegExp>();

function compilePattern(pattern: string): RegExp {
  let re = patternCache.get(pattern);
  if (!re) {
    try {
      re = new RegExp(pattern);
    } catch {
      throw new FieldPathError(`error parsing regexp: ${pattern}`);
    }
    patternCache.set(pattern, re);
  }
  return re;
}

/** What kyaml's RNode.String() gives for a node, trimmed: the text of a scalar, a flow form otherwise. */
function nodeString(value: JsonValue | undefined): string {
  if (value !== null && value !== undefined && typeof value === 'object') return JSON.stringify(value);
  return scalarText(value).trim();
}

// ---------------------------------------------------------------------------------------------
// Field specs: `/`-separated, `name[]` marks a list, lists are walked implicitly.

export interface FieldSpecOptions {
  /** Create missing fields (kustomize's `create: true`); the leaf gets this kind. */
  create?: NodeKind;
}

/**
 * kustomize's fieldspec filter: calls `visit` for every node at `path` (e.g.
 * `spec/template/spec/containers/args`), descending into every element of any list on
 * the way. Missing fields are skipped unless `create` is given. A null field on a `[]`
 * part (or one being created) is turned into an empty node of the expected kind.
 */
export function walkFieldSpec(
  root: JsonValue,
  path: string,
  visit: (loc: FieldLocation, value: JsonValue) => void,
  options: FieldSpecOptions = {},
): void {
  walkSpec(root, rootLocation(), splitPath(path, '/'), visit, options);
}

function walkSpec(
  node: JsonValue | undefined,
  loc: FieldLocation,
  parts: readonly string[],
  visit: (loc: FieldLocation, value: JsonValue) => void,
  options: FieldSpecOptions,
): void {
  if (node === undefined) return;
  if (parts.length === 0) return visit(loc, node);
  if (node === null) return;
  if (isArray(node)) {
    node.forEach((elem, i) => walkSpec(elem, childLocation(node, i, loc), parts, visit, options));
    return;
  }
  if (!isObject(node)) throw new FieldPathError('expected sequence or mapping node');
  const name = specField(node, parts, options);
  if (name !== undefined) walkSpec(node[name], childLocation(node, name, loc), parts.slice(1), visit, options);
}

/** The field a spec part names in `node`, created or retyped as kustomize does; undefined when absent. */
function specField(node: JsonObject, parts: readonly string[], options: FieldSpecOptions): string | undefined {
  const raw = parts[0] as string;
  const isSeq = raw.endsWith('[]');
  const name = isSeq ? raw.slice(0, -2) : raw;
  if (name === '') throw new FieldPathError('cannot set or create an empty field name');
  const creating = options.create !== undefined && !isSeq;
  let kind: NodeKind | undefined;
  if (isSeq) kind = 'seq';
  else if (creating) kind = parts.length <= 1 ? options.create : 'map';
  if (!hasKey(node, name)) {
    if (!creating || kind === undefined) return undefined;
    node[name] = emptyNode(kind);
  } else if (node[name] === null && kind !== undefined && kind !== 'scalar') {
    node[name] = emptyNode(kind);
  }
  return name;
}

function emptyNode(kind: NodeKind): JsonValue {
  if (kind === 'map') return {};
  if (kind === 'seq') return [];
  return '';
}
