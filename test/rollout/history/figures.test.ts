import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { deliveryFigures } from '../../../src/rollout/history/figures.js';
import { formatHistory } from '../../../src/rollout/history/format.js';
import { readHistory } from '../../../src/rollout/history/read.js';
import { openJournal, type SqliteJournal } from '../../../src/rollout/journal/sqlite.js';
import type { RolloutState, StepState } from '../../../src/rollout/journal/types.js';
import { samplePlan, tempDir } from '../journal/fixtures.js';

const NOW = new Date('2026-12-01T00:00:00Z');
const ALL = ['prod-a', 'prod-b', 'prod-c'];

type Step = [cluster: string, state: StepState, startedAt: string, finishedAt?: string];

/**
 * A week of rollouts with known answers (times are UTC on the day given):
 *   r-0  Nov  1  succeeded (outside the 7-day window)
 *   r-1  Nov 25  commit 10:00, succeeded 11:00 (a 10:40, b 10:50, c 11:00)
 *   r-2  Nov 27  commit 09:00, prod-a failed, rolled back 09:50
 *   r-3  Nov 27  commit 10:00, prod-a only, succeeded 10:20
 *   r-4  Nov 27  commit 10:30, succeeded 11:10 (a 10:50, b 11:05, c 11:10): with r-3, restores r-2
 *   r-5  Nov 29  commit 08:00, failed 08:20, never restored
 *   r-6  Nov 30  aborted
 */
function record(j: SqliteJournal, id: string, clusters: string[], commit: string | undefined, state: RolloutState, startedAt: string, finishedAt: string, steps: Step[]): void {
  j.createRollout(samplePlan(id, clusters, commit), startedAt);
  for (const [cluster, stepState, start, finish] of steps) {
    const wave = cluster === clusters[0] ? 0 : 1;
    j.setStep({ rolloutId: id, wave, cluster, region: cluster.replace('prod-', 'region-'), state: stepState, startedAt: start, ...(finish ? { finishedAt: finish } : {}), applied: 1 });
  }
  j.setRolloutState(id, state, finishedAt, state === 'succeeded' ? undefined : `${state} for the test`);
}

const d = (day: number, time: string) => `2026-11-${String(day).padStart(2, '0')}T${time}:00Z`;

describe('delivery figures (DORA four keys) from a hand-built journal', () => {
  let journal: SqliteJournal;
  let cleanup: () => void;

  before(() => {
    let dir: string;
    ({ dir, cleanup } = tempDir());
    journal = openJournal(join(dir, 'journal.db'));
    record(journal, 'r-0', ALL, d(1, '09:00'), 'succeeded', d(1, '09:10'), d(1, '09:40'), ALL.map((c) => [c, 'succeeded', d(1, '09:10'), d(1, '09:40')]));
    record(journal, 'r-1', ALL, d(25, '10:00'), 'succeeded', d(25, '10:30'), d(25, '11:00'), [
      ['prod-a', 'succeeded', d(25, '10:30'), d(25, '10:40')],
      ['prod-b', 'succeeded', d(25, '10:40'), d(25, '10:50')],
      ['prod-c', 'succeeded', d(25, '10:40'), d(25, '11:00')],
    ]);
    record(journal, 'r-2', ALL, d(27, '09:00'), 'rolled-back', d(27, '09:30'), d(27, '09:50'), [['prod-a', 'rolled-back', d(27, '09:30'), d(27, '09:45')]]);
    record(journal, 'r-3', ['prod-a'], d(27, '10:00'), 'succeeded', d(27, '10:05'), d(27, '10:20'), [['prod-a', 'succeeded', d(27, '10:05'), d(27, '10:20')]]);
    record(journal, 'r-4', ALL, d(27, '10:30'), 'succeeded', d(27, '10:40'), d(27, '11:10'), [
      ['prod-a', 'succeeded', d(27, '10:40'), d(27, '10:50')],
      ['prod-b', 'succeeded', d(27, '10:50'), d(27, '11:05')],
      ['prod-c', 'succeeded', d(27, '10:50'), d(27, '11:10')],
    ]);
    record(journal, 'r-5', ALL, d(29, '08:00'), 'failed', d(29, '08:10'), d(29, '08:20'), [['prod-a', 'failed', d(29, '08:10'), d(29, '08:20')]]);
    record(journal, 'r-6', ALL, undefined, 'aborted', d(30, '12:00'), d(30, '12:05'), []);
  });
  after(() => {
    journal.close();
    cleanup();
  });

  it('the four keys', () => {
    const { dora, window } = readHistory(journal, NOW, 7);
    assert.deepEqual(window, { from: '2026-11-24T00:00:00Z', to: '2026-12-01T00:00:00Z', days: 7 });
    assert.deepEqual(dora.deploymentFrequency, { deployments: 3, perDay: 0.429, perWeek: 3 });
    assert.deepEqual(dora.leadTimeForChanges, { samples: 3, medianSeconds: 2400, p90Seconds: 3600 });
    assert.deepEqual(dora.changeFailureRate, { failed: 2, finished: 6, rate: 0.333 });
    assert.deepEqual(dora.timeToRestore, {
      restored: 1,
      open: 1,
      medianSeconds: 4800,
      incidents: [
        { failedRollout: 'r-2', failedAt: d(27, '09:50'), restoredBy: 'r-4', restoredAt: d(27, '11:10'), seconds: 4800 },
        { failedRollout: 'r-5', failedAt: d(29, '08:20') },
      ],
    });
  });

  it('per rollout and per region: start, finish and lead time', () => {
    const figures = readHistory(journal, NOW, 7);
    assert.deepEqual(figures.rollouts.map((r) => r.id), ['r-6', 'r-5', 'r-4', 'r-3', 'r-2', 'r-1']);
    const r1 = figures.rollouts.find((r) => r.id === 'r-1')!;
    assert.deepEqual([r1.durationSeconds, r1.leadTimeSeconds, r1.clusters], [1800, 3600, 3]);
    assert.deepEqual(r1.regions, [
      { region: 'region-a', startedAt: d(25, '10:30'), finishedAt: d(25, '10:40'), leadTimeSeconds: 2400 },
      { region: 'region-b', startedAt: d(25, '10:40'), finishedAt: d(25, '10:50'), leadTimeSeconds: 3000 },
      { region: 'region-c', startedAt: d(25, '10:40'), finishedAt: d(25, '11:00'), leadTimeSeconds: 3600 },
    ]);
    const r2 = figures.rollouts.find((r) => r.id === 'r-2')!;
    assert.equal(r2.leadTimeSeconds, undefined, 'a rolled-back rollout has no lead time');
    assert.deepEqual(r2.regions[0], { region: 'region-a', startedAt: d(27, '09:30') }, 'a region that did not finish has no finish');
    assert.deepEqual(figures.regions, [
      { region: 'region-a', deployments: 3, medianLeadTimeSeconds: 1200, lastFinishedAt: d(27, '10:50') },
      { region: 'region-b', deployments: 2, medianLeadTimeSeconds: 2100, lastFinishedAt: d(27, '11:05') },
      { region: 'region-c', deployments: 2, medianLeadTimeSeconds: 2400, lastFinishedAt: d(27, '11:10') },
    ]);
  });

  it('a longer window takes in older rollouts', () => {
    assert.equal(readHistory(journal, NOW, 30).dora.deploymentFrequency.deployments, 4);
  });

  it('formatHistory names the four keys, then rollouts and regions', () => {
    const text = formatHistory(readHistory(journal, NOW, 7));
    assert.match(text, /^Delivery figures, last 7 days \(2026-11-24T00:00:00Z to 2026-12-01T00:00:00Z\): DORA's four keys\n/);
    assert.match(text, /\n {2}deployment frequency {3}3 deployments: 0\.429 per day, 3 per week\n/);
    assert.match(text, /\n {2}lead time for changes {2}median 40m, p90 1h \(3 rollouts\)\n/);
    assert.match(text, /\n {2}change failure rate {4}33\.3% \(2 of 6 finished rollouts failed or were rolled back\)\n/);
    assert.match(text, /\n {2}time to restore {8}median 1h20m \(1 restored, 1 open\)\n/);
    assert.match(text, /\n {2}r-1 +succeeded +default +ccccccc +2026-11-25T10:30:00Z +30m +1h +3\n/);
    assert.match(text, /\n {2}region-b +2 +35m +2026-11-27T11:05:00Z\n/);
  });

  it('an empty journal: no figures, no failures to divide', () => {
    const figures = deliveryFigures({ rollouts: [], steps: new Map(), now: NOW });
    assert.deepEqual(figures.dora, {
      deploymentFrequency: { deployments: 0, perDay: 0, perWeek: 0 },
      leadTimeForChanges: { samples: 0 },
      changeFailureRate: { failed: 0, finished: 0 },
      timeToRestore: { restored: 0, open: 0, incidents: [] },
    });
    assert.match(formatHistory(figures), /lead time for changes {2}n\/a.*\n[\s\S]*No rollouts in this window\.\n$/);
  });
});
