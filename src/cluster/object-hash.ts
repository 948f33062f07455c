/**
 * Hashes of desired objects, to skip writing what was applied before, and the
 * comparison that tells whether a server-side dry run would change anything.
 */
import { createHash } from 'node:crypto';
import type { KubeObject } from './types.js';

/** JSON with keys sorted at every depth, so equal objects serialise alike whatever order they were built in. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const entries = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`);
  return `{${entries.join(',')}}`;
}

/** sha256 (hex) of the object's canonical JSON: the same value the rollout journal records per applied object. */
export function hashObject(object: KubeObject): string {
  return createHash('sha256').update(canonicalJson(object)).digest('hex');
}

/** Fields the server rewrites on every write, whatever changed. */
function withoutVolatile(object: KubeObject): unknown {
  const { resourceVersion: _rv, managedFields, generation: _gen, ...metadata } = object.metadata ?? { name: '' };
  return { ...object, metadata: { ...metadata, managedFields: managedFields?.map(({ time: _time, ...entry }) => entry) } };
}

/** True when two versions of a live object differ only in bookkeeping (resourceVersion, generation, managedFields times). */
export function sameLiveObject(a: KubeObject, b: KubeObject): boolean {
  return canonicalJson(withoutVolatile(a)) === canonicalJson(withoutVolatile(b));
}
