/**
 * Small readers for rendered objects: rules see plain JSON where any field
 * may be missing, null or of the wrong type, and must not throw on any of it.
 */
import { isArray, isObject, type JsonObject, type JsonValue } from '../../core/json.js';
import type { Resource } from '../../core/resource.js';

export { items, objectAt, objectOr, text } from '../pss/pod.js';

/** The string at `value`, or undefined. */
export function str(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The integer at `value` (numbers and bigints), or undefined. */
export function num(value: JsonValue | undefined): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  return undefined;
}

/** The value at `path` under `obj`, or undefined as soon as a step is missing. */
export function dig(obj: JsonValue | undefined, ...path: (string | number)[]): JsonValue | undefined {
  let node: JsonValue | undefined = obj;
  for (const key of path) {
    if (typeof key === 'number') node = isArray(node) ? node[key] : undefined;
    else node = isObject(node) ? node[key] : undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

/** A label/annotation map as strings (non-string values are ignored, as the apiserver would reject them). */
export function stringMap(value: JsonValue | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObject(value)) return out;
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (typeof v === 'string') out[key] = v;
  }
  return out;
}

/** The strings in a list, with their indexes (non-strings skipped). */
export function stringsWithIndex(value: JsonValue | undefined): [string, number][] {
  if (!isArray(value)) return [];
  const out: [string, number][] = [];
  value.forEach((v, i) => {
    if (typeof v === 'string') out.push([v, i]);
  });
  return out;
}

/** The API group of an object, read straight from its apiVersion (no id allocation: rules ask often). */
export function groupOf(obj: JsonObject): string {
  const apiVersion = obj.apiVersion;
  if (typeof apiVersion !== 'string') return '';
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** `group/Kind` of a resource: `apps/Deployment`, `/Service`. */
export function groupKind(resource: Resource): string {
  return `${groupOf(resource.obj)}/${resource.kind}`;
}

/** kubectl puts objects without a namespace into the context's namespace, `default` unless changed. */
export function namespaceOf(resource: Resource): string {
  return resource.namespace || 'default';
}

/** Cheap test, kind first: most rules reject most objects here. */
export function isKind(resource: Resource, group: string, kind: string): boolean {
  return resource.obj.kind === kind && groupOf(resource.obj) === group;
}

export function metadataOf(obj: JsonObject): JsonObject {
  const m = obj.metadata;
  return isObject(m) ? m : {};
}

/** Kubernetes IntOrString: digits-only strings count as numbers, as the apiserver parses probe ports. */
export function intOrString(value: JsonValue | undefined): number | string | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string') return /^[0-9]+$/.test(value) ? Number(value) : value;
  return undefined;
}
