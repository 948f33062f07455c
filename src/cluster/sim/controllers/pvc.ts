/**
 * PersistentVolumeClaims bind after pvcBindMs to a volume named
 * `pvc-<uid>` with the requested capacity (no PersistentVolume object and no
 * StorageClass needed; WaitForFirstConsumer is not simulated).
 */
import { isObject } from '../object-utils.js';
import type { StoreKey } from '../store.js';
import { specOf, statusOf, type ControllerContext } from './context.js';

export function reconcileClaim(ctx: ControllerContext, key: StoreKey): void {
  const claim = ctx.store.get(key);
  if (!claim || claim.metadata.deletionTimestamp) return;
  const phase = statusOf(claim).phase;
  if (phase === 'Bound' || phase === 'Lost') return;
  if (phase !== 'Pending') ctx.writeStatus(claim, { phase: 'Pending' });
  const task = `bind:${claim.metadata.uid}`;
  if (!ctx.timeline.has(task)) ctx.timeline.after(task, ctx.options.pvcBindMs, () => bind(ctx, key));
}

function bind(ctx: ControllerContext, key: StoreKey): void {
  const claim = ctx.store.get(key);
  if (!claim || statusOf(claim).phase === 'Bound') return;
  const spec = specOf(claim);
  const resources = isObject(spec.resources) && isObject(spec.resources.requests) ? spec.resources.requests : {};
  const annotations = {
    ...claim.metadata.annotations,
    'pv.kubernetes.io/bind-completed': 'yes',
    'pv.kubernetes.io/bound-by-controller': 'yes',
  };
  ctx.store.update(
    {
      ...claim,
      metadata: { ...claim.metadata, annotations },
      spec: { ...spec, volumeName: `pvc-${claim.metadata.uid}` },
      status: { phase: 'Bound', accessModes: spec.accessModes ?? ['ReadWriteOnce'], capacity: { storage: resources.storage ?? '1Gi' } },
    },
    { wholeObject: true, manager: 'kube-controller-manager' },
  );
}
