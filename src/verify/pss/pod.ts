/**
 * The pod as the checks see it: its metadata and spec (plain JSON), where
 * they sit inside the enclosing object, and its containers in the order the
 * upstream visitor walks them (init, regular, ephemeral).
 *
 * Values are read with Go's decoding in mind: a missing or null field is the
 * zero value / nil pointer, so `x === true` is "set to true" and a missing
 * string is "".
 */
import { isArray, isObject, type JsonObject, type JsonValue } from '../../core/json.js';
import type { FieldPath } from '../finding.js';

export interface PodInput {
  metadata?: JsonObject;
  spec: JsonObject;
  /** Where `metadata` sits in the enclosing object; `['metadata']` for a Pod. */
  metadataPath?: FieldPath;
  /** Where `spec` sits in the enclosing object; `['spec']` for a Pod. */
  specPath?: FieldPath;
}

export interface ContainerRef {
  readonly container: JsonObject;
  readonly name: string;
  /** Path of the container object itself, e.g. `spec.initContainers[0]`. */
  readonly path: FieldPath;
}

export interface PodView {
  readonly spec: JsonObject;
  readonly metadata: JsonObject;
  readonly specPath: FieldPath;
  readonly metadataPath: FieldPath;
  readonly containers: readonly ContainerRef[];
  /** spec.securityContext, or an empty object. */
  readonly podSecurityContext: JsonObject;
}

const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;
const EMPTY: JsonObject = Object.freeze({}) as JsonObject;

export function podView(input: PodInput): PodView {
  const specPath = input.specPath ?? ['spec'];
  const containers: ContainerRef[] = [];
  for (const list of CONTAINER_LISTS) {
    items(input.spec[list]).forEach((item, index) => {
      const container = objectOr(item);
      containers.push({ container, name: text(container.name), path: [...specPath, list, index] });
    });
  }
  return {
    spec: input.spec,
    metadata: input.metadata ?? EMPTY,
    specPath,
    metadataPath: input.metadataPath ?? ['metadata'],
    containers,
    podSecurityContext: objectOr(input.spec.securityContext),
  };
}

/** The object at `value`, or an empty one when it is missing or not an object. */
export function objectOr(value: JsonValue | undefined): JsonObject {
  return isObject(value) ? value : EMPTY;
}

/** The object at `value`, or `undefined` (Go's nil pointer) when missing, null or not an object. */
export function objectAt(value: JsonValue | undefined): JsonObject | undefined {
  return isObject(value) ? value : undefined;
}

export function items(value: JsonValue | undefined): JsonValue[] {
  return isArray(value) ? value : [];
}

/** Go string semantics: missing or null is "". */
export function text(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : String(value);
}

/** A set field (not missing, not null). */
export function isSet(value: JsonValue | undefined): boolean {
  return value !== undefined && value !== null;
}

export function isZero(value: JsonValue | undefined): boolean {
  return value === 0 || value === 0n;
}

/** Integer fields: missing/null count as 0. */
export function isNonZero(value: JsonValue | undefined): boolean {
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'bigint') return value !== 0n;
  return false;
}

export function securityContextOf(ref: ContainerRef): JsonObject | undefined {
  return objectAt(ref.container.securityContext);
}

/** Only Windows pods declare `spec.os.name: windows`; several restricted checks exempt them from v1.25. */
export function isWindowsPod(pod: PodView): boolean {
  return objectOr(pod.spec.os).name === 'windows';
}

/** Pods in a user namespace (`hostUsers: false`). */
export function usesUserNamespace(pod: PodView): boolean {
  return pod.spec.hostUsers === false;
}

export function annotationsOf(pod: PodView): JsonObject {
  return objectOr(pod.metadata.annotations);
}
