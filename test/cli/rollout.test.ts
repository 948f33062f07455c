import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { main } from '../../src/cli/main.js';
import { parseSince } from '../../src/cli/rollout.js';
import { deploy } from '../../src/rollout/deploy.js';
import { simFleetConnector } from '../../src/rollout/deploy/connect.js';
import { openJournal } from '../../src/rollout/journal/sqlite.js';
import type { RolloutPlan } from '../../src/rollout/plan/types.js';
import { captureIO, MINI_ESTATE, sharedFleet, tempEstate } from './deploy-helpers.js';

const DEAD_PID = 2 ** 22 + 12345;

describe('harbormaster rollout', () => {
  let estate: ReturnType<typeof tempEstate>;
  let sim: Awaited<ReturnType<typeof sharedFleet>>;
  let journalFile: string;
  let firstId: string;

  before(async () => {
    estate = tempEstate();
    sim = await sharedFleet(estate.dir);
    journalFile = join(estate.dir, '.harbormaster/journal.db');
    const io = captureIO(estate.dir);
    assert.equal(await main(['deploy'], io), 0, io.err + io.out);
    firstId = /Rollout (r-\S+) succeeded/.exec(io.out)![1]!;
  });
  after(async () => {
    await sim.stop();
    estate.remove();
  });

  it('status shows the newest rollout with one row per cluster step', async () => {
    const io = captureIO(estate.dir);
    assert.equal(await main(['rollout', 'status'], io), 0, io.err);
    assert.match(io.out, new RegExp(`^Rollout ${firstId} of estate mini: succeeded$`, 'm'));
    assert.match(io.out, /^ {2}1\/2 canary\s+sim-canary\s+r1\s+succeeded\s+3\b/m);
    assert.match(io.out, /^ {2}2\/2 rest\s+sim-main\s+r2\s+succeeded\s+3\b/m);
    const json = captureIO(estate.dir);
    assert.equal(await main(['rollout', 'status', firstId, '--output', 'json'], json), 0);
    const parsed = JSON.parse(json.out) as { rollout: { state: string }; steps: unknown[] };
    assert.equal(parsed.rollout.state, 'succeeded');
    assert.equal(parsed.steps.length, 2);
  });

  it('history prints DORA figures; --since takes 30d, 12w or 48h', async () => {
    const io = captureIO(estate.dir);
    assert.equal(await main(['rollout', 'history', '--since', '7d'], io), 0, io.err);
    assert.match(io.out, /deployment frequency\s+1 deployment/);
    assert.match(io.out, new RegExp(firstId));
    const json = captureIO(estate.dir);
    assert.equal(await main(['rollout', 'history', '--output', 'json'], json), 0);
    assert.equal((JSON.parse(json.out) as { dora: { deploymentFrequency: { deployments: number } } }).dora.deploymentFrequency.deployments, 1);
    assert.equal(parseSince('48h'), 2);
    assert.equal(parseSince('2w'), 14);
    const bad = captureIO(estate.dir);
    assert.equal(await main(['rollout', 'history', '--since', 'soon'], bad), 2);
  });

  it('pause and abort of a finished rollout: nothing to act on (exit 1)', async () => {
    for (const verb of ['pause', 'abort']) {
      const io = captureIO(estate.dir);
      assert.equal(await main(['rollout', verb, firstId], io), 1);
      assert.match(io.err, new RegExp(`ROLLOUT_NOT_RUNNING: rollout ${firstId} is succeeded; nothing to ${verb}`));
    }
  });

  it('unknown rollouts, missing journals and unknown subcommands exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [['rollout', 'status', 'r-nope'], /ROLLOUT_NOT_FOUND: no rollout r-nope/],
      [['rollout', 'status', '--journal', join(estate.dir, 'missing.db')], /JOURNAL_NOT_FOUND/],
      [['rollout', 'pause', '--journal', join(estate.dir, 'missing.db')], /JOURNAL_NOT_FOUND/],
      [['rollout', 'frobnicate'], /unknown subcommand frobnicate/],
      [['rollout'], /which one\?/],
    ];
    for (const [args, message] of cases) {
      const io = captureIO(estate.dir);
      assert.equal(await main(args, io), 2, args.join(' '));
      assert.match(io.err, message);
    }
  });

  it('pause, resume and abort of a rollout a live process runs go through the journal', async () => {
    const journal = openJournal(journalFile);
    const plan: RolloutPlan = { ...journal.rollout(firstId)!.plan, id: 'r-20260101T000000-aaaaaa' };
    journal.createRollout(plan, '2026-01-01T00:00:00Z');
    // The parent process is alive and is not this one: as a deploy running in another terminal.
    journal.acquireLock('sim-canary', plan.id, `${process.ppid}@${hostname()}`, '2026-01-01T00:00:00Z');
    try {
      const run = async (verb: string): Promise<string> => {
        const io = captureIO(estate.dir);
        assert.equal(await main(['rollout', verb, plan.id], io), 0, io.err);
        return io.out;
      };
      assert.match(await run('pause'), /pause requested for rollout r-20260101T000000-aaaaaa: no new cluster starts/);
      assert.equal(journal.rollout(plan.id)!.control, 'pause');
      assert.match(await run('resume'), /resume requested .*the running deploy continues it/);
      assert.equal(journal.rollout(plan.id)!.control, 'none');
      assert.match(await run('abort'), /abort requested .*rolls back per policy \(failed-wave\)/);
      assert.equal(journal.rollout(plan.id)!.control, 'abort');
    } finally {
      journal.setRolloutState(plan.id, 'aborted', '2026-01-01T00:00:01Z');
      journal.releaseLock('sim-canary', plan.id);
      journal.close();
    }
  });

  it('abort of a rollout whose process is gone settles it in the journal and frees its locks', async () => {
    const journal = openJournal(journalFile);
    const plan: RolloutPlan = { ...journal.rollout(firstId)!.plan, id: 'r-20260101T000000-bbbbbb' };
    journal.createRollout(plan, '2026-01-01T00:00:00Z');
    journal.acquireLock('sim-main', plan.id, `${DEAD_PID}@${hostname()}`, '2026-01-01T00:00:00Z');
    try {
      const io = captureIO(estate.dir);
      assert.equal(await main(['rollout', 'abort', plan.id], io), 0, io.err);
      assert.match(io.out, /aborted \(no process was running it/);
      assert.equal(journal.rollout(plan.id)!.state, 'aborted');
      assert.deepEqual(journal.locks().filter((l) => l.rolloutId === plan.id), []);
    } finally {
      journal.close();
    }
  });

  it('resume continues an interrupted rollout without redoing the finished wave', async () => {
    writeFileSync(join(estate.dir, 'services/web/base/deployment.yaml'), MINI_ESTATE['services/web/base/deployment.yaml']!.replace('replicas: 3', 'replicas: 4'));
    const stop = new AbortController();
    const interrupted = await deploy({
      estateDir: estate.dir,
      connector: simFleetConnector(sim.fleet),
      emit: (event) => {
        if (event.type === 'wave-finished' && event.wave === 0) stop.abort();
      },
      signal: stop.signal,
    });
    assert.equal(interrupted.kind, 'finished');
    const id = interrupted.kind === 'finished' ? interrupted.outcome.rolloutId : '';
    assert.equal(interrupted.kind === 'finished' && interrupted.outcome.state, 'running', 'left resumable');
    const io = captureIO(estate.dir);
    assert.equal(await main(['rollout', 'resume'], io), 0, io.err + io.out);
    assert.match(io.out, /sim-canary: skipped \(already succeeded before the resume\)/);
    assert.match(io.out, new RegExp(`Rollout ${id} succeeded`));
    const web = sim.fleet.cluster('sim-main').store.get({ group: 'apps', kind: 'Deployment', namespace: 'shop', name: 'web' })!;
    assert.equal((web.spec as { replicas: number }).replicas, 4);
  });

  it('rollback restores the last-good manifests that preceded a rollout', async () => {
    const io = captureIO(estate.dir);
    assert.equal(await main(['rollout', 'rollback', '--cluster', 'sim-main'], io), 0, io.err + io.out);
    assert.match(io.out, /sim-main: rolled back to last-good manifests/);
    const web = sim.fleet.cluster('sim-main').store.get({ group: 'apps', kind: 'Deployment', namespace: 'shop', name: 'web' })!;
    assert.equal((web.spec as { replicas: number }).replicas, 3, 'back to the first rollout');
  });
});
