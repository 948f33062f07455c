import { fail, type SourceLocation } from '../core/diagnostic.js';
import { isObject, type JsonObject } from '../core/json.js';
import type { ResourceId } from '../core/resource-id.js';
import type { Resource } from '../core/resource.js';
import { RenderCode } from './errors.js';
import type { Selector } from './kustomization.js';
import { matchesLabelSelector, parseLabelSelector, SelectorSyntaxError, type Requirement } from './label-selector.js';
import type { ResMap } from './resmap.js';
import { isClusterScoped } from './schema.js';

/**
 * Resources a patch or replacement target selects, in ResMap order.
 *
 * As kustomize 5.5 does (resWrangler.Select + types.SelectorRegex):
 * - group, version, kind, name and namespace are regexes anchored as `^(?:…)$`;
 *   an empty field matches anything;
 * - name and namespace match the resource's original id or its current id
 *   (not intermediate ids), namespaces compared in their effective form
 *   (`default` when unset; cluster-scoped types have none);
 * - label and annotation selectors use Kubernetes label-selector syntax.
 *
 * Throws KUST_SELECTOR_INVALID for a bad regex or selector expression.
 */
export function selectResources(resources: ResMap, selector: Selector, where: Partial<SourceLocation> = {}): Resource[] {
  const matcher = compileSelector(selector, where);
  return resources.all().filter(matcher);
}

/** A compiled selector, reusable across many resources. */
export function compileSelector(selector: Selector, where: Partial<SourceLocation> = {}): (resource: Resource) => boolean {
  const group = anchored('group', selector.group, where);
  const version = anchored('version', selector.version, where);
  const kind = anchored('kind', selector.kind, where);
  const name = anchored('name', selector.name, where);
  const namespace = anchored('namespace', selector.namespace, where);
  const labels = requirements('labelSelector', selector.labelSelector, where);
  const annotations = requirements('annotationSelector', selector.annotationSelector, where);

  const matchesMap = (reqs: Requirement[] | undefined, obj: JsonObject, field: 'labels' | 'annotations'): boolean =>
    !reqs || matchesLabelSelector(reqs, metadataMap(obj, field));

  // Every condition must hold; the cheap ones go first, and the original id is only built when a name or namespace is asked for.
  return (resource) => {
    const current = resource.id;
    if (!matches(kind, current.kind) || !matches(group, current.group) || !matches(version, current.version)) return false;
    if ((name || namespace) && !matchesNameAndNamespace(name, namespace, resource.originalId, current)) return false;
    return matchesMap(labels, resource.obj, 'labels') && matchesMap(annotations, resource.obj, 'annotations');
  };
}

function matches(pattern: RegExp | undefined, text: string): boolean {
  return !pattern || pattern.test(text);
}

/** Name and namespace may match the original id or the current one. */
function matchesNameAndNamespace(name: RegExp | undefined, namespace: RegExp | undefined, original: ResourceId, current: ResourceId): boolean {
  if (name && !name.test(original.name) && !name.test(current.name)) return false;
  return !namespace || namespace.test(effectiveNamespace(original)) || namespace.test(effectiveNamespace(current));
}

/** kustomize's name for the namespace of cluster-scoped objects in id comparisons. */
export const NOT_A_NAMESPACE = '_non_namespaceable_';

/** The namespace kustomize compares ids by: `default` when unset, none for cluster-scoped types. */
export function effectiveNamespace(id: ResourceId): string {
  if (isClusterScoped(id)) return NOT_A_NAMESPACE;
  return id.namespace === '' ? 'default' : id.namespace;
}

/** kustomize's ResId.Equals: same GVK and name, same effective namespace. */
export function idsEqual(a: ResourceId, b: ResourceId): boolean {
  return a.group === b.group && a.version === b.version && a.kind === b.kind && a.name === b.name &&
    effectiveNamespace(a) === effectiveNamespace(b);
}

function anchored(field: string, pattern: string | undefined, where: Partial<SourceLocation>): RegExp | undefined {
  if (pattern === undefined || pattern === '') return undefined;
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch (error) {
    return fail(RenderCode.SelectorInvalid, `invalid ${field} regex ${JSON.stringify(pattern)}: ${(error as Error).message}`, where);
  }
}

function requirements(field: string, expression: string | undefined, where: Partial<SourceLocation>): Requirement[] | undefined {
  if (expression === undefined || expression === '') return undefined;
  try {
    return parseLabelSelector(expression);
  } catch (error) {
    if (error instanceof SelectorSyntaxError) {
      return fail(RenderCode.SelectorInvalid, `invalid ${field} ${JSON.stringify(expression)}: ${error.message}`, where);
    }
    throw error;
  }
}

/** Labels or annotations as strings (scalars by their text), as kyaml reads them. */
function metadataMap(obj: JsonObject, field: 'labels' | 'annotations'): Record<string, string> {
  const metadata = obj.metadata;
  if (!isObject(metadata)) return {};
  const map = metadata[field];
  if (!isObject(map)) return {};
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(map)) {
    out[key] = value === null ? '' : typeof value === 'object' ? '' : String(value);
  }
  return out;
}
