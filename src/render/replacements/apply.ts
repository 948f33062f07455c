import { fail } from '../../core/diagnostic.js';
import { cloneJson, jsonEqual, type JsonValue } from '../../core/json.js';
import { idString, shortId } from '../../core/resource-id.js';
import type { Resource } from '../../core/resource.js';
import {
  FieldPathError,
  formatPath,
  kindOf,
  lookupField,
  matchFields,
  setValueAt,
  splitFieldPath,
  valueAt,
  type FieldLocation,
  type NodeKind,
} from '../fieldpath.js';
import { RenderCode } from '../errors.js';
import type { ResMap } from '../resmap.js';
import { ScalarDecodeError, decodeWithTag, isScalar, resolvePlainScalar, tagOf, textOf, type ScalarTag } from './scalar.js';
import { sourceCandidates, targetResources } from './select.js';
import { DEFAULT_FIELD_PATH, type FieldOptions, type IdSelector, type Replacement, type ReplacementTarget } from './types.js';

/** The value a replacement copies: a scalar's text and tag, or a whole map or list. */
type SourceValue = { scalar: true; text: string; tag: ScalarTag } | { scalar: false; value: JsonValue };

/** What happened to one resource, for provenance. */
export interface TargetChange {
  resource: Resource;
  paths: string[];
}

/** Applies one replacement to the ResMap in place; returns the resources it changed. */
export function applyReplacement(resources: ResMap, r: Replacement): TargetChange[] {
  const value = sourceValue(resources, r);
  const changes = new Map<Resource, string[]>();
  r.targets.forEach((target, t) => {
    for (const resource of targetResources(resources, target)) {
      const paths = copyToTarget(resource, value, target, r, t);
      if (paths.length > 0) changes.set(resource, [...(changes.get(resource) ?? []), ...paths]);
    }
  });
  return [...changes].map(([resource, paths]) => ({ resource, paths }));
}

function sourceValue(resources: ResMap, r: Replacement): SourceValue {
  const where = locationOf(r, 'source');
  const matches = sourceCandidates(resources, r.source);
  if (matches.length !== 1) {
    const what = matches.length === 0 ? 'nothing selected by' : 'multiple matches for selector';
    fail(RenderCode.ReplacementSource, `${what} ${selectorString(r.source)}`, where,
      matches.length > 1 ? `matches: ${matches.map((m) => shortId(m.id)).join(', ')}` : undefined);
  }
  const source = matches[0] as Resource;
  const fieldPath = r.source.fieldPath || DEFAULT_FIELD_PATH;
  let found: JsonValue | undefined;
  try {
    const loc = lookupField(source.obj, splitFieldPath(fieldPath));
    found = loc ? valueAt(source.obj, loc) : undefined;
  } catch (e) {
    if (!(e instanceof FieldPathError)) throw e;
    fail(RenderCode.ReplacementSource, `error looking up replacement source: ${e.message}`, where);
  }
  if (isNilOrEmpty(found)) {
    fail(RenderCode.ReplacementSource, `fieldPath \`${fieldPath}\` is missing for replacement source ${shortId(source.id)}`, where);
  }
  return refine(found as JsonValue, r.source.options, where);
}

/** kyaml IsNilOrEmpty: absent, null, `{}` and `[]` cannot be a source. */
function isNilOrEmpty(value: JsonValue | undefined): boolean {
  if (value === undefined || value === null) return true;
  return typeof value === 'object' && (Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0);
}

/** Source options: with a delimiter, take the index-th part of the scalar's text. */
function refine(value: JsonValue, options: FieldOptions | undefined, where: Where): SourceValue {
  if (!isScalar(value)) {
    if (options?.delimiter) fail(RenderCode.ReplacementSource, 'delimiter option can only be used with scalar nodes', where);
    return { scalar: false, value };
  }
  const text = textOf(value);
  if (!options?.delimiter) return { scalar: true, text, tag: tagOf(value) };
  const parts = text.split(options.delimiter);
  const index = options.index ?? 0;
  if (index < 0 || index >= parts.length) {
    fail(RenderCode.ReplacementSource, `options.index ${index} is out of bounds for value ${text}`, where);
  }
  return { scalar: true, text: parts[index] as string, tag: tagOf(value) };
}

function copyToTarget(resource: Resource, value: SourceValue, target: ReplacementTarget, r: Replacement, t: number): string[] {
  const where = locationOf(r, 'targets', t);
  const fieldPaths = target.fieldPaths.length > 0 ? target.fieldPaths : [DEFAULT_FIELD_PATH];
  const create: NodeKind | undefined = target.options?.create ? (value.scalar ? 'scalar' : (kindOf(value.value) as NodeKind)) : undefined;
  const changed: string[] = [];
  for (const fieldPath of fieldPaths) {
    let locations: FieldLocation[] = [];
    const problem = `unable to find${create ? ' or create' : ''} field "${fieldPath}" in replacement target ${shortId(resource.id)}`;
    try {
      locations = matchFields(resource.obj, splitFieldPath(fieldPath), create);
    } catch (e) {
      if (!(e instanceof FieldPathError)) throw e;
      fail(RenderCode.ReplacementTarget, `${problem}: ${e.message}`, where);
    }
    if (locations.length === 0) fail(RenderCode.ReplacementTarget, problem, where);
    for (const loc of locations) {
      const before = valueAt(resource.obj, loc);
      const after = newTargetValue(before, loc.created, value, target.options, where);
      setValueAt(loc, after);
      if (!jsonEqual(before, after)) changed.push(formatPath(loc.path));
    }
  }
  return changed;
}

/**
 * kustomize's setFieldValue: a scalar target keeps its tag and takes only the text
 * (spliced in with a delimiter); any other target is replaced by the source node.
 */
function newTargetValue(current: JsonValue | undefined, created: boolean, value: SourceValue, options: FieldOptions | undefined, where: Where): JsonValue {
  let text = value.scalar ? value.text : '';
  const targetIsScalar = current === undefined || isScalar(current);
  if (options?.delimiter) {
    if (!targetIsScalar) fail(RenderCode.ReplacementTarget, 'delimiter option can only be used with scalar nodes', where);
    text = splice(textOf(current ?? null), text, options.delimiter, options.index ?? 0);
  }
  try {
    if (targetIsScalar) return created ? resolvePlainScalar(text) : decodeWithTag(text, tagOf(current ?? null));
    return value.scalar ? decodeWithTag(value.text, value.tag) : cloneJson(value.value);
  } catch (e) {
    if (!(e instanceof ScalarDecodeError)) throw e;
    return fail(RenderCode.ReplacementTarget, e.message, where, 'the target field keeps its type; the source value must fit it');
  }
}

/** Replaces part `index` of `current` split by `delimiter`; index < 0 prepends, past the end appends. */
export function splice(current: string, part: string, delimiter: string, index: number): string {
  const parts = current.split(delimiter);
  if (index < 0) parts.unshift(part);
  else if (index >= parts.length) parts.push(part);
  else parts[index] = part;
  return parts.join(delimiter);
}

function selectorString(sel: IdSelector & { fieldPath?: string }): string {
  const id = { group: sel.group ?? '', version: sel.version ?? '', kind: sel.kind ?? '', name: sel.name ?? '', namespace: sel.namespace ?? '' };
  const text = idString(id).replace(/\/\./, '/[noName].').replace(/^\./, '[noKind].');
  return sel.fieldPath ? `${text}:${sel.fieldPath}` : text;
}

type Where = { file: string; line?: number; column?: number; yamlPath: string };

function locationOf(r: Replacement, part: 'source' | 'targets', index?: number): Where {
  const suffix = index === undefined ? `.${part}` : `.${part}[${index}]`;
  return { file: r.declaredAt.file, line: r.declaredAt.line, ...(r.declaredAt.column ? { column: r.declaredAt.column } : {}), yamlPath: `replacements[${r.entry}]${suffix}` };
}
