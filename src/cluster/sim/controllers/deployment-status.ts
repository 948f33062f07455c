/**
 * Deployment status as kube-controller-manager writes it: counts summed over
 * the ReplicaSets, Available (enough pods for replicas − maxUnavailable) and
 * Progressing with its reasons — NewReplicaSetCreated, ReplicaSetUpdated,
 * NewReplicaSetAvailable, ProgressDeadlineExceeded (progressDeadlineSeconds,
 * scaled), DeploymentPaused/Resumed.
 */
import type { KubeObject } from '../../types.js';
import type { JsonObject } from '../object-utils.js';
import { conditionsOf, nowTimestamp, num, omitZero, setCondition, specOf, statusOf, type Condition, type ControllerContext } from './context.js';
import { rolloutLimits } from './deployment-rollout.js';

const NO_DEADLINE = 2_147_483_647;

export interface DeploymentStatusResult {
  status: JsonObject;
  /** Wall-clock time at which the progress deadline passes, when a rollout is under way. */
  deadlineAt?: number;
}

interface Counts {
  replicas: number;
  updatedReplicas: number;
  readyReplicas: number;
  availableReplicas: number;
  unavailableReplicas: number;
}

function countsOf(newRs: KubeObject | undefined, all: readonly KubeObject[]): Counts {
  const total = (field: string) => all.reduce((n, rs) => n + num(statusOf(rs), field), 0);
  const specTotal = all.reduce((n, rs) => n + num(specOf(rs), 'replicas', 1), 0);
  const availableReplicas = total('availableReplicas');
  return {
    replicas: total('replicas'),
    updatedReplicas: newRs ? num(statusOf(newRs), 'replicas') : 0,
    readyReplicas: total('readyReplicas'),
    availableReplicas,
    unavailableReplicas: Math.max(0, specTotal - availableReplicas),
  };
}

export function deploymentStatus(
  ctx: ControllerContext,
  deployment: KubeObject,
  newRs: KubeObject | undefined,
  all: readonly KubeObject[],
  createdNow: boolean,
  lastProgress: Map<string, number>,
): DeploymentStatusResult {
  const now = nowTimestamp();
  const counts = countsOf(newRs, all);
  let conditions = withUpdateTime(conditionsOf(deployment), availableCondition(deployment, counts), now);
  const progress = progressingCondition(ctx, deployment, counts, newRs?.metadata.name ?? '', createdNow, lastProgress);
  if (progress.condition) conditions = withUpdateTime(conditions, progress.condition, now, progress.progressed);
  const status: JsonObject = {
    observedGeneration: deployment.metadata.generation ?? 1,
    ...omitZero({ ...counts }),
    conditions,
  };
  const previous = statusOf(deployment);
  if (typeof previous.collisionCount === 'number') status.collisionCount = previous.collisionCount;
  const reason = conditions.find((c) => c.type === 'Progressing')?.reason;
  const deadlineSeconds = num(specOf(deployment), 'progressDeadlineSeconds', 600);
  const underWay = deadlineSeconds !== NO_DEADLINE && specOf(deployment).paused !== true && reason !== 'NewReplicaSetAvailable' && reason !== 'ProgressDeadlineExceeded';
  const uid = deployment.metadata.uid ?? '';
  return { status, deadlineAt: underWay ? (lastProgress.get(uid) ?? Date.now()) + ctx.scaledSeconds(deadlineSeconds) : undefined };
}

/** Available: at least replicas − maxUnavailable pods available. */
function availableCondition(deployment: KubeObject, counts: Counts): Condition {
  const { maxUnavailable } = rolloutLimits(deployment);
  return counts.availableReplicas >= num(specOf(deployment), 'replicas', 1) - maxUnavailable
    ? { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' }
    : { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' };
}

/**
 * The controller's syncRolloutStatus: the Progressing condition to write (if it
 * changes) and whether it records progress (which restarts the deadline).
 */
function progressingCondition(
  ctx: ControllerContext,
  deployment: KubeObject,
  counts: Counts,
  rsName: string,
  createdNow: boolean,
  lastProgress: Map<string, number>,
): { condition?: Condition; progressed: boolean } {
  const spec = specOf(deployment);
  const uid = deployment.metadata.uid ?? '';
  const replicas = num(spec, 'replicas', 1);
  const previous = conditionsOf(deployment).find((c) => c.type === 'Progressing');
  const progressed = (condition: Condition) => {
    lastProgress.set(uid, Date.now());
    return { condition, progressed: true };
  };
  const pause = pauseCondition(spec.paused === true, previous);
  if (pause) return pause.progressed ? progressed(pause.condition) : pause;
  const deadlineSeconds = num(spec, 'progressDeadlineSeconds', 600);
  if (deadlineSeconds === NO_DEADLINE) return { progressed: false };
  // A finished rollout keeps its condition while it only scales.
  if (counts.replicas === counts.updatedReplicas && previous?.reason === 'NewReplicaSetAvailable') return { progressed: false };
  if (createdNow) return progressed({ type: 'Progressing', status: 'True', reason: 'NewReplicaSetCreated', message: `Created new replica set "${rsName}"` });
  if (counts.updatedReplicas === replicas && counts.replicas === replicas && counts.availableReplicas === replicas) {
    return progressed({ type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${rsName}" has successfully progressed.` });
  }
  if (!previous || madeProgress(statusOf(deployment), counts)) {
    return progressed({ type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: `ReplicaSet "${rsName}" is progressing.` });
  }
  if (timedOut(previous, lastProgress.get(uid), ctx.scaledSeconds(deadlineSeconds))) {
    return { condition: { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${rsName}" has timed out progressing.` }, progressed: false };
  }
  return { progressed: false };
}

/** No progress for the (scaled) deadline since the last progress we saw, or since the condition's lastUpdateTime after a restart. */
function timedOut(previous: Condition, lastProgressAt: number | undefined, deadlineMs: number): boolean {
  if (previous.reason === 'ProgressDeadlineExceeded') return true;
  const since = lastProgressAt ?? parsedOr(previous.lastUpdateTime, Date.now());
  return Date.now() - since > deadlineMs;
}

/** Pausing sets Progressing Unknown/DeploymentPaused; resuming records progress (the deadline starts again). */
function pauseCondition(paused: boolean, previous: Condition | undefined): { condition: Condition; progressed: boolean } | undefined {
  if (paused) return { condition: { type: 'Progressing', status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' }, progressed: false };
  if (previous?.reason === 'DeploymentPaused') return { condition: { type: 'Progressing', status: 'True', reason: 'DeploymentResumed', message: 'Deployment is resumed' }, progressed: true };
  return undefined;
}

/** The controller's DeploymentProgressing test: more updated, ready or available pods, or fewer old ones. */
function madeProgress(previous: JsonObject, next: Counts): boolean {
  const oldOld = num(previous, 'replicas') - num(previous, 'updatedReplicas');
  const newOld = next.replicas - next.updatedReplicas;
  return (
    next.updatedReplicas > num(previous, 'updatedReplicas') ||
    newOld < oldOld ||
    next.readyReplicas > num(previous, 'readyReplicas') ||
    next.availableReplicas > num(previous, 'availableReplicas')
  );
}

/** Deployment conditions also carry lastUpdateTime: it moves with every change of the condition (or on progress). */
function withUpdateTime(conditions: Condition[], next: Condition, now: string, touch = false): Condition[] {
  const previous = conditions.find((c) => c.type === next.type);
  const same = previous && previous.status === next.status && previous.reason === next.reason && previous.message === next.message;
  const lastUpdateTime = same && !touch ? previous.lastUpdateTime ?? now : now;
  return setCondition(conditions, { ...next, lastUpdateTime }, now);
}

function parsedOr(timestamp: unknown, fallback: number): number {
  const parsed = Date.parse(String(timestamp ?? ''));
  return Number.isFinite(parsed) ? parsed : fallback;
}
