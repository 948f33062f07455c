/**
 * The ReplicaSet controller: keeps spec.replicas active pods from the
 * template, deletes surplus ones in the controller's order, and reports
 * replicas / readyReplicas / availableReplicas (minReadySeconds, scaled).
 */
import type { KubeObject } from '../../types.js';
import { isObject } from '../object-utils.js';
import type { StoreKey } from '../store.js';
import { num, omitZero, specOf, type ControllerContext } from './context.js';
import { podFromTemplate } from './pod-template.js';
import { countPods, deletionOrder, isActive } from './pods.js';

export function reconcileReplicaSet(ctx: ControllerContext, key: StoreKey): void {
  const rs = ctx.store.get(key);
  if (!rs || rs.metadata.deletionTimestamp) return;
  const spec = specOf(rs);
  const desired = num(spec, 'replicas', 1);
  let active = ctx.owned(rs, 'Pod').filter(isActive);
  if (active.length < desired) {
    for (let i = active.length; i < desired; i++) active.push(ctx.create(podFromTemplate(ctx, rs, spec.template, { generateName: `${rs.metadata.name}-` })));
  } else if (active.length > desired) {
    const surplus = deletionOrder(active).slice(0, active.length - desired);
    for (const pod of surplus) ctx.delete(pod);
    active = active.filter((pod) => !surplus.includes(pod));
  }
  const current = ctx.owned(rs, 'Pod').filter(isActive);
  const minReadySeconds = num(spec, 'minReadySeconds');
  const counts = countPods(ctx, current, minReadySeconds);
  const labels = isObject(spec.selector) && isObject(spec.selector.matchLabels) ? spec.selector.matchLabels : {};
  const fullyLabeled = current.filter((pod) => Object.entries(labels).every(([k, v]) => pod.metadata.labels?.[k] === v)).length;
  const status = {
    replicas: current.length,
    ...omitZero({ fullyLabeledReplicas: fullyLabeled, readyReplicas: counts.ready, availableReplicas: counts.available }),
    observedGeneration: rs.metadata.generation ?? 1,
  };
  ctx.writeStatus(rs, status);
  if (counts.nextAvailableAt !== undefined) ctx.requeueAt('rs-available', key, counts.nextAvailableAt, () => reconcileReplicaSet(ctx, key));
}

/** Scales a ReplicaSet (a spec write, as the deployment controller does). */
export function scaleReplicaSet(ctx: ControllerContext, rs: KubeObject, replicas: number, annotations: Record<string, string> = {}): KubeObject {
  const spec = specOf(rs);
  const current = rs.metadata.annotations ?? {};
  const sameAnnotations = Object.entries(annotations).every(([k, v]) => current[k] === v);
  if (num(spec, 'replicas', 1) === replicas && sameAnnotations) return rs;
  const metadata = sameAnnotations ? rs.metadata : { ...rs.metadata, annotations: { ...current, ...annotations } };
  return ctx.store.update({ ...rs, metadata, spec: { ...spec, replicas } }, { manager: 'kube-controller-manager' });
}
