/**
 * The DaemonSet controller: one pod per eligible simulated node (nodeSelector
 * and required node affinity), bound to it directly. RollingUpdate replaces old
 * pods while at most maxUnavailable nodes lack an available pod; OnDelete only
 * replaces deleted pods. Pods carry controller-revision-hash and
 * pod-template-generation, as upstream.
 */
import type { KubeObject } from '../../types.js';
import { isObject, type JsonObject } from '../object-utils.js';
import type { StoreKey } from '../store.js';
import { num, omitZero, specOf, type ControllerContext } from './context.js';
import { ensureRevision, pruneRevisions, REVISION_HASH_LABEL } from './controller-revisions.js';
import { intOrPercent } from './deployment-rollout.js';
import { podFromTemplate } from './pod-template.js';
import { countPods, isActive } from './pods.js';

export function reconcileDaemonSet(ctx: ControllerContext, key: StoreKey): void {
  const ds = ctx.store.get(key);
  if (!ds || ds.metadata.deletionTimestamp) return;
  const spec = specOf(ds);
  const template = isObject(spec.template) ? spec.template : {};
  const revision = ensureRevision(ctx, ds, template);
  const nodes = ctx.nodes.eligible(isObject(template.spec) ? template.spec : {});
  const byNode = placePods(ctx, ds, template, revision.hash, nodes.map((n) => n.name));
  const strategy = isObject(spec.updateStrategy) ? spec.updateStrategy : {};
  const minReadySeconds = num(spec, 'minReadySeconds');
  if (strategy.type !== 'OnDelete') {
    const rolling = isObject(strategy.rollingUpdate) ? strategy.rollingUpdate : {};
    replaceOld(ctx, [...byNode.values()], revision.hash, Math.max(1, intOrPercent(rolling.maxUnavailable, nodes.length, false, '1')), minReadySeconds);
  }
  const eligible = new Set(nodes.map((n) => n.name));
  const pods = ctx.owned(ds, 'Pod').filter(isActive).filter((p) => eligible.has(nodeOf(p)));
  const counts = countPods(ctx, pods, minReadySeconds);
  const updated = pods.filter((p) => p.metadata.labels?.[REVISION_HASH_LABEL] === revision.hash).length;
  ctx.writeStatus(ds, {
    currentNumberScheduled: new Set(pods.map(nodeOf)).size,
    desiredNumberScheduled: nodes.length,
    numberMisscheduled: 0,
    numberReady: counts.ready,
    observedGeneration: ds.metadata.generation ?? 1,
    ...omitZero({ updatedNumberScheduled: updated, numberAvailable: counts.available, numberUnavailable: Math.max(0, nodes.length - counts.available) }),
  });
  if (counts.nextAvailableAt !== undefined) ctx.requeueAt('ds-available', key, counts.nextAvailableAt, () => reconcileDaemonSet(ctx, key));
  pruneRevisions(ctx, ds, num(spec, 'revisionHistoryLimit', 10), new Set(pods.map((p) => p.metadata.labels?.[REVISION_HASH_LABEL] ?? '')));
}

/** One active pod per eligible node: failed and surplus pods go, missing ones are created bound to their node. */
function placePods(ctx: ControllerContext, ds: KubeObject, template: JsonObject, hash: string, nodeNames: string[]): Map<string, KubeObject> {
  const eligible = new Set(nodeNames);
  const owned = ctx.owned(ds, 'Pod');
  for (const pod of owned) if (!isActive(pod) && !pod.metadata.deletionTimestamp) ctx.delete(pod);
  const byNode = new Map<string, KubeObject>();
  for (const pod of owned.filter(isActive)) {
    const node = nodeOf(pod);
    if (!eligible.has(node) || byNode.has(node)) ctx.delete(pod);
    else byNode.set(node, pod);
  }
  for (const node of nodeNames) {
    if (byNode.has(node)) continue;
    const labels = { [REVISION_HASH_LABEL]: hash, 'pod-template-generation': String(ds.metadata.generation ?? 1) };
    byNode.set(node, ctx.create(podFromTemplate(ctx, ds, template, { generateName: `${ds.metadata.name}-`, labels, spec: { nodeName: node } })));
  }
  return byNode;
}

function nodeOf(pod: KubeObject): string {
  return String(specOf(pod).nodeName ?? '');
}

/** Deletes old-revision pods (unavailable ones first, free) while the number of unavailable nodes stays within maxUnavailable. */
function replaceOld(ctx: ControllerContext, pods: KubeObject[], hash: string, maxUnavailable: number, minReadySeconds: number): void {
  const old = pods.filter((p) => p.metadata.labels?.[REVISION_HASH_LABEL] !== hash);
  if (old.length === 0) return;
  const available = (pod: KubeObject) => ctx.availability(pod, minReadySeconds).available;
  let unavailable = pods.filter((p) => !available(p)).length;
  for (const pod of old.filter((p) => !available(p))) ctx.delete(pod);
  for (const pod of old.filter(available)) {
    if (unavailable >= maxUnavailable) break;
    ctx.delete(pod);
    unavailable++;
  }
}
