import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { JournalError } from '../../../src/rollout/journal/errors.js';
import { journalPath, openJournal, openJournalReadOnly, type SqliteJournal } from '../../../src/rollout/journal/sqlite.js';
import { samplePlan, tempDir } from './fixtures.js';

const SQLITE_MODULE = fileURLToPath(new URL('../../../src/rollout/journal/sqlite.js', import.meta.url));

describe('SqliteJournal', () => {
  let dir: string;
  let cleanup: () => void;
  let file: string;
  const open: SqliteJournal[] = [];
  const openHere = (readOnly = false): SqliteJournal => {
    const j = readOnly ? openJournalReadOnly(file) : openJournal(file);
    open.push(j);
    return j;
  };

  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
    file = journalPath(join(dir, 'estate'));
  });
  afterEach(() => {
    for (const j of open.splice(0)) j.close();
    cleanup();
  });

  it('a fresh file: directory created, kept out of git, WAL mode, empty', () => {
    const j = openHere();
    assert.equal(file, join(dir, 'estate', '.harbormaster', 'journal.db'));
    assert.equal(readFileSync(join(dir, 'estate', '.harbormaster', '.gitignore'), 'utf8'), 'journal.db*\n');
    assert.ok(existsSync(`${file}-wal`), 'WAL mode keeps a -wal file beside the journal');
    assert.deepEqual([j.rollouts(), j.active(), j.locks(), j.lastGood('prod-a')], [[], undefined, [], undefined]);
  });

  it('a rollout: plan stored as-is, pending steps for every cluster, state and control changes', () => {
    const j = openHere();
    const plan = samplePlan('r-1');
    j.createRollout(plan, '2026-11-30T12:00:01Z');
    assert.deepEqual(j.rollout('r-1'), { plan, state: 'running', control: 'none', startedAt: '2026-11-30T12:00:01Z' });
    assert.deepEqual(j.steps('r-1').map((s) => [s.wave, s.cluster, s.region, s.state, s.applied]), [
      [0, 'prod-a', 'region-a', 'pending', 0],
      [1, 'prod-b', 'region-b', 'pending', 0],
      [1, 'prod-c', 'region-c', 'pending', 0],
    ]);
    j.requestControl('r-1', 'pause');
    j.setRolloutState('r-1', 'paused', '2026-11-30T12:01:00Z', 'paused by ops');
    assert.deepEqual(j.active(), { plan, state: 'paused', control: 'pause', startedAt: '2026-11-30T12:00:01Z', reason: 'paused by ops' });
    j.setRolloutState('r-1', 'failed', '2026-11-30T12:02:00Z', 'prod-b: Deployment auth/auth-api failed');
    assert.equal(j.active(), undefined);
    assert.equal(j.rollout('r-1')!.finishedAt, '2026-11-30T12:02:00Z');
  });

  it('rollouts come newest first; unknown and duplicate ids are refused with codes', () => {
    const j = openHere();
    for (const id of ['r-1', 'r-2', 'r-3']) j.createRollout(samplePlan(id), '2026-11-30T12:00:00Z');
    assert.deepEqual(j.rollouts().map((r) => r.plan.id), ['r-3', 'r-2', 'r-1']);
    assert.deepEqual(j.rollouts(2).map((r) => r.plan.id), ['r-3', 'r-2']);
    assert.throws(() => j.createRollout(samplePlan('r-2'), 'x'), (e: JournalError) => e.code === 'JOURNAL_DUPLICATE_ROLLOUT');
    assert.throws(() => j.setRolloutState('r-9', 'failed', 'x'), (e: JournalError) => e.code === 'JOURNAL_UNKNOWN_ROLLOUT');
    assert.throws(() => j.requestControl('r-9', 'abort'), (e: JournalError) => e.code === 'JOURNAL_UNKNOWN_ROLLOUT');
    assert.throws(() => j.setStep({ rolloutId: 'r-9', wave: 0, cluster: 'a', region: 'r', state: 'applying', applied: 0 }), (e: JournalError) => e.code === 'JOURNAL_UNKNOWN_ROLLOUT');
  });

  it('applied hashes and last-good manifests; the previous five last-good kept for history', () => {
    const j = openHere();
    j.recordApplied('prod-a', [{ key: 'apps/Deployment/auth/api', hash: 'h1' }, { key: '/ConfigMap/auth/cfg', hash: 'h2' }]);
    j.recordApplied('prod-a', [{ key: 'apps/Deployment/auth/api', hash: 'h3' }]);
    j.forgetApplied('prod-a', ['/ConfigMap/auth/cfg', '/never/there']);
    assert.deepEqual([...j.appliedHashes('prod-a')], [['apps/Deployment/auth/api', 'h3']]);
    assert.deepEqual(j.appliedHashes('prod-b').size, 0);
    // A stamp is replaced by a newer one, and kept when a write brings none (an object skipped as unchanged).
    j.recordApplied('prod-a', [{ key: 'apps/Deployment/auth/api', hash: 'h3', stamp: 'g4' }]);
    j.recordApplied('prod-a', [{ key: 'apps/Deployment/auth/api', hash: 'h3' }]);
    assert.deepEqual([...j.appliedStamps('prod-a')], [['apps/Deployment/auth/api', 'g4']]);
    j.recordApplied('prod-a', [{ key: 'apps/Deployment/auth/api', hash: 'h5', stamp: 'g5' }]);
    assert.deepEqual([...j.appliedStamps('prod-a')], [['apps/Deployment/auth/api', 'g5']]);
    for (let i = 1; i <= 7; i++) j.setLastGood({ cluster: 'prod-a', rolloutId: `r-${i}`, manifests: `kind: ConfigMap # ${i}\n`, recordedAt: `2026-11-0${i}T00:00:00Z` });
    assert.deepEqual(j.lastGood('prod-a'), { cluster: 'prod-a', rolloutId: 'r-7', manifests: 'kind: ConfigMap # 7\n', recordedAt: '2026-11-07T00:00:00Z' });
    assert.deepEqual(j.lastGoodHistory('prod-a').map((l) => l.rolloutId), ['r-7', 'r-6', 'r-5', 'r-4', 'r-3']);
  });

  it('reopening keeps every record', () => {
    const first = openJournal(file);
    first.createRollout(samplePlan('r-1'), '2026-11-30T12:00:00Z');
    first.setStep({ rolloutId: 'r-1', wave: 0, cluster: 'prod-a', region: 'region-a', state: 'succeeded', startedAt: 't1', finishedAt: 't2', applied: 3 });
    first.recordApplied('prod-a', [{ key: 'k', hash: 'h' }]);
    first.setLastGood({ cluster: 'prod-a', rolloutId: 'r-1', manifests: 'm', recordedAt: 't2' });
    first.recordEvent({ rolloutId: 'r-1', at: 't2', cluster: 'prod-a', kind: 'step', message: 'prod-a healthy' });
    first.close();
    const again = openHere();
    assert.equal(again.rollout('r-1')!.state, 'running');
    assert.deepEqual(again.steps('r-1')[0], { rolloutId: 'r-1', wave: 0, cluster: 'prod-a', region: 'region-a', state: 'succeeded', startedAt: 't1', finishedAt: 't2', applied: 3 });
    assert.equal(again.appliedHashes('prod-a').get('k'), 'h');
    assert.equal(again.lastGood('prod-a')!.manifests, 'm');
    assert.deepEqual(again.events('r-1'), [{ seq: 1, rolloutId: 'r-1', at: 't2', cluster: 'prod-a', kind: 'step', message: 'prod-a healthy' }]);
    assert.deepEqual(again.events('r-1', 1), []);
  });

  it('a failing write leaves nothing of its transaction behind', () => {
    const j = openHere();
    j.recordApplied('prod-a', [{ key: 'old', hash: 'h0' }]);
    const bad = [{ key: 'a', hash: 'h1' }, { key: 'b', hash: null as unknown as string }];
    assert.throws(() => j.recordApplied('prod-a', bad), /NOT NULL/);
    assert.deepEqual([...j.appliedHashes('prod-a')], [['old', 'h0']]);
  });

  it('a process killed mid-rollout: finished writes survive, the write in progress is gone entirely', () => {
    const script = `
      import { openJournal } from ${JSON.stringify(SQLITE_MODULE)};
      const j = openJournal(${JSON.stringify(file)});
      j.createRollout(${JSON.stringify(samplePlan('r-crash'))}, '2026-11-30T12:00:00Z');
      j.setStep({ rolloutId: 'r-crash', wave: 0, cluster: 'prod-a', region: 'region-a', state: 'applying', startedAt: 't1', applied: 1 });
      j.recordApplied('prod-a', [{ key: 'first', hash: 'h1' }]);
      // Killed inside the next transaction, after its first row: SIGKILL, no close, no cleanup.
      j.recordApplied('prod-a', [{ key: 'second', hash: 'h2' }, { get key() { process.kill(process.pid, 'SIGKILL'); return 'x'; }, hash: 'h3' }]);
    `;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
    assert.equal(child.signal, 'SIGKILL', child.stderr);
    const j = openHere();
    assert.deepEqual([j.active()?.plan.id, j.active()?.state], ['r-crash', 'running']);
    assert.deepEqual(j.steps('r-crash').map((s) => [s.cluster, s.state, s.applied]), [['prod-a', 'applying', 1], ['prod-b', 'pending', 0], ['prod-c', 'pending', 0]]);
    assert.deepEqual([...j.appliedHashes('prod-a')], [['first', 'h1']]);
  });

  it('read-only: reads what a writer wrote (also while the writer is open), refuses writes, needs the file', () => {
    assert.throws(() => openJournalReadOnly(file), (e: JournalError) => e.code === 'JOURNAL_NOT_FOUND');
    const writer = openHere();
    writer.createRollout(samplePlan('r-1'), '2026-11-30T12:00:00Z');
    const reader = openHere(true);
    assert.equal(reader.readonly, true);
    assert.equal(reader.rollout('r-1')!.state, 'running');
    writer.setRolloutState('r-1', 'succeeded', '2026-11-30T12:05:00Z');
    assert.equal(reader.rollout('r-1')!.state, 'succeeded');
    assert.throws(() => reader.requestControl('r-1', 'abort'), (e: JournalError) => e.code === 'JOURNAL_READ_ONLY');
  });

  it('a control request from a second connection is seen by the first (pause/abort from another terminal)', () => {
    const executor = openHere();
    executor.createRollout(samplePlan('r-1'), '2026-11-30T12:00:00Z');
    const cli = openHere();
    cli.requestControl('r-1', 'abort');
    assert.equal(executor.rollout('r-1')!.control, 'abort');
  });
});
