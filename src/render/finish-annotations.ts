import { isObject, type JsonObject, type JsonValue } from '../core/json.js';
import type { Resource } from '../core/resource.js';
import type { ParsedDocument } from '../yaml/index.js';

/**
 * kustomize's last step rewrites every object's `metadata.annotations` as a
 * map of strings: build annotations go, non-string values become the text
 * they were written as (`8080`, `true`, `~`), anything else becomes "", and an
 * empty map is removed. The written text is not in the parsed value, so it
 * is captured at load time for the (rare) non-string annotation values.
 */
const RAW_ANNOTATIONS = 'kustomize.rawAnnotations';

/** Annotations kustomize uses internally and never prints. */
export const BUILD_ANNOTATIONS: ReadonlySet<string> = new Set([
  'internal.config.kubernetes.io/previousKinds',
  'internal.config.kubernetes.io/previousNames',
  'internal.config.kubernetes.io/prefixes',
  'internal.config.kubernetes.io/suffixes',
  'internal.config.kubernetes.io/previousNamespaces',
  'internal.config.kubernetes.io/allowNameChange',
  'internal.config.kubernetes.io/allowKindChange',
  'internal.config.kubernetes.io/refBy',
  'internal.config.kubernetes.io/generatorBehavior',
  'internal.config.kubernetes.io/needsHashSuffix',
  'internal.config.kubernetes.io/path',
  'internal.config.kubernetes.io/index',
  'internal.config.kubernetes.io/seqindent',
  'internal.config.kubernetes.io/id',
  'internal.config.kubernetes.io/annotations-migration-resource-id',
  'config.kubernetes.io/path',
  'config.kubernetes.io/index',
  'config.k8s.io/id',
]);

export const ORIGIN_ANNOTATION = 'config.kubernetes.io/origin';
export const TRANSFORMATIONS_ANNOTATION = 'alpha.config.kubernetes.io/transformations';

export function rememberRawAnnotations(resource: Resource, doc: ParsedDocument, inDoc: (string | number)[], text: () => string): void {
  const annotations = (resource.obj.metadata as JsonObject | undefined)?.annotations;
  if (!isObject(annotations)) return;
  let raw: Record<string, string> | undefined;
  for (const [key, value] of Object.entries(annotations)) {
    if (typeof value === 'string' || isObject(value) || Array.isArray(value)) continue;
    const at = doc.locate([...inDoc, 'metadata', 'annotations', key]);
    const written = at ? valueTextAfterKey(text(), at.line, at.column, key) : undefined;
    if (written !== undefined && writtenAs(written, value)) (raw ??= {})[key] = written;
  }
  if (raw) resource.meta[RAW_ANNOTATIONS] = raw;
}

/** Strips build annotations (and origin/transformation ones unless kept) and stringifies the rest. */
export function finishAnnotations(resource: Resource, keep: { origin: boolean; transformations: boolean }): void {
  const metadata = resource.obj.metadata;
  if (!isObject(metadata) || !('annotations' in metadata)) return;
  const annotations = metadata.annotations;
  if (!isObject(annotations) || Object.keys(annotations).length === 0) {
    delete metadata.annotations;
    return;
  }
  const raw = resource.meta[RAW_ANNOTATIONS] as Record<string, string> | undefined;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(annotations)) {
    if (BUILD_ANNOTATIONS.has(key)) continue;
    if (key === ORIGIN_ANNOTATION && !keep.origin) continue;
    if (key === TRANSFORMATIONS_ANNOTATION && !keep.transformations) continue;
    out[key] = typeof value === 'string' ? value : (raw?.[key] ?? canonicalText(value));
  }
  if (Object.keys(out).length === 0) delete metadata.annotations;
  else metadata.annotations = out;
}

function canonicalText(value: JsonValue): string {
  if (value === null || typeof value === 'object') return '';
  return String(value);
}

/**
 * The plain scalar written after the map key that starts at line:column
 * (1-based): up to a comment, a flow indicator or the line end.
 */
function valueTextAfterKey(text: string, line: number, column: number, key: string): string | undefined {
  let start = 0;
  for (let l = 1; l < line; l++) {
    start = text.indexOf('\n', start) + 1;
    if (start === 0) return undefined;
  }
  const end = text.indexOf('\n', start);
  let rest = text.slice(start + column - 1, end < 0 ? undefined : end);
  const quote = rest[0];
  if (quote === '"' || quote === "'") {
    const close = rest.indexOf(quote, 1);
    if (close < 0) return undefined;
    rest = rest.slice(close + 1);
  } else if (rest.startsWith(key)) rest = rest.slice(key.length);
  else return undefined;
  const colon = /^\s*:(\s|$)/.exec(rest);
  if (!colon) return undefined;
  return /^[^,\]}#\r]*/.exec(rest.slice(colon[0].length))![0].trim();
}

/** Whether `written` is a plain YAML spelling of `value` (guards against positions that are not the value). */
function writtenAs(written: string, value: JsonValue): boolean {
  if (value === null) return /^(|~|null|Null|NULL)$/.test(written);
  if (typeof value === 'boolean') return new RegExp(`^(${value}|${value ? 'True|TRUE' : 'False|FALSE'})$`).test(written);
  return /^[-+]?(0x[0-9a-fA-F_]+|0o[0-7_]+|[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?|\.[0-9]+([eE][-+]?[0-9]+)?|\.(inf|Inf|INF|nan|NaN|NAN))$/.test(written);
}
