/**
 * The deployment controller: finds or creates the ReplicaSet of the current
 * pod template (`<name>-<pod-template-hash>`, revision annotations, owner
 * reference), moves replicas with RollingUpdate or Recreate, prunes old
 * ReplicaSets beyond revisionHistoryLimit and writes the Deployment's status.
 */
import type { KubeObject } from '../../types.js';
import { deepEqual, isObject, type JsonObject } from '../object-utils.js';
import { keyOf, type StoreKey } from '../store.js';
import { CONTROLLER_MANAGER, num, ownerReference, specOf, statusOf, type ControllerContext } from './context.js';
import { initialNewReplicas, recreate, rollingUpdate, rolloutLimits } from './deployment-rollout.js';
import { deploymentStatus } from './deployment-status.js';
import { templateHash } from './hash.js';

export const REVISION = 'deployment.kubernetes.io/revision';
const HASH_LABEL = 'pod-template-hash';

export class DeploymentController {
  /** Wall-clock time of each Deployment's last progress (by uid), for the progress deadline. */
  readonly #lastProgress = new Map<string, number>();

  constructor(private readonly ctx: ControllerContext) {}

  reconcile(key: StoreKey): void {
    const ctx = this.ctx;
    let deployment = ctx.store.get(key);
    if (!deployment || deployment.metadata.deletionTimestamp) return;
    const spec = specOf(deployment);
    const all = ctx.owned(deployment, 'ReplicaSet');
    let newRs = all.find((rs) => sameTemplate(specOf(rs).template, spec.template));
    const olds = all.filter((rs) => rs !== newRs);
    const maxRevision = Math.max(0, ...all.map(revisionOf));
    let createdNow = false;
    if (!newRs && spec.paused !== true) {
      newRs = ctx.create(this.#newReplicaSet(deployment, olds, maxRevision + 1));
      createdNow = true;
    } else if (newRs && revisionOf(newRs) < maxRevision && spec.paused !== true) {
      newRs = this.#annotate(newRs, { [REVISION]: String(maxRevision + 1) }); // a rollback makes an old ReplicaSet the newest revision
    }
    if (newRs) deployment = this.#recordRevision(deployment, newRs);
    const annotations = this.#sizeAnnotations(deployment);
    if (newRs && spec.paused !== true) {
      const strategy = isObject(spec.strategy) ? spec.strategy : {};
      if (strategy.type === 'Recreate') recreate(ctx, deployment, newRs, olds, annotations);
      else rollingUpdate(ctx, deployment, newRs, olds, annotations);
    }
    this.#pruneHistory(deployment);
    const current = ctx.owned(deployment, 'ReplicaSet');
    const currentNew = newRs && current.find((rs) => rs.metadata.uid === newRs.metadata.uid);
    const { status, deadlineAt } = deploymentStatus(ctx, deployment, currentNew, current, createdNow, this.#lastProgress);
    ctx.writeStatus(deployment, status);
    if (deadlineAt !== undefined) ctx.requeueAt('progress-deadline', key, deadlineAt + 1, () => this.reconcile(key));
    else ctx.cancelRequeue('progress-deadline', key);
  }

  forget(deployment: KubeObject): void {
    this.#lastProgress.delete(deployment.metadata.uid ?? '');
  }

  #newReplicaSet(deployment: KubeObject, olds: readonly KubeObject[], revision: number): KubeObject {
    const spec = specOf(deployment);
    const template = isObject(spec.template) ? spec.template : {};
    const templateMeta = isObject(template.metadata) ? template.metadata : {};
    const collisionCount = num(statusOf(deployment), 'collisionCount');
    const hash = templateHash(collisionCount ? { template, collisionCount } : template);
    const labels = { ...(templateMeta.labels as Record<string, string> | undefined), [HASH_LABEL]: hash };
    const selector = isObject(spec.selector) ? spec.selector : {};
    const matchLabels = { ...(isObject(selector.matchLabels) ? selector.matchLabels : {}), [HASH_LABEL]: hash };
    const rsSpec: JsonObject = {
      replicas: initialNewReplicas(deployment, olds),
      selector: { ...selector, matchLabels },
      template: { ...template, metadata: { ...templateMeta, labels } },
    };
    if (spec.minReadySeconds !== undefined) rsSpec.minReadySeconds = spec.minReadySeconds;
    return {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${deployment.metadata.name}-${hash}`,
        namespace: deployment.metadata.namespace,
        labels,
        annotations: { ...this.#sizeAnnotations(deployment), [REVISION]: String(revision) },
        ownerReferences: [ownerReference(deployment)],
      },
      spec: rsSpec,
      status: { replicas: 0 },
    };
  }

  /** desired-replicas / max-replicas, which the controller keeps on every ReplicaSet it scales. */
  #sizeAnnotations(deployment: KubeObject): Record<string, string> {
    const replicas = num(specOf(deployment), 'replicas', 1);
    return { 'deployment.kubernetes.io/desired-replicas': String(replicas), 'deployment.kubernetes.io/max-replicas': String(replicas + rolloutLimits(deployment).maxSurge) };
  }

  #recordRevision(deployment: KubeObject, newRs: KubeObject): KubeObject {
    const revision = newRs.metadata.annotations?.[REVISION];
    if (!revision || deployment.metadata.annotations?.[REVISION] === revision) return deployment;
    return this.#annotate(deployment, { [REVISION]: revision });
  }

  #annotate(object: KubeObject, annotations: Record<string, string>): KubeObject {
    const merged = { ...object.metadata.annotations, ...annotations };
    if (deepEqual(merged, object.metadata.annotations)) return object;
    return this.ctx.store.update({ ...object, metadata: { ...object.metadata, annotations: merged } }, { manager: CONTROLLER_MANAGER });
  }

  /** Old ReplicaSets scaled to zero beyond spec.revisionHistoryLimit (default 10) are deleted, oldest first. */
  #pruneHistory(deployment: KubeObject): void {
    const limit = num(specOf(deployment), 'revisionHistoryLimit', 10);
    const template = specOf(deployment).template;
    const idle = this.ctx
      .owned(deployment, 'ReplicaSet')
      .filter((rs) => !sameTemplate(specOf(rs).template, template) && num(specOf(rs), 'replicas', 1) === 0 && num(statusOf(rs), 'replicas') === 0)
      .sort((a, b) => revisionOf(a) - revisionOf(b));
    for (const rs of idle.slice(0, Math.max(0, idle.length - limit))) this.ctx.store.delete(keyOf(rs));
  }
}

function revisionOf(rs: KubeObject): number {
  return Number(rs.metadata.annotations?.[REVISION] ?? 0) || 0;
}

/** The deployment controller's EqualIgnoreHash: templates equal apart from the pod-template-hash label. */
export function sameTemplate(rsTemplate: unknown, template: unknown): boolean {
  if (!isObject(rsTemplate) || !isObject(template)) return false;
  const meta = isObject(rsTemplate.metadata) ? rsTemplate.metadata : {};
  const labels = isObject(meta.labels) ? { ...meta.labels } : {};
  delete labels[HASH_LABEL];
  const stripped = { ...rsTemplate, metadata: { ...meta, labels } };
  const otherMeta = isObject(template.metadata) ? template.metadata : {};
  const normalized = { ...template, metadata: { ...otherMeta, labels: isObject(otherMeta.labels) ? otherMeta.labels : {} } };
  return deepEqual(stripped, normalized);
}
