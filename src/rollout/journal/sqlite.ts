import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { RolloutPlan } from '../plan/types.js';
import { JournalError } from './errors.js';
import { isStale, LOCAL, type Liveness } from './locks.js';
import { migrate, schemaVersion, SCHEMA_VERSION } from './migrations.js';
import { toLastGood, toLock, toRollout, toStep, type LastGoodRow, type LockRow, type RolloutRow, type StepRow } from './rows.js';
import type { AppliedObject, ClusterLock, ControlRequest, Journal, LastGood, LockResult, RolloutRecord, RolloutState, StepRecord } from './types.js';

/** Where an estate's journal lives unless `--journal` says otherwise. */
export function journalPath(estateDir: string): string {
  return join(estateDir, '.harbormaster', 'journal.db');
}

export interface JournalOptions {
  /** How many last-good records to keep per cluster (the newest is the rollback point). Default 5. */
  keepLastGood?: number;
  /** How long a write waits for another process's transaction, in ms. Default 5000. */
  busyTimeoutMs?: number;
  /** Who is alive on this host, for stale locks (tests replace it). */
  liveness?: Liveness;
}

/** One event of a rollout: a line of its story for `rollout status`. */
export interface JournalEvent {
  seq: number;
  rolloutId: string;
  at: string;
  cluster?: string;
  kind: string;
  message: string;
}

const TERMINAL: ReadonlySet<RolloutState> = new Set(['succeeded', 'failed', 'aborted', 'rolled-back']);

/** Opens (creating the file and its directory if needed) and migrates a journal for reading and writing. */
export function openJournal(file: string, options: JournalOptions = {}): SqliteJournal {
  const dir = dirname(file);
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true });
    // The journal is local state: keep it out of the estate's commits (and its dirty check).
    if (dir.endsWith('.harbormaster')) writeFileSync(join(dir, '.gitignore'), 'journal.db*\n');
  }
  const db = new Database(file, { timeout: options.busyTimeoutMs ?? 5000 });
  try {
    db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a killed process loses nothing committed; a power cut may lose the last writes, never consistency.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, file);
  } catch (err) {
    db.close();
    throw err;
  }
  return new SqliteJournal(db, file, options);
}

/** Opens an existing journal for reading only (`rollout status`, `rollout history`): never creates or migrates. */
export function openJournalReadOnly(file: string, options: JournalOptions = {}): SqliteJournal {
  if (!existsSync(file)) throw new JournalError('JOURNAL_NOT_FOUND', 'no rollout journal here yet (it is created by the first deploy)', file);
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: options.busyTimeoutMs ?? 5000 });
  const version = schemaVersion(db);
  if (version !== SCHEMA_VERSION) {
    db.close();
    const code = version > SCHEMA_VERSION ? 'JOURNAL_SCHEMA_TOO_NEW' : 'JOURNAL_SCHEMA_OLD';
    throw new JournalError(code, `journal schema version ${version}, this Harbormaster reads ${SCHEMA_VERSION}`, file);
  }
  return new SqliteJournal(db, file, options);
}

export class SqliteJournal implements Journal {
  private readonly keep: number;
  private readonly liveness: Liveness;

  constructor(
    private readonly db: Database.Database,
    readonly file: string,
    options: JournalOptions = {},
  ) {
    this.keep = Math.max(1, options.keepLastGood ?? 5);
    this.liveness = options.liveness ?? LOCAL;
  }

  get readonly(): boolean {
    return this.db.readonly;
  }

  /** Stores the plan and one pending step per cluster, so status shows the whole rollout from the start. */
  createRollout(plan: RolloutPlan, startedAt: string): void {
    this.write(() => {
      if (this.db.prepare('SELECT 1 FROM rollouts WHERE id = ?').get(plan.id)) {
        throw new JournalError('JOURNAL_DUPLICATE_ROLLOUT', `rollout ${plan.id} already exists`, this.file);
      }
      this.db
        .prepare(`INSERT INTO rollouts (id, estate, strategy, commit_sha, commit_time, plan, state, started_at) VALUES (?, ?, ?, ?, ?, ?, 'running', ?)`)
        .run(plan.id, plan.estate, plan.strategy, plan.change.commit ?? null, plan.change.commitTime ?? null, JSON.stringify(plan), startedAt);
      const step = this.db.prepare(`INSERT INTO steps (rollout_id, wave, cluster, region, state) VALUES (?, ?, ?, ?, 'pending')`);
      for (const wave of plan.waves) for (const c of wave.clusters) step.run(plan.id, wave.index, c.cluster, c.region);
    });
  }

  rollout(id: string): RolloutRecord | undefined {
    const row = this.db.prepare('SELECT * FROM rollouts WHERE id = ?').get(id) as RolloutRow | undefined;
    return row && toRollout(row);
  }

  rollouts(limit = 1000): RolloutRecord[] {
    return (this.db.prepare('SELECT * FROM rollouts ORDER BY seq DESC LIMIT ?').all(limit) as RolloutRow[]).map(toRollout);
  }

  active(): RolloutRecord | undefined {
    const row = this.db.prepare(`SELECT * FROM rollouts WHERE state IN ('running', 'paused') ORDER BY seq DESC LIMIT 1`).get() as RolloutRow | undefined;
    return row && toRollout(row);
  }

  setRolloutState(id: string, state: RolloutState, at: string, reason?: string): void {
    this.write(() => {
      const finished = TERMINAL.has(state) ? at : null;
      const result = this.db.prepare('UPDATE rollouts SET state = ?, finished_at = ?, reason = ? WHERE id = ?').run(state, finished, reason ?? null, id);
      if (result.changes === 0) this.unknown(id);
    });
  }

  requestControl(id: string, request: ControlRequest): void {
    this.write(() => {
      if (this.db.prepare('UPDATE rollouts SET control = ? WHERE id = ?').run(request, id).changes === 0) this.unknown(id);
    });
  }

  steps(rolloutId: string): StepRecord[] {
    return (this.db.prepare('SELECT * FROM steps WHERE rollout_id = ? ORDER BY wave, rowid').all(rolloutId) as StepRow[]).map(toStep);
  }

  setStep(step: StepRecord): void {
    this.write(() => {
      if (!this.db.prepare('SELECT 1 FROM rollouts WHERE id = ?').get(step.rolloutId)) this.unknown(step.rolloutId);
      this.db
        .prepare(
          `INSERT INTO steps (rollout_id, wave, cluster, region, state, started_at, finished_at, reason, applied) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (rollout_id, wave, cluster) DO UPDATE SET region = excluded.region, state = excluded.state, started_at = excluded.started_at,
             finished_at = excluded.finished_at, reason = excluded.reason, applied = excluded.applied`,
        )
        .run(step.rolloutId, step.wave, step.cluster, step.region, step.state, step.startedAt ?? null, step.finishedAt ?? null, step.reason ?? null, step.applied);
    });
  }

  recordApplied(cluster: string, objects: AppliedObject[]): void {
    this.write(() => {
      const upsert = this.db.prepare(
        'INSERT INTO applied_objects (cluster, key, hash, stamp) VALUES (?, ?, ?, ?) ON CONFLICT (cluster, key) DO UPDATE SET hash = excluded.hash, stamp = COALESCE(excluded.stamp, applied_objects.stamp)',
      );
      for (const o of objects) upsert.run(cluster, o.key, o.hash, o.stamp ?? null);
    });
  }

  forgetApplied(cluster: string, keys: string[]): void {
    this.write(() => {
      const remove = this.db.prepare('DELETE FROM applied_objects WHERE cluster = ? AND key = ?');
      for (const key of keys) remove.run(cluster, key);
    });
  }

  appliedHashes(cluster: string): Map<string, string> {
    const rows = this.db.prepare('SELECT key, hash FROM applied_objects WHERE cluster = ? ORDER BY key').all(cluster) as { key: string; hash: string }[];
    return new Map(rows.map((r) => [r.key, r.hash]));
  }

  appliedStamps(cluster: string): Map<string, string> {
    const rows = this.db.prepare('SELECT key, stamp FROM applied_objects WHERE cluster = ? AND stamp IS NOT NULL ORDER BY key').all(cluster) as { key: string; stamp: string }[];
    return new Map(rows.map((r) => [r.key, r.stamp]));
  }

  lastGood(cluster: string): LastGood | undefined {
    return this.lastGoodHistory(cluster, 1)[0];
  }

  /** The newest `limit` last-good records of a cluster, newest first (older ones are kept for history). */
  lastGoodHistory(cluster: string, limit = this.keep): LastGood[] {
    const rows = this.db.prepare('SELECT * FROM last_good WHERE cluster = ? ORDER BY seq DESC LIMIT ?').all(cluster, limit) as LastGoodRow[];
    return rows.map(toLastGood);
  }

  setLastGood(record: LastGood): void {
    this.write(() => {
      this.db.prepare('INSERT INTO last_good (cluster, rollout_id, manifests, recorded_at) VALUES (?, ?, ?, ?)').run(record.cluster, record.rolloutId, record.manifests, record.recordedAt);
      this.db
        .prepare('DELETE FROM last_good WHERE cluster = ? AND seq NOT IN (SELECT seq FROM last_good WHERE cluster = ? ORDER BY seq DESC LIMIT ?)')
        .run(record.cluster, record.cluster, this.keep);
    });
  }

  acquireLock(cluster: string, rolloutId: string, holder: string, at: string): LockResult {
    return this.write((): LockResult => {
      const row = this.db.prepare('SELECT * FROM locks WHERE cluster = ?').get(cluster) as LockRow | undefined;
      const held = row && toLock(row);
      const mine = held && held.rolloutId === rolloutId && held.holder === holder;
      if (held && !mine && !isStale(held, this.liveness)) return { ok: false, heldBy: held };
      this.db
        .prepare('INSERT INTO locks (cluster, rollout_id, holder, acquired_at) VALUES (?, ?, ?, ?) ON CONFLICT (cluster) DO UPDATE SET rollout_id = excluded.rollout_id, holder = excluded.holder, acquired_at = excluded.acquired_at')
        .run(cluster, rolloutId, holder, mine ? held.acquiredAt : at);
      if (!held || mine) return { ok: true };
      return { ok: true, note: `took over the lock on ${cluster} from rollout ${held.rolloutId} (pid ${held.holder} since ${held.acquiredAt}): that process is gone` };
    });
  }

  releaseLock(cluster: string, rolloutId: string): void {
    this.write(() => void this.db.prepare('DELETE FROM locks WHERE cluster = ? AND rollout_id = ?').run(cluster, rolloutId));
  }

  locks(): ClusterLock[] {
    return (this.db.prepare('SELECT * FROM locks ORDER BY cluster').all() as LockRow[]).map(toLock);
  }

  recordEvent(event: Omit<JournalEvent, 'seq'>): number {
    return this.write(() => {
      const result = this.db.prepare('INSERT INTO events (rollout_id, at, cluster, kind, message) VALUES (?, ?, ?, ?, ?)').run(event.rolloutId, event.at, event.cluster ?? null, event.kind, event.message);
      return Number(result.lastInsertRowid);
    });
  }

  /** Events of a rollout in order; `afterSeq` to follow a running rollout. */
  events(rolloutId: string, afterSeq = 0): JournalEvent[] {
    const rows = this.db.prepare('SELECT * FROM events WHERE rollout_id = ? AND seq > ? ORDER BY seq').all(rolloutId, afterSeq) as {
      seq: number;
      rollout_id: string;
      at: string;
      cluster: string | null;
      kind: string;
      message: string;
    }[];
    return rows.map((r) => ({ seq: r.seq, rolloutId: r.rollout_id, at: r.at, ...(r.cluster !== null ? { cluster: r.cluster } : {}), kind: r.kind, message: r.message }));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** Every write is one IMMEDIATE transaction: it takes the write lock up front, so a concurrent writer waits (busy timeout) instead of failing half-way. */
  private write<T>(fn: () => T): T {
    if (this.db.readonly) throw new JournalError('JOURNAL_READ_ONLY', 'journal opened read-only', this.file);
    return this.db.transaction(fn).immediate();
  }

  private unknown(id: string): never {
    throw new JournalError('JOURNAL_UNKNOWN_ROLLOUT', `no rollout ${id} in the journal`, this.file);
  }
}
