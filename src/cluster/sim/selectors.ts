/**
 * Label and field selectors of list and watch requests, parsed once per
 * request into a predicate. Label selectors support `=`, `==`, `!=`, `in`,
 * `notin`, `key`, `!key`, `>` and `<`; field selectors `=`, `==`, `!=` on a
 * dotted path (`metadata.name`, `metadata.namespace`, `status.phase`, …).
 */
import type { KubeObject } from '../types.js';
import { badRequest } from './status-errors.js';

export type Selector = (object: KubeObject) => boolean;

type LabelRequirement =
  | { op: 'exists' | '!'; key: string }
  | { op: 'in' | 'notin'; key: string; values: Set<string> }
  | { op: 'gt' | 'lt'; key: string; value: number };

/** The selector of a request without selectors (compare by identity to skip match tracking). */
export const MATCH_ALL: Selector = () => true;

/** Splits on commas outside parentheses. */
function splitTerms(text: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      terms.push(text.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(text.slice(start));
  return terms.map((t) => t.trim()).filter((t) => t.length > 0);
}

const SET_TERM = /^([^\s!=<>(),]+)\s+(in|notin)\s*\(([^)]*)\)$/;
const EQUALITY_TERM = /^([^\s!=<>(),]+)\s*(==|=|!=)\s*([^\s!=<>(),]*)$/;
const COMPARE_TERM = /^([^\s!=<>(),]+)\s*([<>])\s*(-?\d+)$/;
const EXISTS_TERM = /^(!?)\s*([^\s!=<>(),]+)$/;

function parseLabelTerm(term: string): LabelRequirement {
  let m = SET_TERM.exec(term);
  if (m) return { op: m[2] as 'in' | 'notin', key: m[1]!, values: new Set(m[3]!.split(',').map((v) => v.trim())) };
  m = EQUALITY_TERM.exec(term);
  if (m) return { op: m[2] === '!=' ? 'notin' : 'in', key: m[1]!, values: new Set([m[3]!]) };
  m = COMPARE_TERM.exec(term);
  if (m) return { op: m[2] === '>' ? 'gt' : 'lt', key: m[1]!, value: Number(m[3]) };
  m = EXISTS_TERM.exec(term);
  if (m) return { op: m[1] ? '!' : 'exists', key: m[2]! };
  throw badRequest(`unable to parse requirement: invalid label selector term "${term}"`);
}

function matchesLabel(requirement: LabelRequirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, requirement.key);
  const value = labels[requirement.key];
  switch (requirement.op) {
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'in':
      return has && requirement.values.has(value!);
    case 'notin':
      return !has || !requirement.values.has(value!);
    case 'gt':
      return has && Number(value) > requirement.value;
    case 'lt':
      return has && Number(value) < requirement.value;
  }
}

/** Predicate of a `labelSelector` query value; throws a 400 ApiError when it does not parse. */
export function parseLabelSelector(text: string | null | undefined): Selector {
  if (!text || !text.trim()) return MATCH_ALL;
  const requirements = splitTerms(text).map(parseLabelTerm);
  return (object) => {
    const labels = object.metadata.labels ?? {};
    return requirements.every((r) => matchesLabel(r, labels));
  };
}

function fieldValue(object: KubeObject, path: string): string {
  let value: unknown = object;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return '';
    value = (value as Record<string, unknown>)[part];
  }
  return value === undefined || value === null ? '' : String(value);
}

/** Predicate of a `fieldSelector` query value. */
export function parseFieldSelector(text: string | null | undefined): Selector {
  if (!text || !text.trim()) return MATCH_ALL;
  const requirements = splitTerms(text).map((term) => {
    const m = EQUALITY_TERM.exec(term);
    if (!m) throw badRequest(`invalid field selector: "${term}"`);
    return { path: m[1]!, negate: m[2] === '!=', value: m[3]! };
  });
  return (object) => requirements.every((r) => (fieldValue(object, r.path) === r.value) !== r.negate);
}

/** Both selectors of a request as one predicate. */
export function requestSelector(query: URLSearchParams): Selector {
  const labels = parseLabelSelector(query.get('labelSelector'));
  const fields = parseFieldSelector(query.get('fieldSelector'));
  if (labels === MATCH_ALL) return fields;
  if (fields === MATCH_ALL) return labels;
  return (object) => labels(object) && fields(object);
}
