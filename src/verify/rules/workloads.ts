/**
 * The pod inside a resource, seen the way hardening rules need it: its spec
 * and where it sits, its containers by list, its template labels, and for
 * replicated controllers the declared replica count. Computed once per object.
 */
import type { JsonObject } from '../../core/json.js';
import type { Resource } from '../../core/resource.js';
import type { FieldPath } from '../finding.js';
import { podView, type ContainerRef, type PodView } from '../pss/pod.js';
import { podOf } from '../pss/templates.js';
import { dig, groupKind, num, stringMap } from './values.js';

export type ContainerList = 'initContainers' | 'containers' | 'ephemeralContainers';

export interface ContainerInfo extends ContainerRef {
  readonly list: ContainerList;
}

export interface Workload {
  readonly resource: Resource;
  /** `group/Kind`, e.g. `apps/Deployment`, `/Pod`. */
  readonly groupKind: string;
  readonly pod: PodView;
  readonly spec: JsonObject;
  readonly specPath: FieldPath;
  /** Labels of the pods it creates (template labels; the Pod's own labels for a Pod). */
  readonly podLabels: Readonly<Record<string, string>>;
  readonly containers: readonly ContainerInfo[];
  /** `spec.replicas` of a replicated controller (1 when unset); undefined for other kinds. */
  readonly declaredReplicas: number | undefined;
}

/** Kinds whose pod count is `spec.replicas`. */
const REPLICATED = new Set(['apps/Deployment', 'apps/StatefulSet', 'apps/ReplicaSet', '/ReplicationController']);
/** Kinds whose pods run to completion, so liveness/readiness and restart rules differ. */
const RUN_TO_COMPLETION = new Set(['batch/Job', 'batch/CronJob']);

/** Kinds that may carry a pod; anything else is rejected before the cache lookup. */
export const POD_KINDS: readonly string[] = ['Pod', 'PodTemplate', 'ReplicationController', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob'];
const POD_KIND_SET = new Set(POD_KINDS);

const cache = new WeakMap<JsonObject, Workload | null>();

export function workloadOf(resource: Resource): Workload | undefined {
  const kind = resource.obj.kind;
  if (typeof kind !== 'string' || !POD_KIND_SET.has(kind)) return undefined;
  const cached = cache.get(resource.obj);
  if (cached !== undefined) return cached ?? undefined;
  const built = buildWorkload(resource);
  cache.set(resource.obj, built ?? null);
  return built;
}

function buildWorkload(resource: Resource): Workload | undefined {
  const input = podOf(resource.obj);
  if (!input) return undefined;
  const pod = podView(input);
  const gk = groupKind(resource);
  const containers = pod.containers.map((ref) => ({ ...ref, list: ref.path[ref.path.length - 2] as ContainerList }));
  return {
    resource,
    groupKind: gk,
    pod,
    spec: pod.spec,
    specPath: pod.specPath,
    podLabels: stringMap(pod.metadata.labels),
    containers,
    declaredReplicas: REPLICATED.has(gk) ? num(dig(resource.obj, 'spec', 'replicas')) ?? 1 : undefined,
  };
}

/** Containers that run in the pod's lifetime: init and regular (ephemeral ones are added at debug time). */
export function runningContainers(w: Workload): ContainerInfo[] {
  return w.containers.filter((c) => c.list !== 'ephemeralContainers');
}

/** The long-running containers: regular ones, and init containers declared as sidecars. */
export function serviceContainers(w: Workload): ContainerInfo[] {
  return w.containers.filter((c) => c.list === 'containers' || (c.list === 'initContainers' && c.container.restartPolicy === 'Always'));
}

export function runsToCompletion(w: Workload): boolean {
  return RUN_TO_COMPLETION.has(w.groupKind);
}

export function isReplicated(w: Workload): boolean {
  return w.declaredReplicas !== undefined;
}
