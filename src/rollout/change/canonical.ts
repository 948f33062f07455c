import { createHash } from 'node:crypto';
import { objectKey, type KubeObject } from '../../cluster/types.js';

/**
 * Hashes that must come out the same in every process: keys sorted at every
 * depth, so two renders of the same manifests hash alike whatever order their
 * fields were built in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'bigint':
      return value.toString();
    case 'object':
      break;
    default:
      return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  let first = true;
  for (const key of Object.keys(record).sort()) {
    const v = record[key];
    if (v === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(v)}`;
    first = false;
  }
  return `${out}}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The hash the journal records for an applied object (AppliedObject.hash). */
export function objectHash(object: KubeObject): string {
  return sha256Hex(canonicalJson(object));
}

export type ObjectHasher = (object: KubeObject) => string;

/** objectHash remembering each object's hash: for one pass over manifests nobody changes meanwhile (a plan). */
export function memoHasher(): ObjectHasher {
  const seen = new WeakMap<KubeObject, string>();
  return (object) => {
    let hash = seen.get(object);
    if (hash === undefined) seen.set(object, (hash = objectHash(object)));
    return hash;
  };
}

/** Objects ordered by objectKey: the canonical order of a cluster's manifests. */
export function byKey(objects: readonly KubeObject[]): KubeObject[] {
  return [...objects].sort((a, b) => compare(objectKey(a), objectKey(b)));
}

/** sha256 of one cluster's desired manifests (ClusterStepPlan.digest). */
export function clusterDigest(objects: readonly KubeObject[], hashOf: ObjectHasher = objectHash): string {
  const hash = createHash('sha256');
  for (const object of byKey(objects)) hash.update(`${objectKey(object)}\n${hashOf(object)}\n`);
  return hash.digest('hex');
}

/** sha256 over every cluster's desired manifests, clusters by name (ChangeInfo.digest). */
export function fleetDigest(desired: ReadonlyMap<string, readonly KubeObject[]>, hashOf: ObjectHasher = objectHash): string {
  const hash = createHash('sha256');
  for (const cluster of [...desired.keys()].sort(compare)) hash.update(`${cluster}\n${clusterDigest(desired.get(cluster)!, hashOf)}\n`);
  return hash.digest('hex');
}

/** Code-unit order, the same on every machine (localeCompare is not). */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
