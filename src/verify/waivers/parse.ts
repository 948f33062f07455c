/**
 * The waivers file (`policies/waivers.yaml` in an estate): each waiver
 * names a rule (id or glob), the objects it covers (kind/namespace/name
 * globs, optionally some clusters), why, who owns the exception and when it
 * ends. Every problem in the file is collected, with its line.
 */
import { diag, type Diagnostic } from '../../core/diagnostic.js';
import { isArray, isObject, type JsonValue } from '../../core/json.js';
import type { ParsedDocument } from '../../yaml/parse.js';
import type { FindingSource } from '../finding.js';

export const WAIVERS_API_VERSION = 'harbormaster.dev/v1alpha1';
export const WAIVERS_KIND = 'Waivers';

export const WaiverCode = {
  /** The waivers file does not have the documented shape. */
  Invalid: 'VERIFY_WAIVER_INVALID',
  /** Two waivers share an id. */
  DuplicateId: 'VERIFY_WAIVER_DUPLICATE_ID',
} as const;

export interface ResourceSelector {
  /** Globs; `*` when not given. */
  kind: string;
  namespace: string;
  name: string;
}

export interface Waiver {
  /** `id` as written, else `<n>` (1-based position in the file). */
  id: string;
  /** Rule id or glob; a plain id also covers its sub-checks (`pod-security` covers `pod-security/privileged`). */
  rule: string;
  resource: ResourceSelector;
  /** Cluster names or globs; absent: every cluster (and plain-file runs). */
  clusters?: string[];
  reason: string;
  owner: string;
  /** Last day the waiver applies, `YYYY-MM-DD` (UTC). */
  expires: string;
  /** The waiver entry in its file. */
  source: FindingSource;
  /** The `expires:` line, where an expired waiver is reported. */
  expiresAt: FindingSource;
}

const WAIVER_KEYS = new Set(['id', 'rule', 'resource', 'clusters', 'reason', 'owner', 'expires']);
const SELECTOR_KEYS = new Set(['kind', 'namespace', 'name']);
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Every waiver of every `kind: Waivers` document; other documents (policies) are left to their own readers. */
export function parseWaivers(file: string, docs: readonly ParsedDocument[]): { waivers: Waiver[]; diagnostics: Diagnostic[] } {
  const waivers: Waiver[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const doc of docs) {
    if (!isObject(doc.value) || doc.value.kind !== WAIVERS_KIND) continue;
    const problem: Problem = (message, path) => {
      const pos = at(doc, file, path);
      diagnostics.push(diag(WaiverCode.Invalid, message, { ...pos, yamlPath: yamlPath(path) }));
    };
    if (doc.value.apiVersion !== WAIVERS_API_VERSION) problem(`apiVersion must be ${WAIVERS_API_VERSION}`, ['apiVersion']);
    const list = doc.value.waivers;
    if (!isArray(list)) {
      problem('waivers must be a list', ['waivers']);
      continue;
    }
    list.forEach((entry, i) => {
      const before = diagnostics.length;
      const waiver = parseWaiver(entry, ['waivers', i], waivers.length + 1, problem, (path) => at(doc, file, path));
      if (waiver && diagnostics.length === before) waivers.push(waiver);
    });
  }
  diagnostics.push(...duplicateIds(waivers));
  return { waivers, diagnostics };
}

type Problem = (message: string, path: (string | number)[]) => void;
type Locate = (path: (string | number)[]) => FindingSource;

function parseWaiver(entry: JsonValue, path: (string | number)[], position: number, problem: Problem, locate: Locate): Waiver | undefined {
  if (!isObject(entry)) {
    problem('a waiver must be a map', path);
    return undefined;
  }
  for (const key of Object.keys(entry)) if (!WAIVER_KEYS.has(key)) problem(`unknown field ${key}`, [...path, key]);
  const text = (key: string, required: boolean): string => {
    const value = entry[key];
    if (value === undefined && !required) return '';
    if (typeof value !== 'string' || value.trim() === '') problem(`${key} must be a non-empty string`, [...path, key]);
    return typeof value === 'string' ? value : '';
  };
  const id = text('id', false);
  const waiver: Waiver = {
    id: id || String(position),
    rule: text('rule', true),
    resource: selector(entry.resource, [...path, 'resource'], problem),
    reason: text('reason', true),
    owner: text('owner', true),
    // An unquoted date reads as a YAML timestamp (midnight UTC); the day is what counts.
    expires: text('expires', true).replace(/T00:00:00Z$/, ''),
    source: locate(path),
    expiresAt: locate([...path, 'expires']),
  };
  if (waiver.expires && !validDate(waiver.expires)) problem('expires must be a date, YYYY-MM-DD', [...path, 'expires']);
  const clusters = clusterList(entry.clusters, [...path, 'clusters'], problem);
  if (clusters) waiver.clusters = clusters;
  return waiver;
}

function yamlPath(path: readonly (string | number)[]): string {
  return path.map((seg, i) => (typeof seg === 'number' ? `[${seg}]` : i === 0 ? seg : `.${seg}`)).join('');
}

function selector(value: JsonValue | undefined, path: (string | number)[], problem: Problem): ResourceSelector {
  const out: ResourceSelector = { kind: '*', namespace: '*', name: '*' };
  if (value === undefined) {
    problem('resource is required (kind, namespace and/or name globs)', path);
    return out;
  }
  if (!isObject(value)) {
    problem('resource must be a map of kind, namespace, name', path);
    return out;
  }
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (!SELECTOR_KEYS.has(key)) problem(`unknown field ${key}`, [...path, key]);
    else if (typeof v !== 'string') problem(`${key} must be a string`, [...path, key]);
    else out[key as keyof ResourceSelector] = v;
  }
  return out;
}

function clusterList(value: JsonValue | undefined, path: (string | number)[], problem: Problem): string[] | undefined {
  if (value === undefined) return undefined;
  if (!isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string' && v !== '')) {
    problem('clusters must be a non-empty list of cluster names', path);
    return undefined;
  }
  return value as string[];
}

function validDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text;
}

/** The node at `path`, else its nearest parent that exists. */
function at(doc: ParsedDocument, file: string, path: (string | number)[]): FindingSource {
  for (let n = path.length; n > 0; n--) {
    const pos = doc.locate(path.slice(0, n));
    if (pos) return { file, line: pos.line, column: pos.column };
  }
  return { file, line: doc.line };
}

function duplicateIds(waivers: readonly Waiver[]): Diagnostic[] {
  const seen = new Map<string, Waiver>();
  const out: Diagnostic[] = [];
  for (const w of waivers) {
    const first = seen.get(w.id);
    if (first) out.push(diag(WaiverCode.DuplicateId, `waiver id ${w.id} is used twice (first at line ${first.source.line})`, { ...w.source }));
    else seen.set(w.id, w);
  }
  return out;
}
