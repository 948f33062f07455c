import { isEmptyMap, isMap, isMissingOrNull, isNilOrEmpty, isSeq, kindOf, setContent, textOf, type MNode } from './node.js';

/**
 * kyaml's list-element primitives (ElementSetter, ElementMatcher,
 * FieldMatcher, ElementValuesList), ported literally: the strategic-merge
 * quirks kubectl shows (dropped empty elements, composite-key reordering)
 * come out of these exact rules.
 */

/** A type mismatch kyaml refuses ("wrong node kind"). */
export class MergeKindError extends Error {
  constructor(readonly expected: string, readonly actual: MNode) {
    super(`wrong node kind: expected ${expected} but got ${kindOf(actual)}`);
  }
}

function requireKind(node: MNode | undefined, kind: 'map' | 'seq' | 'scalar'): void {
  if (isMissingOrNull(node)) return;
  if (kindOf(node) !== kind) throw new MergeKindError(kind, node);
}

/**
 * FieldMatcher{Name, StringValue}: with a name, the element's field when it
 * exists and (if a non-empty value is given) its text equals; without a name,
 * the scalar itself when its text equals.
 */
function matchField(element: MNode, name: string, value: string): MNode | undefined {
  if (isMissingOrNull(element)) return undefined;
  if (name === '') {
    requireKind(element, 'scalar');
    return textOf(element) === value ? element : undefined;
  }
  if (element === null) return undefined;
  requireKind(element, 'map');
  const map = element as Record<string, MNode>;
  if (!Object.prototype.hasOwnProperty.call(map, name)) return undefined;
  const field = map[name] as MNode;
  if (value === '' || textOf(field) === value) return field;
  return undefined;
}

/** The value of a named field of a map element (kyaml's Get), undefined when absent. */
export function getField(element: MNode, name: string): MNode | undefined {
  if (isMissingOrNull(element) || element === null) return undefined;
  requireKind(element, 'map');
  const map = element as Record<string, MNode>;
  return Object.prototype.hasOwnProperty.call(map, name) ? map[name] : undefined;
}

/**
 * ElementSetter: replaces every element matching all key/value pairs with
 * `element` (or deletes them when `element` is undefined), appending it when
 * nothing matched. Null and `{}` elements are dropped on the way, as kyaml does.
 */
export function setElement(list: MNode[], keys: string[], values: string[], element?: MNode): void {
  const ks = keys.length === 0 ? [''] : keys;
  const mappingSetter = ks[0] !== '' && values.length > 0 && values[0] !== '';
  const next: MNode[] = [];
  let matched = false;
  for (const item of list) {
    if (isMissingOrNull(item) || isEmptyMap(item)) continue;
    if (!isMap(item) && mappingSetter) {
      next.push(item);
      continue;
    }
    if (!matchesAllKeys(item, ks, values)) {
      if (values.length > 0) next.push(item);
      continue;
    }
    matched = true;
    if (element !== undefined) next.push(element);
  }
  setContent(list, next);
  if (isMissingOrNull(element)) return;
  if (!matched) list.push(element as MNode);
}

function matchesAllKeys(item: MNode, keys: string[], values: string[]): boolean {
  let hit: MNode | undefined;
  for (let j = 0; j < keys.length; j++) {
    // A key without a value keeps the previous key's answer (kyaml's loop does).
    if (j < values.length) hit = matchField(item, keys[j] as string, values[j] as string);
    if (hit === undefined) return false;
  }
  return true;
}

/** ElementMatcher: the first element whose fields match all key/value pairs (or the scalar with that text). */
export function findElement(list: MNode, keys: string[], values: string[]): MNode | undefined {
  if (!isSeq(list)) return undefined;
  const ks = keys.length === 0 ? [''] : keys;
  const vs = values.length === 0 ? [''] : values;
  if (ks[0] === '') return list.find((item) => textOf(item) === vs[0]);
  if (ks.length !== vs.length) return undefined;
  for (const item of list) {
    if (!isMap(item)) continue;
    const all = ks.every((key, i) => {
      if (!Object.prototype.hasOwnProperty.call(item, key)) return false;
      return textOf(item[key]) === vs[i];
    });
    if (all) return item;
  }
  return undefined;
}

/** ElementValuesList: per element, the text of each key field ("" when absent or empty). */
export function elementKeyValues(list: MNode, keys: string[]): string[][] {
  if (!isSeq(list)) return [];
  return list.map((item) =>
    keys.map((key) => {
      if (!isMap(item) || !Object.prototype.hasOwnProperty.call(item, key)) return '';
      const value = item[key];
      return isNilOrEmpty(value) ? '' : textOf(value);
    }),
  );
}

/**
 * appendListNode: folds every element of `src` into `dst` by key. With
 * composite keys an existing match is removed first, so the element moves to
 * the end: this is why base ports follow new ones after a merge.
 */
export function appendListNode(dst: MNode[], src: MNode[], keys: string[]): MNode[] {
  for (const element of [...src]) {
    if (keys[0] === '') {
      setElement(dst, [''], [textOf(element)], element);
      continue;
    }
    const values: string[] = [];
    for (const key of keys) {
      const value = getField(element, key);
      if (value === undefined) {
        dst.push(element);
        continue;
      }
      values.push(textOf(value));
    }
    if (keys.length > 1) setElement(dst, keys, values);
    setElement(dst, keys, values, element);
  }
  return dst;
}
