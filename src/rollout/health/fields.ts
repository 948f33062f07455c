/**
 * Tolerant readers over live objects. Health rules see whatever the API server
 * returned (fields missing while a controller has not written status yet,
 * numbers absent when zero), so every reader says what "absent" means.
 */
import type { KubeObject } from '../../cluster/types.js';

export type Fields = Record<string, unknown>;

export interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastUpdateTime?: string;
}

export function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `object.spec`, or an empty record. */
export function specOf(object: KubeObject): Fields {
  return isRecord(object.spec) ? object.spec : {};
}

/** `object.status`, or an empty record. */
export function statusOf(object: KubeObject): Fields {
  return isRecord(object.status) ? object.status : {};
}

/** A nested record (`path` of keys), or an empty record. */
export function recordAt(from: unknown, ...path: string[]): Fields {
  let value: unknown = from;
  for (const key of path) value = isRecord(value) ? value[key] : undefined;
  return isRecord(value) ? value : {};
}

/** A count; the API server omits zero counts, so absent means 0. */
export function count(record: Fields, key: string): number {
  const value = record[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** A number that may be legitimately absent (observedGeneration, partition). */
export function optionalNumber(record: Fields, key: string): number | undefined {
  const value = record[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function str(record: Fields, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' ? value : undefined;
}

/** `spec.replicas`, which the API server defaults to 1. */
export function desiredReplicas(object: KubeObject): number {
  return optionalNumber(specOf(object), 'replicas') ?? 1;
}

export function conditionsOf(object: KubeObject): Condition[] {
  const list = statusOf(object).conditions;
  if (!Array.isArray(list)) return [];
  return list.filter((c): c is Condition => isRecord(c) && typeof c.type === 'string' && typeof c.status === 'string');
}

export function conditionOf(object: KubeObject, type: string): Condition | undefined {
  return conditionsOf(object).find((c) => c.type === type);
}

export function isTrue(object: KubeObject, type: string): boolean {
  return conditionOf(object, type)?.status === 'True';
}

export function labelsOf(object: KubeObject): Record<string, string> {
  return object.metadata.labels ?? {};
}

export function annotation(object: KubeObject, key: string): string | undefined {
  return object.metadata.annotations?.[key];
}

/** The owner named as controller (`controller: true`), if any. */
export function controllerUid(object: KubeObject): string | undefined {
  return object.metadata.ownerReferences?.find((ref) => ref.controller)?.uid;
}

/** Whether `child` is controlled by `owner`: by uid when both have one, else by kind and name. */
export function isControlledBy(child: KubeObject, owner: KubeObject): boolean {
  const ref = child.metadata.ownerReferences?.find((r) => r.controller);
  if (!ref) return false;
  if (ref.uid && owner.metadata.uid) return ref.uid === owner.metadata.uid;
  return ref.kind === owner.kind && ref.name === owner.metadata.name;
}

/** `kind/name` of an object, for messages. */
export function nameOf(object: KubeObject): string {
  return `${object.kind.toLowerCase()}/${object.metadata.name}`;
}

/** Structural equality of JSON values (shared subtrees compare in O(1)). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => jsonEqual(item, b[i]));
  }
  const keysA = Object.keys(a).filter((k) => (a as Fields)[k] !== undefined);
  const keysB = Object.keys(b).filter((k) => (b as Fields)[k] !== undefined);
  return keysA.length === keysB.length && keysA.every((k) => jsonEqual((a as Fields)[k], (b as Fields)[k]));
}
