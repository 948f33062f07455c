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

interface JobView {
  job: KubeObject;
  active: KubeObject[];
  succeeded: number;
  failed: number;
  startTime?: string;
  conditions: Condition[];
}

export class JobController {
  /** Wall-clock start of each Job (by uid): startTime keeps only seconds, too coarse for a scaled activeDeadlineSeconds. */
  readonly #startedAt = new Map<string, number>();

  constructor(private readonly ctx: ControllerContext) {}

  reconcile(key: StoreKey): void {
    const job = this.ctx.store.get(key);
    if (!job || job.metadata.deletionTimestamp) return;
    const conditions = conditionsOf(job);
    if (conditions.some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True')) return;
    const spec = specOf(job);
    const pods = this.ctx.owned(job, 'Pod');
    const previousStart = statusOf(job).startTime;
    const view: JobView = {
      job,
      active: pods.filter(isActive),
      succeeded: pods.filter((p) => statusOf(p).phase === 'Succeeded').length,
      failed: pods.filter((p) => statusOf(p).phase === 'Failed').length,
      startTime: typeof previousStart === 'string' ? previousStart : spec.suspend === true ? undefined : nowTimestamp(),
      conditions,
    };
    const uid = job.metadata.uid ?? '';
    if (view.startTime && !this.#startedAt.has(uid)) this.#startedAt.set(uid, typeof previousStart === 'string' ? Date.parse(previousStart) : Date.now());
    const failure = this.#failure(view);
    if (failure) return this.#finish(view, { type: 'Failed', status: 'True', ...failure });
    if (view.succeeded >= num(spec, 'completions', 1)) return this.#finish(view, { type: 'Complete', status: 'True' });
    this.#run(view);
    const deadline = spec.activeDeadlineSeconds;
    if (typeof deadline === 'number' && this.#startedAt.has(uid)) this.ctx.requeueAt('job-deadline', key, this.#startedAt.get(uid)! + this.ctx.scaledSeconds(deadline), () => this.reconcile(key));
  }

  forget(job: KubeObject): void {
    this.#startedAt.delete(job.metadata.uid ?? '');
  }

  /** Past backoffLimit (failed pods; restarts for OnFailure) or activeDeadlineSeconds. */
  #failure(view: JobView): { reason: string; message: string } | undefined {
    const spec = specOf(view.job);
    const backoffLimit = num(spec, 'backoffLimit', 6);
    const restarts = isOnFailure(view.job) ? view.active.reduce((n, p) => n + restartsOf(p), 0) : 0;
    if (view.failed > backoffLimit || (restarts > 0 && restarts >= backoffLimit)) return { reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' };
    const deadline = spec.activeDeadlineSeconds;
    const started = this.#startedAt.get(view.job.metadata.uid ?? '');
    if (typeof deadline === 'number' && started !== undefined && Date.now() - started >= this.ctx.scaledSeconds(deadline)) {
      return { reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' };
    }
    return undefined;
  }

  #finish(view: JobView, condition: Condition): void {
    for (const pod of view.active) this.ctx.delete(pod);
    const conditions = setJobCondition(view.conditions, condition);
    const completionTime = condition.type === 'Complete' ? nowTimestamp() : undefined;
    this.ctx.writeStatus(view.job, jobStatus({ ...view, completionTime, active: 0, ready: 0, conditions }));
  }

  /** Keeps min(parallelism, completions − succeeded) pods running, or none while suspended. */
  #run(view: JobView): void {
    const spec = specOf(view.job);
    let running = view.active;
    let conditions = view.conditions;
    if (spec.suspend === true) {
      for (const pod of running) this.ctx.delete(pod);
      running = [];
      conditions = setJobCondition(conditions, { type: 'Suspended', status: 'True', reason: 'JobSuspended', message: 'Job suspended' });
    } else {
      if (conditions.some((c) => c.type === 'Suspended')) conditions = setJobCondition(conditions, { type: 'Suspended', status: 'False', reason: 'JobResumed', message: 'Job resumed' });
      const wanted = Math.min(num(spec, 'parallelism', 1), num(spec, 'completions', 1) - view.succeeded);
      while (running.length < wanted) running = [...running, this.ctx.create(jobPod(this.ctx, view.job))];
    }
    this.ctx.writeStatus(view.job, jobStatus({ ...view, active: running.length, ready: running.filter(isReady).length, conditions }));
  }
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
