import { isObject, type JsonValue } from '../core/json.js';
import type { Resource } from '../core/resource.js';

/**
 * A cluster's objects as one kubectl-compatible JSON document: a `v1 List`
 * (what `kubectl get -o json` prints and `kubectl apply -f` accepts), keys
 * sorted and indented as kubectl does.
 */
export function toJsonList(resources: readonly Resource[]): string {
  const list = { apiVersion: 'v1', items: resources.map((r) => r.obj), kind: 'List', metadata: { resourceVersion: '' } };
  return `${stringifyJson(list, '')}\n`;
}

/** JSON.stringify with sorted keys and exact big integers (JsonValue may hold bigint). */
function stringifyJson(value: JsonValue, indent: string): string {
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}    `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + stringifyJson(v, inner)).join(',\n')}\n${indent}]`;
  }
  const keys = Object.keys(value).sort();
  if (keys.length === 0) return '{}';
  const entries = keys.map((k) => `${inner}${JSON.stringify(k)}: ${stringifyJson(isObject(value) ? (value[k] as JsonValue) : null, inner)}`);
  return `{\n${entries.join(',\n')}\n${indent}}`;
}
