/**
 * The Job controller: runs up to `parallelism` pods until `completions`
 * succeed (Complete), or fails the
 * Job when failed pods exceed backoffLimit (restarts count for OnFailure) or it
 * runs past activeDeadlineSeconds (scaled). spec.suspend stops its pods.
 */
import type { KubeObject } from '../../types.js';
import type { JsonObject } from '../object-utils.js';
import type { StoreKey } from '../store.js';
import { conditionsOf, nowTimestamp, num, setCondition, specOf, statusOf, type Condition, type ControllerContext } from './context.js';
import { podFromTemplate } from './pod-template.js';
import { isActive, isReady } from './pods.js';

export function reconcileJob(ctx: ControllerContext, key: StoreKey): void {
  const job = ctx.store.get(key);
  if (!job || job.metadata.deletionTimestamp) return;
  const finished = conditionsOf(job).some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
  if (finished) return;
  const spec = specOf(job);
  const pods = ctx.owned(job, 'Pod');
  const active = pods.filter(isActive);
  const succeeded = pods.filter((p) => statusOf(p).phase === 'Succeeded').length;
  const failedPods = pods.filter((p) => statusOf(p).phase === 'Failed').length;
  const restarts = isOnFailure(job) ? active.reduce((n, p) => n + restartsOf(p), 0) : 0;
  const completions = num(spec, 'completions', 1);
  const parallelism = num(spec, 'parallelism', 1);
  const backoffLimit = num(spec, 'backoffLimit', 6);
  const previous = statusOf(job);
  const startTime = typeof previous.startTime === 'string' ? previous.startTime : spec.suspend === true ? undefined : nowTimestamp();
  const base = { startTime, failed: failedPods, succeeded };
  let conditions = conditionsOf(job);

  const fail = (reason: string, message: string) => {
    for (const pod of active) ctx.delete(pod);
    conditions = setJobCondition(conditions, { type: 'Failed', status: 'True', reason, message });
    ctx.writeStatus(job, jobStatus({ ...base, active: 0, ready: 0, conditions }));
  };
  if (failedPods > backoffLimit || (isOnFailure(job) && restarts > 0 && restarts >= backoffLimit)) return fail('BackoffLimitExceeded', 'Job has reached the specified backoff limit');
  const deadline = spec.activeDeadlineSeconds;
  if (typeof deadline === 'number' && startTime && Date.now() - Date.parse(startTime) >= ctx.scaledSeconds(deadline)) {
    return fail('DeadlineExceeded', 'Job was active longer than specified deadline');
  }
  if (succeeded >= completions) {
    conditions = setJobCondition(conditions, { type: 'Complete', status: 'True' });
    ctx.writeStatus(job, jobStatus({ ...base, active: 0, ready: 0, completionTime: nowTimestamp(), conditions }));
    return;
  }
  let running = active;
  if (spec.suspend === true) {
    for (const pod of active) ctx.delete(pod);
    running = [];
    conditions = setJobCondition(conditions, { type: 'Suspended', status: 'True', reason: 'JobSuspended', message: 'Job suspended' });
  } else {
    if (conditions.some((c) => c.type === 'Suspended')) conditions = setJobCondition(conditions, { type: 'Suspended', status: 'False', reason: 'JobResumed', message: 'Job resumed' });
    const wanted = Math.min(parallelism, completions - succeeded);
    for (let i = running.length; i < wanted; i++) running = [...running, ctx.create(jobPod(ctx, job))];
  }
  ctx.writeStatus(job, jobStatus({ ...base, active: running.length, ready: running.filter(isReady).length, conditions }));
  if (typeof deadline === 'number' && startTime) ctx.requeueAt('job-deadline', key, Date.parse(startTime) + ctx.scaledSeconds(deadline), () => reconcileJob(ctx, key));
}

function jobPod(ctx: ControllerContext, job: KubeObject): KubeObject {
  const uid = job.metadata.uid ?? '';
  const name = job.metadata.name;
  const labels = { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': name, 'controller-uid': uid, 'job-name': name };
  const template = specOf(job).template as JsonObject | undefined;
  const templateSpec = (template?.spec ?? {}) as JsonObject;
  return podFromTemplate(ctx, job, template, { generateName: `${name}-`, labels, spec: { restartPolicy: templateSpec.restartPolicy ?? 'Never' } });
}

function isOnFailure(job: KubeObject): boolean {
  const template = specOf(job).template as { spec?: { restartPolicy?: string } } | undefined;
  return template?.spec?.restartPolicy === 'OnFailure';
}

function restartsOf(pod: KubeObject): number {
  const statuses = statusOf(pod).containerStatuses;
  return Array.isArray(statuses) ? statuses.reduce((n: number, s: { restartCount?: number }) => n + (s.restartCount ?? 0), 0) : 0;
}

/** Job conditions carry lastProbeTime; both times move only when the condition changes. */
function setJobCondition(conditions: Condition[], next: Condition): Condition[] {
  const previous = conditions.find((c) => c.type === next.type);
  if (previous && previous.status === next.status && previous.reason === next.reason) return conditions;
  return setCondition(conditions, { ...next, lastProbeTime: nowTimestamp() });
}

/** Job status field order and omissions as a 1.26 API server returns them. */
function jobStatus(fields: { startTime?: string; completionTime?: string; active: number; ready: number; failed: number; succeeded: number; conditions: Condition[] }): JsonObject {
  const status: JsonObject = {};
  if (fields.conditions.length) status.conditions = fields.conditions;
  if (fields.startTime) status.startTime = fields.startTime;
  if (fields.completionTime) status.completionTime = fields.completionTime;
  if (fields.active) status.active = fields.active;
  if (fields.succeeded) status.succeeded = fields.succeeded;
  if (fields.failed) status.failed = fields.failed;
  status.ready = fields.ready;
  status.uncountedTerminatedPods = {};
  return status;
}
