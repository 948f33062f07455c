import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { SIM_KUBECONFIG_ENV } from '../../../src/cluster/connect.js';
import { resumeRollout } from '../../../src/rollout/executor/index.js';
import { app } from '../executor/harness.js';
import { E2E } from './fleet-harness.js';

const CHILD = fileURLToPath(new URL('./child-rollout.js', import.meta.url));

interface ChildEvent {
  type: string;
  cluster?: string;
  wave?: number;
}

/** Runs the rollout in a child process and SIGKILLs it at the first event `killAt` accepts; resolves with the events it printed. */
function runAndKill(e: E2E, input: unknown, killAt: (event: ChildEvent, seen: ChildEvent[]) => boolean): Promise<ChildEvent[]> {
  const inputFile = join(e.dir, 'input.json');
  const kubeconfig = join(e.dir, 'kubeconfig');
  writeFileSync(inputFile, JSON.stringify(input));
  e.fleet.writeKubeconfig(kubeconfig);
  const child = spawn(process.execPath, [CHILD, e.journalFile, inputFile], { env: { ...process.env, [SIM_KUBECONFIG_ENV]: kubeconfig }, stdio: ['ignore', 'pipe', 'pipe'] });
  const seen: ChildEvent[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  createInterface({ input: child.stdout }).on('line', (line) => {
    const event = JSON.parse(line) as ChildEvent;
    seen.push(event);
    if (killAt(event, seen)) child.kill('SIGKILL');
  });
  return new Promise((resolve, reject) => {
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(seen) : reject(new Error(`child exited ${code} before the kill: ${stderr}`))));
  });
}

describe('e2e: resume after the process is killed mid-wave', () => {
  let e: E2E;
  before(async () => (e = await E2E.start(['a', 'b', 'c'], { c: { slowReadinessMs: 150_000 } })));
  after(() => e.stop());

  it('does not re-apply finished work and completes the rollout', async () => {
    e.setDesired(app('web:2', { config: 'v2' }));
    // c becomes ready slowly (1.5 s), so the kill lands while c's step waits for health.
    e.setDesired(app('web:slow', { config: 'v2' }), ['c']);
    const plan = e.plan([{ clusters: ['a'] }, { clusters: ['b', 'c'], parallelism: 2, healthTimeoutSeconds: 10 }]);
    const desired = Object.fromEntries(e.desired);

    const applied = (all: ChildEvent[], cluster: string) => all.some((x) => x.type === 'step-applied' && x.cluster === cluster);
    const seen = await runAndKill(e, { plan, desired }, (_, all) => applied(all, 'b') && applied(all, 'c'));
    assert.ok(seen.some((x) => x.type === 'wave-finished' && x.wave === 0));
    assert.ok(!seen.some((x) => x.type === 'rollout-finished'));
    const states = Object.fromEntries(e.journal.steps(plan.id).map((s) => [s.cluster, s.state]));
    assert.equal(states.a, 'succeeded');
    assert.ok(['baking', 'waiting'].includes(states.b!) && states.c === 'waiting', JSON.stringify(states));
    assert.equal(e.journal.rollout(plan.id)!.state, 'running');

    for (const cluster of e.fleet.clusters()) cluster.resetRequests();
    const outcome = await resumeRollout(plan.id, e.deps());

    assert.equal(outcome.state, 'succeeded', outcome.reason);
    for (const c of ['a', 'b', 'c']) assert.equal(e.patches(c), 0, `${c}: nothing applied again`);
    const skipped = e.ofType('step-skipped').map((x) => x.cluster);
    assert.deepEqual(skipped, ['a']);
    for (const c of ['b', 'c']) {
      const applied = e.ofType('step-applied').find((x) => x.cluster === c)!;
      assert.deepEqual([applied.created, applied.configured, applied.writes], [0, 0, 0]);
    }
    for (const c of ['a', 'b', 'c']) {
      assert.deepEqual(e.liveSummary(c), e.desiredSummary(c));
      assert.equal(e.journal.lastGood(c)!.rolloutId, plan.id);
    }
    assert.deepEqual(e.journal.locks(), [], 'the dead process\'s locks were taken over, then released');
  });
});
