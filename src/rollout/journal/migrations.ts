import type Database from 'better-sqlite3';
import { JournalError } from './errors.js';

/**
 * The journal's schema, as an ordered list of migrations. A file records the
 * version it reached in `schema_version`; opening it applies the missing ones
 * in one transaction. Never edit a released migration: append a new one.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

const ROLLOUT_STATES = `'running','paused','succeeded','failed','aborted','rolled-back'`;
const STEP_STATES = `'pending','applying','waiting','baking','succeeded','failed','rolling-back','rolled-back','skipped'`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'rollouts, steps, applied objects, last-good manifests, cluster locks',
    sql: `
      CREATE TABLE rollouts (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        estate TEXT NOT NULL,
        strategy TEXT NOT NULL,
        commit_sha TEXT,
        commit_time TEXT,
        plan TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN (${ROLLOUT_STATES})),
        control TEXT NOT NULL DEFAULT 'none' CHECK (control IN ('none','pause','abort')),
        started_at TEXT NOT NULL,
        finished_at TEXT,
        reason TEXT
      );
      CREATE TABLE steps (
        rollout_id TEXT NOT NULL REFERENCES rollouts(id),
        wave INTEGER NOT NULL,
        cluster TEXT NOT NULL,
        region TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN (${STEP_STATES})),
        started_at TEXT,
        finished_at TEXT,
        reason TEXT,
        applied INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (rollout_id, wave, cluster)
      );
      CREATE TABLE applied_objects (
        cluster TEXT NOT NULL,
        key TEXT NOT NULL,
        hash TEXT NOT NULL,
        PRIMARY KEY (cluster, key)
      ) WITHOUT ROWID;
      CREATE TABLE last_good (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        cluster TEXT NOT NULL,
        rollout_id TEXT NOT NULL,
        manifests TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      );
      CREATE INDEX last_good_by_cluster ON last_good (cluster, seq);
      CREATE TABLE locks (
        cluster TEXT PRIMARY KEY,
        rollout_id TEXT NOT NULL,
        holder TEXT NOT NULL,
        acquired_at TEXT NOT NULL
      );`,
  },
  {
    version: 2,
    description: 'events: what happened during a rollout, for status and history',
    sql: `
      CREATE TABLE events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        rollout_id TEXT NOT NULL,
        at TEXT NOT NULL,
        cluster TEXT,
        kind TEXT NOT NULL,
        message TEXT NOT NULL
      );
      CREATE INDEX events_by_rollout ON events (rollout_id, seq);`,
  },
  {
    version: 3,
    description: 'applied objects: the stamp (generation or resourceVersion) after our write, to see drift',
    sql: `ALTER TABLE applied_objects ADD COLUMN stamp TEXT;`,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function schemaVersion(db: Database.Database): number {
  const table = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'`).get();
  if (!table) return 0;
  const row = db.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined;
  return row?.version ?? 0;
}

/**
 * Brings the file to SCHEMA_VERSION; a no-op when it is there. IMMEDIATE, so
 * two processes opening a fresh file at once migrate it once, not twice.
 */
export function migrate(db: Database.Database, file: string, migrations: readonly Migration[] = MIGRATIONS): number {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const run = db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const current = schemaVersion(db);
    if (current > latest) throw new JournalError('JOURNAL_SCHEMA_TOO_NEW', `journal schema version ${current} is newer than this Harbormaster knows (${latest}); upgrade Harbormaster`, file);
    for (const m of migrations) if (m.version > current) db.exec(m.sql);
    if (current === 0) db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(latest);
    else if (current < latest) db.prepare('UPDATE schema_version SET version = ?').run(latest);
    return latest;
  });
  return run.immediate();
}
