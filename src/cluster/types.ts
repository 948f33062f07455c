/**
 * The narrow contract between Harbormaster and a Kubernetes API server. One
 * implementation (kube-client.ts, on @kubernetes/client-node) drives both real
 * clusters and the simulated fleet, so the code path under test is the one
 * that runs in production.
 */

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
}

export interface ObjectMeta {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  ownerReferences?: OwnerReference[];
  managedFields?: ManagedFieldsEntry[];
}

export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion?: string;
  time?: string;
  fieldsType?: 'FieldsV1';
  fieldsV1?: Record<string, unknown>;
}

/** Any Kubernetes object as JSON. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

/** Identifies one object; `namespace` is absent for cluster-scoped kinds. */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

/** What discovery says about one kind. */
export interface ResourceInfo {
  group: string;
  version: string;
  kind: string;
  /** Plural resource name, e.g. `deployments`. */
  resource: string;
  namespaced: boolean;
  verbs: string[];
}

export interface Discovery {
  /** The kind served at apiVersion, or undefined when the server does not know it (e.g. CRD not yet established). */
  lookup(apiVersion: string, kind: string): ResourceInfo | undefined;
  all(): ResourceInfo[];
}

export interface ApplyOptions {
  /** Defaults to `harbormaster`. */
  fieldManager?: string;
  /** Take over fields owned by other managers (`--force-conflicts`). */
  force?: boolean;
  dryRun?: boolean;
  /**
   * The object as the caller last listed it (null: it was not there). Given,
   * it stands in for the read that tells created from configured from unchanged.
   */
  live?: KubeObject | null;
}

export interface ApplyResult {
  object: KubeObject;
  created: boolean;
  /** False when the server kept the resourceVersion (nothing changed). */
  changed: boolean;
}

export interface ListOptions {
  apiVersion: string;
  kind: string;
  /** Absent: all namespaces (or cluster-scoped). */
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

export interface ListResult {
  items: KubeObject[];
  resourceVersion: string;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK';

export interface WatchEvent {
  type: WatchEventType;
  object: KubeObject;
}

export interface WatchOptions extends ListOptions {
  /** Start after this resourceVersion (from a list); absent: from now, with synthetic ADDED events for existing objects. */
  resourceVersion?: string;
}

export interface WatchHandle {
  stop(): void;
  /** Settles when the watch ends: resolves on stop() or a clean server close, rejects on error. */
  readonly done: Promise<void>;
}

/** Requests made so far, by HTTP verb, for benchmarks (write requests per applied object). */
export interface RequestStats {
  get: number;
  list: number;
  watch: number;
  patch: number;
  post: number;
  put: number;
  delete: number;
  retries: number;
}

export type DeletePropagation = 'Foreground' | 'Background' | 'Orphan';

export interface ClusterClient {
  /** Cluster name in the estate. */
  readonly cluster: string;
  discover(options?: { refresh?: boolean }): Promise<Discovery>;
  get(ref: ObjectRef): Promise<KubeObject | undefined>;
  list(options: ListOptions): Promise<ListResult>;
  /** Server-side apply (PATCH application/apply-patch+yaml). */
  apply(object: KubeObject, options?: ApplyOptions): Promise<ApplyResult>;
  /** True when the object existed. */
  delete(ref: ObjectRef, options?: { propagation?: DeletePropagation }): Promise<boolean>;
  watch(options: WatchOptions, onEvent: (event: WatchEvent) => void): Promise<WatchHandle>;
  stats(): RequestStats;
  close(): void;
}

export type ClusterErrorCode =
  | 'CLUSTER_UNREACHABLE'
  | 'CLUSTER_CONFLICT'
  | 'CLUSTER_UNKNOWN_KIND'
  | 'CLUSTER_FORBIDDEN'
  | 'CLUSTER_INVALID'
  | 'CLUSTER_NOT_FOUND'
  | 'CLUSTER_SERVER_ERROR'
  | 'CLUSTER_TIMEOUT'
  | 'CLUSTER_CONTEXT'
  /** 410 Gone: a watch's resourceVersion is too old; list again and watch from the list's version. */
  | 'CLUSTER_EXPIRED'
  /** An ApplySet parent that belongs to another tool, or whose id label does not match its name (impersonation). */
  | 'CLUSTER_APPLYSET';

/** A field another manager owns, named in a 409 apply conflict. */
export interface FieldConflict {
  manager: string;
  field: string;
}

export interface ClusterErrorDetails {
  ref?: ObjectRef;
  status?: number;
  conflicts?: FieldConflict[];
  retryable?: boolean;
  /** The server's Retry-After (429, 503), in milliseconds. */
  retryAfterMs?: number;
  /** What the user can do about it, e.g. the contexts a kubeconfig offers. */
  hint?: string;
}

/** Every failure of a ClusterClient call: a stable code, the cluster, the object, and the server's words. */
export class ClusterError extends Error {
  constructor(
    readonly code: ClusterErrorCode,
    message: string,
    readonly cluster: string,
    readonly details: ClusterErrorDetails = {},
  ) {
    super(message);
    this.name = 'ClusterError';
  }
}

/** `apps/v1` → `apps`, `v1` → `` (core). */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** A stable key for an object: `group/Kind/namespace/name` (empty parts kept). */
export function objectKey(ref: ObjectRef | KubeObject): string {
  const r = 'metadata' in ref ? { apiVersion: ref.apiVersion, kind: ref.kind, name: ref.metadata.name, namespace: ref.metadata.namespace } : ref;
  return `${groupOf(r.apiVersion)}/${r.kind}/${r.namespace ?? ''}/${r.name}`;
}
