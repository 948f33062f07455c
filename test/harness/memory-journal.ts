/**
 * An in-memory Journal with the SQLite journal's semantics (pending steps
 * created with the rollout, step upsert by rollout/wave/cluster, lock
 * ownership by rollout *and* holder, stale holders taken over), for fast unit
 * tests. Records are copied in and out, as a database would.
 */
import type {
  AppliedObject,
  ClusterLock,
  ControlRequest,
  Journal,
  LastGood,
  LockResult,
  RolloutRecord,
  RolloutState,
  StepRecord,
} from '../../src/rollout/journal/types.js';
import type { RolloutPlan } from '../../src/rollout/plan/types.js';

const TERMINAL: ReadonlySet<RolloutState> = new Set(['succeeded', 'failed', 'aborted', 'rolled-back']);

export interface MemoryJournalOptions {
  /** Which lock holders are still alive; default: all of them (no lock is ever stale). */
  isAlive?: (holder: string) => boolean;
}

export class MemoryJournal implements Journal {
  readonly file = ':memory:';
  private readonly rolloutList: RolloutRecord[] = [];
  private readonly stepMap = new Map<string, StepRecord>();
  private readonly applied = new Map<string, Map<string, { hash: string; stamp?: string }>>();
  private readonly lastGoods = new Map<string, LastGood[]>();
  private readonly lockMap = new Map<string, ClusterLock>();
  /** Every call that wrote, in order (`setStep:eu-1:applying`), for tests that check what was journaled. */
  readonly writes: string[] = [];
  closed = false;

  constructor(private readonly options: MemoryJournalOptions = {}) {}

  createRollout(plan: RolloutPlan, startedAt: string): void {
    if (this.rolloutList.some((r) => r.plan.id === plan.id)) throw new Error(`rollout ${plan.id} already exists`);
    this.rolloutList.push({ plan: copy(plan), state: 'running', control: 'none', startedAt });
    for (const wave of plan.waves) {
      for (const c of wave.clusters) this.putStep({ rolloutId: plan.id, wave: wave.index, cluster: c.cluster, region: c.region, state: 'pending', applied: 0 });
    }
    this.writes.push(`createRollout:${plan.id}`);
  }

  rollout(id: string): RolloutRecord | undefined {
    const record = this.rolloutList.find((r) => r.plan.id === id);
    return record && copy(record);
  }

  rollouts(limit = 1000): RolloutRecord[] {
    return [...this.rolloutList].reverse().slice(0, limit).map(copy);
  }

  active(): RolloutRecord | undefined {
    const record = [...this.rolloutList].reverse().find((r) => r.state === 'running' || r.state === 'paused');
    return record && copy(record);
  }

  setRolloutState(id: string, state: RolloutState, at: string, reason?: string): void {
    const record = this.find(id);
    record.state = state;
    if (TERMINAL.has(state)) record.finishedAt = at;
    else delete record.finishedAt;
    if (reason !== undefined) record.reason = reason;
    else delete record.reason;
    this.writes.push(`setRolloutState:${state}`);
  }

  requestControl(id: string, request: ControlRequest): void {
    this.find(id).control = request;
    this.writes.push(`requestControl:${request}`);
  }

  steps(rolloutId: string): StepRecord[] {
    return [...this.stepMap.values()].filter((s) => s.rolloutId === rolloutId).sort((a, b) => a.wave - b.wave).map(copy);
  }

  setStep(step: StepRecord): void {
    this.find(step.rolloutId);
    this.putStep(step);
    this.writes.push(`setStep:${step.cluster}:${step.state}`);
  }

  recordApplied(cluster: string, objects: AppliedObject[]): void {
    const map = this.applied.get(cluster) ?? new Map<string, { hash: string; stamp?: string }>();
    for (const o of objects) {
      const stamp = o.stamp ?? map.get(o.key)?.stamp;
      map.set(o.key, stamp === undefined ? { hash: o.hash } : { hash: o.hash, stamp });
    }
    this.applied.set(cluster, map);
  }

  forgetApplied(cluster: string, keys: string[]): void {
    const map = this.applied.get(cluster);
    for (const key of keys) map?.delete(key);
  }

  appliedHashes(cluster: string): Map<string, string> {
    return new Map([...(this.applied.get(cluster) ?? [])].map(([key, o]) => [key, o.hash]));
  }

  appliedStamps(cluster: string): Map<string, string> {
    return new Map([...(this.applied.get(cluster) ?? [])].flatMap(([key, o]) => (o.stamp === undefined ? [] : [[key, o.stamp] as const])));
  }

  lastGood(cluster: string): LastGood | undefined {
    const list = this.lastGoods.get(cluster);
    return list && copy(list[list.length - 1]!);
  }

  /** The newest `limit` last-good records of a cluster, newest first (as the SQLite journal keeps them). */
  lastGoodHistory(cluster: string, limit = 5): LastGood[] {
    return [...(this.lastGoods.get(cluster) ?? [])].reverse().slice(0, limit).map(copy);
  }

  setLastGood(record: LastGood): void {
    const list = this.lastGoods.get(record.cluster) ?? [];
    list.push(copy(record));
    this.lastGoods.set(record.cluster, list);
    this.writes.push(`setLastGood:${record.cluster}`);
  }

  acquireLock(cluster: string, rolloutId: string, holder: string, at: string): LockResult {
    const held = this.lockMap.get(cluster);
    const mine = held !== undefined && held.rolloutId === rolloutId && held.holder === holder;
    const stale = held !== undefined && this.options.isAlive !== undefined && !this.options.isAlive(held.holder);
    if (held && !mine && !stale) return { ok: false, heldBy: copy(held) };
    this.lockMap.set(cluster, { cluster, rolloutId, holder, acquiredAt: mine ? held.acquiredAt : at });
    this.writes.push(`acquireLock:${cluster}`);
    if (!held || mine) return { ok: true };
    return { ok: true, note: `took over the lock on ${cluster} from rollout ${held.rolloutId}` };
  }

  releaseLock(cluster: string, rolloutId: string): void {
    if (this.lockMap.get(cluster)?.rolloutId === rolloutId) this.lockMap.delete(cluster);
    this.writes.push(`releaseLock:${cluster}`);
  }

  locks(): ClusterLock[] {
    return [...this.lockMap.values()].sort((a, b) => (a.cluster < b.cluster ? -1 : 1)).map(copy);
  }

  close(): void {
    this.closed = true;
  }

  private putStep(step: StepRecord): void {
    this.stepMap.set(`${step.rolloutId}\0${step.wave}\0${step.cluster}`, copy(step));
  }

  private find(id: string): RolloutRecord {
    const record = this.rolloutList.find((r) => r.plan.id === id);
    if (!record) throw new Error(`no rollout ${id} in the journal`);
    return record;
  }
}

function copy<T>(value: T): T {
  return structuredClone(value);
}
