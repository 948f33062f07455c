/**
 * Which pods belong to the revision being rolled out. Judging a rollout on all
 * pods of a workload mixes the old revision in (Argo CD's #29410: steps judged
 * on the previous revision's status); these helpers keep only the new one, from
 * objects a LIST returns, so the executor and the rules agree.
 */
import type { KubeObject } from '../../cluster/types.js';
import { isControlledBy, jsonEqual, labelsOf, optionalNumber, recordAt, specOf, statusOf, str } from './fields.js';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const POD_TEMPLATE_HASH = 'pod-template-hash';
export const CONTROLLER_REVISION_HASH = 'controller-revision-hash';
export const POD_TEMPLATE_GENERATION = 'pod-template-generation';

/**
 * The Deployment's new ReplicaSet: the owned one whose pod template equals the
 * Deployment's, ignoring the pod-template-hash label (the deployment
 * controller's own test). Not the revision annotation: while a Deployment is
 * paused, or before the controller reacts, that still names the old one.
 */
export function newReplicaSetOf(deployment: KubeObject, replicaSets: readonly KubeObject[]): KubeObject | undefined {
  const template = specOf(deployment).template;
  return replicaSets.find((rs) => rs.kind === 'ReplicaSet' && isControlledBy(rs, deployment) && jsonEqual(withoutHashLabel(specOf(rs).template), template));
}

/**
 * Pods of the workload's new revision, picked from a LIST of pods.
 * `revisions` holds the ReplicaSets of a Deployment, or the ControllerRevisions
 * of a DaemonSet (DaemonSet status does not name its update revision).
 */
export function podsOfNewRevision(workload: KubeObject, revisions: readonly KubeObject[], pods: readonly KubeObject[]): KubeObject[] {
  switch (workload.kind) {
    case 'Deployment': {
      const rs = newReplicaSetOf(workload, revisions);
      return rs ? podsOfReplicaSet(rs, pods) : [];
    }
    case 'ReplicaSet':
      return podsOfReplicaSet(workload, pods);
    case 'StatefulSet': {
      const updateRevision = str(statusOf(workload), 'updateRevision');
      if (!updateRevision) return [];
      return pods.filter((pod) => isControlledBy(pod, workload) && labelsOf(pod)[CONTROLLER_REVISION_HASH] === updateRevision);
    }
    case 'DaemonSet':
      return daemonSetPods(workload, revisions, pods);
    case 'Job':
      return pods.filter((pod) => isControlledBy(pod, workload));
    default:
      return [];
  }
}

function podsOfReplicaSet(rs: KubeObject, pods: readonly KubeObject[]): KubeObject[] {
  const hash = labelsOf(rs)[POD_TEMPLATE_HASH];
  return pods.filter((pod) => {
    if (pod.metadata.ownerReferences?.some((r) => r.controller)) return isControlledBy(pod, rs);
    return hash !== undefined && labelsOf(pod)[POD_TEMPLATE_HASH] === hash && pod.metadata.namespace === rs.metadata.namespace;
  });
}

/** By the newest ControllerRevision's hash; without revisions, by the pod-template-generation label the controller also sets. */
function daemonSetPods(ds: KubeObject, revisions: readonly KubeObject[], pods: readonly KubeObject[]): KubeObject[] {
  const owned = pods.filter((pod) => isControlledBy(pod, ds));
  const newest = revisions
    .filter((r) => r.kind === 'ControllerRevision' && isControlledBy(r, ds))
    .sort((a, b) => (optionalNumber(b, 'revision') ?? 0) - (optionalNumber(a, 'revision') ?? 0))[0];
  if (newest) {
    const hash = labelsOf(newest)[CONTROLLER_REVISION_HASH] ?? newest.metadata.name.slice(ds.metadata.name.length + 1);
    return owned.filter((pod) => labelsOf(pod)[CONTROLLER_REVISION_HASH] === hash);
  }
  const generation = String(ds.metadata.generation ?? '');
  return owned.filter((pod) => labelsOf(pod)[POD_TEMPLATE_GENERATION] === generation);
}

function withoutHashLabel(template: unknown): unknown {
  const metadata = recordAt(template, 'metadata');
  const labels = recordAt(metadata, 'labels');
  if (!(POD_TEMPLATE_HASH in labels)) return template;
  const { [POD_TEMPLATE_HASH]: _hash, ...rest } = labels;
  return { ...(template as object), metadata: { ...metadata, labels: rest } };
}

/**
 * The pods a rule should judge: HealthInput.pods is meant to hold the new
 * revision already, but filtering again is cheap and keeps a caller that
 * passed every pod from failing a rollout on an old pod. Pods without owner
 * references (hand-made input) are taken as given.
 */
export function judgedPods(workload: KubeObject, revisions: readonly KubeObject[] | undefined, pods: readonly KubeObject[]): KubeObject[] {
  const owned = pods.some((pod) => pod.metadata.ownerReferences?.some((r) => r.controller));
  if (!owned) return [...pods];
  if (workload.kind === 'Deployment' && !revisions) return [...pods];
  return podsOfNewRevision(workload, revisions ?? [], pods);
}
