import { isObject, type JsonValue } from '../core/json.js';
import { fastParse } from '../yaml/fast-parse.js';
import type { Dialect } from '../yaml/fast-plain.js';
import type { NodePositions, Pos } from '../yaml/fast-positions.js';
import { giveUp, GiveUp } from '../yaml/fast-scalars.js';
import { hasForbiddenCharacter } from '../yaml/parse.js';
import { resolvePlainScalarV2 } from './loader-scalars.js';
import type { PlainEntry, PlainNode } from './loader-yaml.js';

/**
 * kustomize reads kustomization files with go-yaml v2: plain scalars by YAML
 * 1.1 rules, and every key (at any depth) through the same resolution.
 * Keys that would not read as strings are left to the full parser.
 */
const GO_YAML_V2: Dialect = {
  plain: resolvePlainScalarV2,
  key: (text) => {
    const value = resolvePlainScalarV2(text);
    return typeof value === 'string' ? value : giveUp();
  },
};

/**
 * The first document of a kustomization file by the quick reader, with the
 * positions the strict decoder reports; undefined when the text needs the
 * full parser (the `node` of a result is undefined for a file without documents).
 */
export function quickKustomization(text: string): { node: PlainNode | undefined } | undefined {
  if (hasForbiddenCharacter(text)) return undefined;
  const docs = fastParse(text, { dialect: GO_YAML_V2, positions: true });
  if (!docs) return undefined;
  const first = docs[0];
  if (!first) return { node: undefined };
  // An empty document is an empty scalar to the full parser; rare enough to leave to it.
  if (first.value === null) return undefined;
  try {
    return { node: toPlain(first.value, first.positions!.root, first.positions!) };
  } catch (err) {
    if (err instanceof GiveUp) return undefined;
    throw err;
  }
}

// JavaScript objects list index-like keys first, which would lose the file's order.
const INDEX_LIKE = /^(0|[1-9][0-9]*)$/;

function toPlain(value: JsonValue, pos: Pos, positions: NodePositions): PlainNode {
  if (Array.isArray(value)) {
    const items = value.map((item, i) => toPlain(item, positions.itemOf(value, i) ?? giveUp(), positions));
    return { kind: 'list', items, pos };
  }
  if (isObject(value)) {
    const entries = Object.keys(value).map((key): PlainEntry => {
      if (INDEX_LIKE.test(key)) giveUp();
      const at = positions.entryOf(value, key) ?? giveUp();
      return { key, keyPos: at.key, value: toPlain(value[key]!, at.value, positions) };
    });
    return { kind: 'map', entries, pos };
  }
  return { kind: 'scalar', value, pos };
}
