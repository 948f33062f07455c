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
  const spec = specOf(deployment);
  const replicas = num(spec, 'replicas', 1);
  const counts = countsOf(newRs, all);
  const previous = statusOf(deployment);
  let conditions = conditionsOf(deployment);
  const { maxUnavailable } = rolloutLimits(deployment);
  const availableCondition: Condition = counts.availableReplicas >= replicas - maxUnavailable
    ? { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' }
    : { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' };
  conditions = withUpdateTime(conditions, availableCondition, now);
  const uid = deployment.metadata.uid ?? '';
  const progressing = conditions.find((c) => c.type === 'Progressing');
  const rsName = newRs?.metadata.name ?? '';
  const deadlineSeconds = num(spec, 'progressDeadlineSeconds', 600);
  const mark = (condition: Condition, progressed: boolean) => {
    if (progressed) lastProgress.set(uid, Date.now());
    conditions = withUpdateTime(conditions, condition, now, progressed);
  };
  let deadlineAt: number | undefined;
  if (spec.paused === true) {
    mark({ type: 'Progressing', status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' }, false);
  } else if (progressing?.reason === 'DeploymentPaused') {
    mark({ type: 'Progressing', status: 'True', reason: 'DeploymentResumed', message: 'Deployment is resumed' }, true);
  } else if (deadlineSeconds !== NO_DEADLINE) {
    const alreadyComplete = counts.replicas === counts.updatedReplicas && progressing?.reason === 'NewReplicaSetAvailable';
    const complete = counts.updatedReplicas === replicas && counts.replicas === replicas && counts.availableReplicas === replicas;
    const started = lastProgress.get(uid) ?? parsedOr(progressing?.lastUpdateTime, Date.now());
    const timedOut = progressing?.reason === 'ProgressDeadlineExceeded' || (progressing !== undefined && Date.now() - started > ctx.scaledSeconds(deadlineSeconds));
    if (alreadyComplete) {
      // nothing to report: the controller leaves a finished rollout's condition alone while scaling
    } else if (createdNow) {
      mark({ type: 'Progressing', status: 'True', reason: 'NewReplicaSetCreated', message: `Created new replica set "${rsName}"` }, true);
    } else if (complete) {
      mark({ type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${rsName}" has successfully progressed.` }, true);
    } else if (!progressing || madeProgress(previous, counts)) {
      mark({ type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: `ReplicaSet "${rsName}" is progressing.` }, true);
    } else if (timedOut) {
      mark({ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${rsName}" has timed out progressing.` }, false);
    }
    const reason = conditions.find((c) => c.type === 'Progressing')?.reason;
    if (reason !== 'NewReplicaSetAvailable' && reason !== 'ProgressDeadlineExceeded') {
      deadlineAt = (lastProgress.get(uid) ?? Date.now()) + ctx.scaledSeconds(deadlineSeconds);
    }
  }
  const status: JsonObject = {
    observedGeneration: deployment.metadata.generation ?? 1,
    ...omitZero({ ...counts }),
    conditions,
  };
  if (typeof previous.collisionCount === 'number') status.collisionCount = previous.collisionCount;
  return { status, deadlineAt };
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
