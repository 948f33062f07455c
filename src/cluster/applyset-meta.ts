/**
 * ApplySet bookkeeping as kubectl implements KEP-3659 (k8s.io/kubectl
 * pkg/cmd/apply/applyset.go): the parent's id label, the tooling, group-kinds
 * and namespaces annotations, and the part-of label on every member. Keeping
 * kubectl's exact formats lets `kubectl apply --prune --applyset` and
 * Harbormaster read each other's sets (and refuse each other's).
 */
import { createHash } from 'node:crypto';
import { ClusterError, groupOf, type KubeObject, type ObjectRef } from './types.js';

export const APPLYSET_ID_LABEL = 'applyset.kubernetes.io/id';
export const APPLYSET_PART_OF_LABEL = 'applyset.kubernetes.io/part-of';
export const APPLYSET_TOOLING_ANNOTATION = 'applyset.kubernetes.io/tooling';
export const APPLYSET_GROUP_KINDS_ANNOTATION = 'applyset.kubernetes.io/contains-group-kinds';
export const APPLYSET_NAMESPACES_ANNOTATION = 'applyset.kubernetes.io/additional-namespaces';
export const TOOL_NAME = 'harbormaster';

/** The parent object: a Secret, kubectl's default parent kind. */
export interface ApplySetParent {
  name: string;
  namespace: string;
}

export function parentRef(parent: ApplySetParent): ObjectRef {
  return { apiVersion: 'v1', kind: 'Secret', name: parent.name, namespace: parent.namespace };
}

/**
 * `applyset-<base64url(sha256(<name>.<namespace>.<kind>.<group>))>-v1`, unpadded
 * URL-safe base64 (Go's RawURLEncoding); for a Secret the group is empty, so the
 * hashed text ends in `.Secret.`.
 */
export function applySetId(parent: ApplySetParent, kind = 'Secret', group = ''): string {
  const digest = createHash('sha256').update([parent.name, parent.namespace, kind, group].join('.')).digest('base64url');
  return `applyset-${digest}-v1`;
}

/** `Deployment.apps`, or just `ConfigMap` for the core group (schema.GroupKind.String()). */
export function groupKindOf(object: Pick<KubeObject, 'apiVersion' | 'kind'>): string {
  const group = groupOf(object.apiVersion);
  return group ? `${object.kind}.${group}` : object.kind;
}

export function parseGroupKind(text: string): { group: string; kind: string } {
  const dot = text.indexOf('.');
  return dot < 0 ? { group: '', kind: text } : { group: text.slice(dot + 1), kind: text.slice(0, dot) };
}

/** The set as its parent records it: the group-kinds and namespaces to look in when pruning. */
export interface ApplySetScope {
  groupKinds: Set<string>;
  /** The parent's namespace plus the additional ones. */
  namespaces: Set<string>;
}

function toolingBaseName(value: string): string {
  const parts = value.split('/');
  return parts.length >= 2 ? parts.slice(0, -1).join('/') : value;
}

/**
 * The scope the live parent records, after checking it is ours: tooling
 * `harbormaster/…` and the id label that matches its name (a parent copied
 * from another set must not let us prune that set's objects).
 */
export function readParent(live: KubeObject | undefined, parent: ApplySetParent, cluster: string): ApplySetScope {
  const scope: ApplySetScope = { groupKinds: new Set(), namespaces: new Set([parent.namespace]) };
  if (!live) return scope;
  const ref = parentRef(parent);
  const annotations = live.metadata.annotations ?? {};
  const tooling = annotations[APPLYSET_TOOLING_ANNOTATION];
  const where = `ApplySet parent Secret ${parent.namespace}/${parent.name}`;
  if (tooling === undefined) throw refusal(cluster, ref, `${where} exists without the ${APPLYSET_TOOLING_ANNOTATION} annotation`);
  if (toolingBaseName(tooling) !== TOOL_NAME) throw refusal(cluster, ref, `${where} is managed by "${toolingBaseName(tooling)}", not ${TOOL_NAME}`);
  const id = live.metadata.labels?.[APPLYSET_ID_LABEL];
  if (id !== applySetId(parent)) throw refusal(cluster, ref, `${where} has ${APPLYSET_ID_LABEL}=${id ?? '(none)'}, expected ${applySetId(parent)}`);
  for (const gk of splitList(annotations[APPLYSET_GROUP_KINDS_ANNOTATION])) scope.groupKinds.add(gk);
  for (const ns of splitList(annotations[APPLYSET_NAMESPACES_ANNOTATION])) scope.namespaces.add(ns);
  return scope;
}

function refusal(cluster: string, ref: ObjectRef, message: string): ClusterError {
  return new ClusterError('CLUSTER_APPLYSET', `${cluster}: ${message}; refusing to change it`, cluster, {
    ref,
    hint: 'choose another applyset name, or remove the parent if the set is really abandoned',
  });
}

function splitList(value: string | undefined): string[] {
  return value ? value.split(',').filter(Boolean) : [];
}

/** The parent as applied (server-side, kubectl's shape): id label and the three annotations, lists sorted. */
export function parentObject(parent: ApplySetParent, scope: ApplySetScope, toolVersion: string): KubeObject {
  const additional = [...scope.namespaces].filter((ns) => ns !== parent.namespace).sort();
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: parent.name,
      namespace: parent.namespace,
      labels: { [APPLYSET_ID_LABEL]: applySetId(parent) },
      annotations: {
        [APPLYSET_TOOLING_ANNOTATION]: `${TOOL_NAME}/${toolVersion}`,
        [APPLYSET_GROUP_KINDS_ANNOTATION]: [...scope.groupKinds].sort().join(','),
        [APPLYSET_NAMESPACES_ANNOTATION]: additional.join(','),
      },
    },
  };
}

/** True when the live parent already says what `wanted` says (no write needed). */
export function parentUpToDate(live: KubeObject | undefined, wanted: KubeObject): boolean {
  if (!live) return false;
  const a = live.metadata.annotations ?? {};
  const w = wanted.metadata.annotations ?? {};
  return Object.keys(w).every((k) => (a[k] ?? '') === w[k]) && live.metadata.labels?.[APPLYSET_ID_LABEL] === wanted.metadata.labels?.[APPLYSET_ID_LABEL];
}

/**
 * A copy of `object` labelled as a member of set `id`. An object that already
 * names another set is refused: an object belongs to one set only.
 */
export function withMemberLabel(object: KubeObject, id: string): KubeObject | { conflictingSet: string } {
  const current = object.metadata.labels?.[APPLYSET_PART_OF_LABEL];
  if (current !== undefined && current !== id) return { conflictingSet: current };
  return { ...object, metadata: { ...object.metadata, labels: { ...object.metadata.labels, [APPLYSET_PART_OF_LABEL]: id } } };
}
