/**
 * Finds where a value sits in the source: walks the AST along a path of map
 * keys and list indexes. For a map entry the key's offset is returned (that
 * is where a reader looks); for a list item, the item's own offset.
 */
import type { Node, Pair } from 'yaml';
import { yamlLib } from './yaml-lib.js';

type AnyNode = Node | null | undefined;

function entryOf(map: AnyNode, key: string): Pair<AnyNode, AnyNode> | undefined {
  const { isAlias, isMap, isScalar, isSeq } = yamlLib();
  if (!isMap(map)) return undefined;
  for (const pair of map.items as Pair<AnyNode, AnyNode>[]) {
    const k = pair.key;
    if (isScalar(k) && String(k.value ?? '') === key) return pair;
  }
  for (const pair of map.items as Pair<AnyNode, AnyNode>[]) {
    const k = pair.key;
    if (!isScalar(k) || k.value !== '<<' || k.type !== 'PLAIN') continue;
    const sources = isSeq(pair.value) ? (pair.value.items as AnyNode[]) : [pair.value];
    for (const source of sources) {
      const found = entryOf(isAlias(source) ? undefined : source, key);
      if (found) return found;
    }
  }
  return undefined;
}

/** Offset of the node at `path`, or undefined if the path does not exist in the source. */
export function locateNode(root: AnyNode, path: readonly (string | number)[]): number | undefined {
  const { isAlias, isSeq } = yamlLib();
  let node: AnyNode = root;
  let offset = root?.range?.[0];
  for (const step of path) {
    if (isAlias(node)) return offset;
    if (typeof step === 'number') {
      if (!isSeq(node)) return undefined;
      node = node.items[step] as AnyNode;
      if (node === undefined) return undefined;
      offset = node?.range?.[0];
    } else {
      const pair = entryOf(node, step);
      if (!pair) return undefined;
      offset = (pair.key as AnyNode)?.range?.[0];
      node = pair.value;
    }
  }
  return offset;
}
