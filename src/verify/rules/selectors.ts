/**
 * Kubernetes label selectors (matchLabels + matchExpressions, or a Service's
 * plain map) and two indexes that answer "which items match" without
 * scanning every item: labelled items looked up by a selector, and selectors
 * looked up by a label set. Both bucket by one `key=value` pair.
 */
import { isArray, isObject, type JsonValue } from '../../core/json.js';
import { str, stringMap } from './values.js';

export interface Requirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values: string[];
}

export interface Selector {
  matchLabels: Readonly<Record<string, string>>;
  expressions: readonly Requirement[];
}

type Labels = Readonly<Record<string, string>>;

/** A LabelSelector object; `undefined` when missing or null (which selects nothing for PDBs and workloads). */
export function parseLabelSelector(value: JsonValue | undefined): Selector | undefined {
  if (!isObject(value)) return undefined;
  const expressions: Requirement[] = [];
  if (isArray(value.matchExpressions)) {
    for (const e of value.matchExpressions) {
      if (!isObject(e)) continue;
      const operator = str(e.operator);
      if (operator !== 'In' && operator !== 'NotIn' && operator !== 'Exists' && operator !== 'DoesNotExist') continue;
      const values = isArray(e.values) ? e.values.filter((v): v is string => typeof v === 'string') : [];
      expressions.push({ key: str(e.key) ?? '', operator, values });
    }
  }
  return { matchLabels: stringMap(value.matchLabels), expressions };
}

/** A Service-style selector: a plain map of labels. */
export function mapSelector(value: JsonValue | undefined): Selector {
  return { matchLabels: stringMap(value), expressions: [] };
}

export function isEmptySelector(s: Selector): boolean {
  return s.expressions.length === 0 && Object.keys(s.matchLabels).length === 0;
}

/** An empty selector matches every label set. */
export function selectorMatches(s: Selector, labels: Labels): boolean {
  for (const key in s.matchLabels) {
    if (labels[key] !== s.matchLabels[key]) return false;
  }
  for (const r of s.expressions) {
    const has = Object.prototype.hasOwnProperty.call(labels, r.key);
    const value = labels[r.key];
    switch (r.operator) {
      case 'In': if (!has || !r.values.includes(value as string)) return false; break;
      case 'NotIn': if (has && r.values.includes(value as string)) return false; break;
      case 'Exists': if (!has) return false; break;
      case 'DoesNotExist': if (has) return false; break;
    }
  }
  return true;
}

const pairKey = (key: string, value: string): string => `${key}\u0000${value}`;

/** Items carrying labels, found by selector. */
export class LabelIndex<T> {
  private readonly all: { labels: Labels; item: T }[] = [];
  private readonly byPair = new Map<string, { labels: Labels; item: T }[]>();

  add(labels: Labels, item: T): void {
    const entry = { labels, item };
    this.all.push(entry);
    for (const key in labels) {
      const k = pairKey(key, labels[key] as string);
      const bucket = this.byPair.get(k);
      if (bucket) bucket.push(entry);
      else this.byPair.set(k, [entry]);
    }
  }

  /** Items whose labels `selector` matches; an empty selector matches all. */
  select(selector: Selector): T[] {
    let candidates = this.all;
    for (const key in selector.matchLabels) {
      const bucket = this.byPair.get(pairKey(key, selector.matchLabels[key] as string)) ?? [];
      if (bucket.length < candidates.length) candidates = bucket;
      if (candidates.length === 0) return [];
    }
    return candidates.filter((c) => selectorMatches(selector, c.labels)).map((c) => c.item);
  }

  some(selector: Selector): boolean {
    return this.select(selector).length > 0;
  }
}

/** Items carrying selectors, found by a label set. */
export class SelectorIndex<T> {
  private readonly unkeyed: { selector: Selector; item: T }[] = [];
  private readonly byPair = new Map<string, { selector: Selector; item: T }[]>();

  add(selector: Selector, item: T): void {
    const entry = { selector, item };
    const first = Object.keys(selector.matchLabels)[0];
    if (first === undefined) {
      this.unkeyed.push(entry);
      return;
    }
    const k = pairKey(first, selector.matchLabels[first] as string);
    const bucket = this.byPair.get(k);
    if (bucket) bucket.push(entry);
    else this.byPair.set(k, [entry]);
  }

  /** Items whose selector matches `labels`. */
  selecting(labels: Labels): T[] {
    const out: T[] = [];
    for (const key in labels) {
      for (const e of this.byPair.get(pairKey(key, labels[key] as string)) ?? []) {
        if (selectorMatches(e.selector, labels)) out.push(e.item);
      }
    }
    for (const e of this.unkeyed) if (selectorMatches(e.selector, labels)) out.push(e.item);
    return out;
  }
}
