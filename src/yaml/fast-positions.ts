/**
 * Where the quick reader found each node, kept only when asked for: most
 * files never need a position, and recording them costs an allocation per
 * node. Positions are 1-based line and column, as the full parser reports.
 */
import type { JsonObject, JsonValue } from '../core/json.js';

export interface Pos {
  line: number;
  column: number;
}

/** A map entry: where its key starts and where its value does (for an empty value, just after the colon). */
export interface EntryPos {
  key: Pos;
  value: Pos;
}

/** What `locate` cannot answer from the table (a null list item): the caller asks the full parser. */
export const UNKNOWN = 'unknown';

export class NodePositions {
  private readonly maps = new Map<JsonObject, Map<string, EntryPos>>();
  private readonly lists = new Map<JsonValue[], (Pos | undefined)[]>();

  constructor(readonly root: Pos) {}

  entry(map: JsonObject, key: string, at: EntryPos): void {
    let entries = this.maps.get(map);
    if (!entries) this.maps.set(map, (entries = new Map()));
    entries.set(key, at);
  }

  /** A list item's start; undefined for an empty (null) item, whose position the full parser knows better. */
  item(list: JsonValue[], index: number, at: Pos | undefined): void {
    let items = this.lists.get(list);
    if (!items) this.lists.set(list, (items = []));
    items[index] = at;
  }

  entryOf(map: JsonObject, key: string): EntryPos | undefined {
    return this.maps.get(map)?.get(key);
  }

  itemOf(list: JsonValue[], index: number): Pos | undefined {
    return this.lists.get(list)?.[index];
  }

  /**
   * The full parser's `locate` on the quick reader's value: a map step gives
   * the key's position, a list step the item's; a missing step, undefined.
   */
  locate(value: JsonValue, path: readonly (string | number)[]): Pos | undefined | typeof UNKNOWN {
    let node = value;
    let at: Pos | undefined = this.root;
    for (const step of path) {
      if (typeof step === 'number') {
        if (!Array.isArray(node) || step < 0 || step >= node.length) return undefined;
        at = this.itemOf(node, step);
        if (!at) return UNKNOWN;
        node = node[step]!;
      } else {
        if (node === null || typeof node !== 'object' || Array.isArray(node) || !Object.hasOwn(node, step)) return undefined;
        const entry = this.entryOf(node, step);
        if (!entry) return UNKNOWN;
        at = entry.key;
        node = node[step]!;
      }
    }
    return at;
  }
}

export function pos(lineIndex: number, col: number): Pos {
  return { line: lineIndex + 1, column: col + 1 };
}
