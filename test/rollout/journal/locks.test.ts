import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { describeLock, isStale, lockHolder, parseHolder } from '../../../src/rollout/journal/locks.js';
import { openJournal, type SqliteJournal } from '../../../src/rollout/journal/sqlite.js';
import { tempDir } from './fixtures.js';

/** The pid of a process that has certainly exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  assert.equal(child.status, 0);
  return child.pid!;
}

describe('cluster locks', () => {
  let cleanup: () => void;
  let file: string;
  const open: SqliteJournal[] = [];
  const connect = (): SqliteJournal => {
    const j = openJournal(file);
    open.push(j);
    return j;
  };

  beforeEach(() => {
    let dir: string;
    ({ dir, cleanup } = tempDir());
    file = join(dir, 'journal.db');
  });
  afterEach(() => {
    for (const j of open.splice(0)) j.close();
    cleanup();
  });

  it('one rollout per cluster: a second connection sees the live holder', () => {
    const first = connect();
    const second = connect();
    const me = lockHolder();
    assert.deepEqual(first.acquireLock('prod-us-east-1', 'r-1', me, '2026-11-30T12:00:00Z'), { ok: true });
    const refused = second.acquireLock('prod-us-east-1', 'r-2', `${process.ppid}@${hostname()}`, '2026-11-30T12:00:05Z');
    assert.deepEqual(refused, { ok: false, heldBy: { cluster: 'prod-us-east-1', rolloutId: 'r-1', holder: me, acquiredAt: '2026-11-30T12:00:00Z' } });
    assert.equal(
      describeLock(refused.ok ? assert.fail() : refused.heldBy),
      `prod-us-east-1 is locked by rollout r-1 (pid ${process.pid}@${hostname()} since 2026-11-30T12:00:00Z)`,
    );
    assert.deepEqual(second.acquireLock('prod-eu-west-1', 'r-2', me, 't'), { ok: true }, 'other clusters are free');
  });

  it('re-acquiring by the same rollout and holder is fine and keeps the original time', () => {
    const j = connect();
    j.acquireLock('prod-a', 'r-1', lockHolder(), 't1');
    assert.deepEqual(j.acquireLock('prod-a', 'r-1', lockHolder(), 't2'), { ok: true });
    assert.equal(j.locks()[0]!.acquiredAt, 't1');
  });

  it('released locks are free; release by another rollout does nothing', () => {
    const j = connect();
    j.acquireLock('prod-a', 'r-1', lockHolder(), 't1');
    j.releaseLock('prod-a', 'r-2');
    assert.equal(j.locks().length, 1);
    j.releaseLock('prod-a', 'r-1');
    assert.deepEqual(j.locks(), []);
    assert.deepEqual(j.acquireLock('prod-a', 'r-2', lockHolder(), 't2'), { ok: true });
  });

  it('a lock held by a dead process on this host is stale: taken over, with a note saying whose', () => {
    const j = connect();
    const dead = `${deadPid()}@${hostname()}`;
    j.acquireLock('prod-a', 'r-crashed', dead, '2026-11-30T11:00:00Z');
    const taken = connect().acquireLock('prod-a', 'r-2', lockHolder(), '2026-11-30T12:00:00Z');
    assert.deepEqual(taken, {
      ok: true,
      note: `took over the lock on prod-a from rollout r-crashed (pid ${dead} since 2026-11-30T11:00:00Z): that process is gone`,
    });
    assert.deepEqual(j.locks(), [{ cluster: 'prod-a', rolloutId: 'r-2', holder: lockHolder(), acquiredAt: '2026-11-30T12:00:00Z' }]);
  });

  it('a lock held on another host is never stale (its process cannot be checked)', () => {
    const j = connect();
    j.acquireLock('prod-a', 'r-1', `${deadPid()}@build-agent-7`, 't1');
    const refused = j.acquireLock('prod-a', 'r-2', lockHolder(), 't2');
    assert.equal(refused.ok, false);
  });

  it('holder parsing and staleness rules', () => {
    assert.deepEqual(parseHolder('1234@ops-laptop.local'), { pid: 1234, host: 'ops-laptop.local' });
    assert.equal(parseHolder('someone'), undefined);
    const liveness = { host: 'h', isAlive: (pid: number) => pid === 1 };
    const lock = (holder: string) => ({ cluster: 'c', rolloutId: 'r', holder, acquiredAt: 't' });
    assert.deepEqual([isStale(lock('1@h'), liveness), isStale(lock('2@h'), liveness), isStale(lock('2@other'), liveness), isStale(lock('junk'), liveness)], [false, true, false, false]);
  });
});
