/**
 * The StatefulSet controller: pods `<name>-<ordinal>` with stable hostnames and
 * their PersistentVolumeClaims, created in order (OrderedReady: each waits for
 * the one before to be Running and Ready) or all at once (Parallel); rolling
 * updates from the highest ordinal down to the partition, one pod at a time;
 * OnDelete replaces only pods someone deleted. Revisions are
 * `<name>-<hash>` ControllerRevisions, also the pods' controller-revision-hash.
 */
import type { KubeObject } from '../../types.js';
import { isObject, type JsonObject } from '../object-utils.js';
import type { StoreKey } from '../store.js';
import { num, omitZero, specOf, statusOf, type ControllerContext } from './context.js';
import { ensureRevision, pruneRevisions, REVISION_HASH_LABEL, templateOfRevision } from './controller-revisions.js';
import { podFromTemplate } from './pod-template.js';
import { countPods, isActive, isReady } from './pods.js';

export function reconcileStatefulSet(ctx: ControllerContext, key: StoreKey): void {
  const sts = ctx.store.get(key);
  if (!sts || sts.metadata.deletionTimestamp) return;
  const spec = specOf(sts);
  const replicas = num(spec, 'replicas', 1);
  const update = ensureRevision(ctx, sts, spec.template);
  const currentRevision = String(statusOf(sts).currentRevision ?? update.name);
  const strategy = isObject(spec.updateStrategy) ? spec.updateStrategy : {};
  const onDelete = strategy.type === 'OnDelete';
  const partition = onDelete ? 0 : num(isObject(strategy.rollingUpdate) ? strategy.rollingUpdate : {}, 'partition');
  const ordered = spec.podManagementPolicy !== 'Parallel';
  // Terminal pods are deleted and recreated, as the controller does.
  for (const pod of ctx.owned(sts, 'Pod')) if (!isActive(pod) && !pod.metadata.deletionTimestamp) ctx.delete(pod);
  const live = podsByOrdinal(ctx.owned(sts, 'Pod').filter(isActive), sts.metadata.name);
  const revisionFor = (ordinal: number) => (ordinal < partition && currentRevision !== update.name ? currentRevision : update.name);
  const blocked = createMissing(ctx, sts, live, replicas, ordered, revisionFor);
  scaleDown(ctx, live, replicas, ordered);
  if (!onDelete && !blocked) rollOne(ctx, live, replicas, partition, update.name);
  writeStatus(ctx, sts, ctx.owned(sts, 'Pod').filter(isActive), currentRevision, update.name, onDelete);
  pruneRevisions(ctx, sts, num(spec, 'revisionHistoryLimit', 10), new Set([currentRevision, update.name]));
}

/** Creates missing ordinals below replicas; OrderedReady stops at the first pod it creates or finds not ready (returns true then). */
function createMissing(ctx: ControllerContext, sts: KubeObject, live: Map<number, KubeObject>, replicas: number, ordered: boolean, revisionFor: (ordinal: number) => string): boolean {
  for (let ordinal = 0; ordinal < replicas; ordinal++) {
    const pod = live.get(ordinal);
    if (!pod) {
      live.set(ordinal, createPod(ctx, sts, ordinal, revisionFor(ordinal)));
      if (ordered) return true;
    } else if (ordered && !isReady(pod)) return true;
  }
  return false;
}

function podsByOrdinal(pods: readonly KubeObject[], setName: string): Map<number, KubeObject> {
  const out = new Map<number, KubeObject>();
  for (const pod of pods) {
    const suffix = pod.metadata.name.slice(setName.length + 1);
    if (/^\d+$/.test(suffix)) out.set(Number(suffix), pod);
  }
  return out;
}

function createPod(ctx: ControllerContext, sts: KubeObject, ordinal: number, revision: string): KubeObject {
  const spec = specOf(sts);
  const template = templateOfRevision(ctx, sts, revision) ?? (spec.template as JsonObject);
  const name = `${sts.metadata.name}-${ordinal}`;
  const claims = Array.isArray(spec.volumeClaimTemplates) ? spec.volumeClaimTemplates.filter(isObject) : [];
  const volumes = claims.map((claim) => {
    const claimName = `${String((claim.metadata as JsonObject | undefined)?.name)}-${name}`;
    ensureClaim(ctx, sts, claim, claimName);
    return { name: String((claim.metadata as JsonObject | undefined)?.name), persistentVolumeClaim: { claimName } };
  });
  const templateSpec = isObject(template.spec) ? template.spec : {};
  const ownVolumes = Array.isArray(templateSpec.volumes) ? templateSpec.volumes : [];
  const podSpec: JsonObject = { hostname: name, subdomain: spec.serviceName ?? '' };
  if (volumes.length) podSpec.volumes = [...ownVolumes, ...volumes];
  return ctx.create(
    podFromTemplate(ctx, sts, template, {
      name,
      generateName: `${sts.metadata.name}-`,
      labels: { [REVISION_HASH_LABEL]: revision, 'statefulset.kubernetes.io/pod-name': name },
      spec: podSpec,
    }),
  );
}

/** The claim for a volumeClaimTemplate, created unless it exists (claims outlive their pods). */
function ensureClaim(ctx: ControllerContext, sts: KubeObject, claim: JsonObject, name: string): void {
  const namespace = sts.metadata.namespace;
  if (ctx.store.get({ group: '', kind: 'PersistentVolumeClaim', namespace, name })) return;
  const meta = isObject(claim.metadata) ? claim.metadata : {};
  const selector = isObject(specOf(sts).selector) ? (specOf(sts).selector as JsonObject) : {};
  const labels = { ...(isObject(meta.labels) ? meta.labels : {}), ...(isObject(selector.matchLabels) ? selector.matchLabels : {}) } as Record<string, string>;
  ctx.create({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace, labels }, spec: { volumeMode: 'Filesystem', ...(isObject(claim.spec) ? claim.spec : {}) }, status: { phase: 'Pending' } });
}

/** Removes pods at ordinals >= replicas, highest first; OrderedReady removes one at a time, only when the rest are ready. */
function scaleDown(ctx: ControllerContext, live: Map<number, KubeObject>, replicas: number, ordered: boolean): void {
  const surplus = [...live.keys()].filter((o) => o >= replicas).sort((a, b) => b - a);
  if (surplus.length === 0) return;
  if (ordered && [...live.entries()].some(([o, pod]) => o < replicas && !isReady(pod))) return;
  for (const ordinal of ordered ? surplus.slice(0, 1) : surplus) {
    ctx.delete(live.get(ordinal)!);
    live.delete(ordinal);
  }
}

/** RollingUpdate (both pod management policies): deletes the highest-ordinal pod at or above the partition still on an old revision, if every pod is ready. */
function rollOne(ctx: ControllerContext, live: Map<number, KubeObject>, replicas: number, partition: number, updateRevision: string): void {
  const inRange = [...live.entries()].filter(([o]) => o < replicas);
  if (inRange.some(([, pod]) => !isReady(pod))) return;
  const stale = inRange.filter(([o, pod]) => o >= partition && pod.metadata.labels?.[REVISION_HASH_LABEL] !== updateRevision).sort(([a], [b]) => b - a);
  const [first] = stale;
  if (first) ctx.delete(first[1]);
}

function writeStatus(ctx: ControllerContext, sts: KubeObject, pods: KubeObject[], currentRevision: string, updateRevision: string, onDelete: boolean): void {
  const replicas = num(specOf(sts), 'replicas', 1);
  const counts = countPods(ctx, pods, num(specOf(sts), 'minReadySeconds'));
  const updated = pods.filter((p) => p.metadata.labels?.[REVISION_HASH_LABEL] === updateRevision).length;
  let current = pods.filter((p) => p.metadata.labels?.[REVISION_HASH_LABEL] === currentRevision).length;
  let currentRev = currentRevision;
  // The rollout is complete once every pod runs the update revision and is ready (RollingUpdate only, as upstream).
  if (!onDelete && updated === replicas && pods.length === replicas && counts.ready === replicas) {
    currentRev = updateRevision;
    current = updated;
  }
  const status: JsonObject = {
    observedGeneration: sts.metadata.generation ?? 1,
    replicas: pods.length,
    ...omitZero({ readyReplicas: counts.ready, currentReplicas: current, updatedReplicas: updated }),
    availableReplicas: counts.available,
    currentRevision: currentRev,
    updateRevision,
    collisionCount: 0,
  };
  ctx.writeStatus(sts, status);
  if (counts.nextAvailableAt !== undefined) {
    const key = { group: 'apps', kind: 'StatefulSet', namespace: sts.metadata.namespace, name: sts.metadata.name };
    ctx.requeueAt('sts-available', key, counts.nextAvailableAt, () => reconcileStatefulSet(ctx, key));
  }
}
