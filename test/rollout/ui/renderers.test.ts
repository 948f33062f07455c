import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { RolloutEvent } from '../../../src/rollout/events.js';
import { applyEvent, createEventRenderer, emptyView, formatFrame, type FrameClock } from '../../../src/rollout/ui/index.js';
import { FakeTerminal } from './fake-terminal.js';

const FIXTURES = fileURLToPath(new URL('../../../../test/rollout/ui/fixtures/', import.meta.url));
/** Set UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate change of wording. */
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function recorded(name: string): RolloutEvent[] {
  return readFileSync(`${FIXTURES}${name}.events.jsonl`, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as RolloutEvent);
}

function golden(file: string, actual: string): void {
  if (UPDATE) writeFileSync(`${FIXTURES}${file}`, actual);
  assert.equal(actual, readFileSync(`${FIXTURES}${file}`, 'utf8'), `differs from ${file} (UPDATE_GOLDEN=1 rewrites it)`);
}

function renderAll(mode: 'plain' | 'json', events: RolloutEvent[]): string {
  let out = '';
  const renderer = createEventRenderer({ mode, out: { write: (t) => (out += t) } });
  for (const e of events) renderer.event(e);
  renderer.close();
  return out;
}

/** A clock that moves only when told, with timers the test fires. */
class ManualClock implements FrameClock {
  time = 0;
  private timers: { at: number; fn: () => void; live: boolean }[] = [];

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): { cancel(): void } {
    const timer = { at: this.time + ms, fn, live: true };
    this.timers.push(timer);
    return { cancel: () => void (timer.live = false) };
  }

  advance(ms: number): void {
    this.time += ms;
    for (;;) {
      const due = this.timers.filter((t) => t.live && t.at <= this.time).sort((a, b) => a.at - b.at)[0];
      if (!due) return;
      due.live = false;
      due.fn();
    }
  }

  pending(): number {
    return this.timers.filter((t) => t.live).length;
  }
}

describe('rollout event renderers', () => {
  const events = recorded('rollback');

  it('plain log: one timestamped line per event that matters (golden)', () => {
    const out = renderAll('plain', events);
    golden('rollback.plain.txt', out);
    for (const line of out.trimEnd().split('\n')) assert.match(line, /^2026-11-23T10:\d\d:\d\dZ {2}\S/);
    assert.match(out, /prod-ap-southeast-2: FAILED HEALTH_FAILED: .*ImagePullBackOff.*\(failed fast/);
    assert.match(out, /rollout r-20261123T100000-ab12cd rolled-back in 1m17s/);
  });

  it('plain log thins progress to one line per cluster every 5 s of event time', () => {
    const out = renderAll('plain', events);
    const canaryProgress = out.split('\n').filter((l) => l.includes('prod-ca-central-1: ') && l.includes('pods ready'));
    // Progress at :02, :04 and :09 — :04 is within 5 s of :02 and is dropped.
    assert.deepEqual(canaryProgress.map((l) => l.slice(0, 20)), ['2026-11-23T10:00:02Z', '2026-11-23T10:00:09Z']);
  });

  it('json: every event as-is, one JSON object per line (golden)', () => {
    const out = renderAll('json', events);
    golden('rollback.jsonl', out);
    const parsed = out.trimEnd().split('\n').map((l) => JSON.parse(l) as RolloutEvent);
    assert.deepEqual(parsed, events);
  });

  it('json: a gate without a sample (NaN) is written as null, never as invalid JSON', () => {
    const out = renderAll('json', [{ type: 'gate-checked', at: '2026-11-23T10:00:00Z', rolloutId: 'r', wave: 0, gate: 'errors', value: Number.NaN, passed: false }]);
    assert.equal(JSON.parse(out).value, null);
  });

  it('the fleet view folds the stream into one row per cluster', () => {
    const view = emptyView();
    for (const e of events) applyEvent(view, e);
    assert.deepEqual(
      view.rows.map((r) => [r.cluster, r.phase]),
      [['prod-ca-central-1', 'succeeded'], ['prod-us-east-2', 'rolled-back'], ['prod-ap-southeast-2', 'rolled-back']],
    );
    assert.equal(view.state, 'rolled-back');
    assert.deepEqual(view.rows[0]!.pods, { updated: 10, ready: 10, desired: 10 });
  });
});

describe('live table on a terminal', () => {
  const events = recorded('rollback');

  it('redraws in place: the final screen is the kept lines, then one table', () => {
    const term = new FakeTerminal(160);
    const clock = new ManualClock();
    const live = createEventRenderer({ mode: 'live', out: term, clock });
    for (const e of events) {
      live.event(e);
      clock.advance(50);
    }
    live.close();
    const screen = term.screen();
    golden('rollback.live.txt', `${screen}\n`);
    assert.equal(screen.match(/^wave\s+cluster/gm)?.length, 1, 'exactly one table header on screen');
    assert.match(screen, /^1\/2 canary\s+prod-ca-central-1\s+ca-central-1\s+succeeded\s+10\/10\/10\s+0:08\s+Current$/m);
    assert.match(screen, /^2\/2 wave-1\s+prod-ap-southeast-2\s+ap-southeast-2\s+rolled-back\s+2\/13\/14\s+0:07\s+restored last-good$/m);
    assert.match(screen, /^rolled-back: prod-ap-southeast-2: Deployment\/auth\/auth-api: ImagePullBackOff$/m);
    assert.ok(term.cursorVisible, 'cursor shown again after close');
    assert.equal(clock.pending(), 0, 'no timer left behind');
  });

  it('throttles redraws to one per 100 ms however many events arrive', () => {
    const term = new FakeTerminal();
    const clock = new ManualClock();
    const live = createEventRenderer({ mode: 'live', out: term, clock });
    live.event(events[0]!);
    const progress = events.find((e) => e.type === 'step-progress')!;
    const before = term.writes;
    for (let i = 0; i < 50; i++) live.event({ ...progress, updated: i });
    assert.equal(term.writes, before, 'nothing drawn within the interval');
    clock.advance(100);
    assert.equal(term.writes, before + 1, 'one frame for fifty events');
    assert.match(term.screen(), /49\/10\/10/);
    live.close();
  });

  it('elapsed times tick between events', () => {
    const term = new FakeTerminal();
    const clock = new ManualClock();
    const live = createEventRenderer({ mode: 'live', out: term, clock });
    for (const e of events.slice(0, 3)) live.event(e);
    clock.advance(5_000);
    assert.match(term.screen(), /prod-ca-central-1\s+ca-central-1\s+applying\s+0:05/);
    live.close();
  });

  it('cuts lines to the terminal width so redraws never wrap', () => {
    const view = emptyView();
    for (const e of events) applyEvent(view, e);
    const term = new FakeTerminal(60);
    const live = createEventRenderer({ mode: 'live', out: term, clock: new ManualClock() });
    for (const e of events) live.event(e);
    live.close();
    const lines = term.screen().split('\n');
    const table = lines.slice(lines.findIndex((l) => l.startsWith('Rollout ')));
    assert.ok(table.length > 3);
    for (const line of table) assert.ok(line.length <= 59, `too wide: ${line}`);
    assert.ok(formatFrame(view, Date.parse('2026-11-23T10:02:00Z')).some((l) => l.length > 60), 'the unclipped frame is wider');
  });
});
