import assert from 'node:assert/strict';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import type { JournalError } from '../../../src/rollout/journal/errors.js';
import { migrate, MIGRATIONS, SCHEMA_VERSION, schemaVersion } from '../../../src/rollout/journal/migrations.js';
import { openJournal, openJournalReadOnly } from '../../../src/rollout/journal/sqlite.js';
import { samplePlan, tempDir } from './fixtures.js';

function tables(db: Database.Database): string[] {
  return (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
}

describe('journal migrations', () => {
  let cleanup: () => void;
  let file: string;

  beforeEach(() => {
    let dir: string;
    ({ dir, cleanup } = tempDir());
    file = join(dir, 'journal.db');
  });
  afterEach(() => cleanup());

  it('a fresh file gets every table and the latest version, once', () => {
    const db = new Database(file);
    assert.equal(migrate(db, file), SCHEMA_VERSION);
    assert.deepEqual(tables(db), ['applied_objects', 'events', 'last_good', 'locks', 'rollouts', 'schema_version', 'steps']);
    assert.equal(migrate(db, file), SCHEMA_VERSION, 'running again is a no-op');
    assert.deepEqual(db.prepare('SELECT version FROM schema_version').all(), [{ version: SCHEMA_VERSION }], 'one version row, not two');
    db.close();
  });

  it('a version-1 file is upgraded in place and keeps its data', () => {
    const db = new Database(file);
    migrate(db, file, MIGRATIONS.slice(0, 1));
    assert.equal(schemaVersion(db), 1);
    db.prepare(`INSERT INTO locks VALUES ('prod-a', 'r-1', '1@h', 't')`).run();
    db.close();
    const j = openJournal(file);
    assert.deepEqual(j.locks(), [{ cluster: 'prod-a', rolloutId: 'r-1', holder: '1@h', acquiredAt: 't' }]);
    j.createRollout(samplePlan('r-2'), 't');
    assert.equal(j.recordEvent({ rolloutId: 'r-2', at: 't', kind: 'start', message: 'started' }), 1, 'the version-2 table exists');
    j.close();
  });

  it('a version-2 file gains stamps: old rows keep their hashes, with no stamp until the next write', () => {
    const db = new Database(file);
    migrate(db, file, MIGRATIONS.slice(0, 2));
    db.prepare(`INSERT INTO applied_objects VALUES ('prod-a', 'k', 'h')`).run();
    db.close();
    const j = openJournal(file);
    assert.deepEqual([...j.appliedHashes('prod-a')], [['k', 'h']]);
    assert.equal(j.appliedStamps('prod-a').size, 0);
    j.recordApplied('prod-a', [{ key: 'k', hash: 'h', stamp: 'g2' }]);
    assert.deepEqual([...j.appliedStamps('prod-a')], [['k', 'g2']]);
    j.close();
  });

  it('opening the same file many times is idempotent', () => {
    for (let i = 0; i < 3; i++) openJournal(file).close();
    const db = new Database(file, { readonly: true });
    assert.equal(schemaVersion(db), SCHEMA_VERSION);
    db.close();
  });

  it('a file from a newer Harbormaster is refused, read-write and read-only', () => {
    openJournal(file).close();
    const db = new Database(file);
    db.prepare('UPDATE schema_version SET version = ?').run(SCHEMA_VERSION + 1);
    db.close();
    assert.throws(() => openJournal(file), (e: JournalError) => e.code === 'JOURNAL_SCHEMA_TOO_NEW' && e.message.startsWith(file));
    assert.throws(() => openJournalReadOnly(file), (e: JournalError) => e.code === 'JOURNAL_SCHEMA_TOO_NEW');
  });

  it('read-only never migrates an older file', () => {
    const db = new Database(file);
    migrate(db, file, MIGRATIONS.slice(0, 1));
    db.close();
    assert.throws(() => openJournalReadOnly(file), (e: JournalError) => e.code === 'JOURNAL_SCHEMA_OLD');
  });

  it('migrations are numbered 1, 2, … without gaps', () => {
    assert.deepEqual(MIGRATIONS.map((m) => m.version), MIGRATIONS.map((_, i) => i + 1));
  });
});
