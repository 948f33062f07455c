import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { main } from '../../src/cli/main.js';
import type { RolloutEvent } from '../../src/rollout/events.js';
import { openJournal } from '../../src/rollout/journal/sqlite.js';
import { captureIO, MINI_ESTATE, REPO, sharedFleet, tempEstate } from './deploy-helpers.js';

const GOLDEN = join(REPO, 'test/cli/fixtures/deploy-plan-acme.txt');

/** The parts of a plan that move with the clock and the checkout: the id, the change line and the digest. */
function normalisePlan(text: string): string {
  return text
    .replace(/^Rollout r-\d{8}T\d{6}-[0-9a-f]{6} /m, 'Rollout r-<time>-<digest> ')
    .replace(/^ {2}change .*$/m, '  change    <git commit of the checkout>')
    .replace(/^ {2}digest .*$/m, '  digest    <digest>');
}

describe('harbormaster deploy --plan', () => {
  it('prints the plan of the example estate wave by wave and writes nothing (golden)', async () => {
    const journal = join(mkdtempSync(join(tmpdir(), 'hm-plan-')), 'journal.db');
    const io = captureIO();
    const code = await main(['deploy', '--plan', '--estate', 'examples/acme-estate', '--journal', journal], io);
    assert.equal(code, 0, io.err);
    const text = normalisePlan(io.out);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, text);
    assert.equal(text, readFileSync(GOLDEN, 'utf8'), 'differs from test/cli/fixtures/deploy-plan-acme.txt (UPDATE_GOLDEN=1 rewrites it)');
    assert.match(io.out, /^Wave 1\/3 canary: 1 cluster/m);
    assert.equal(existsSync(journal), false, '--plan must not create the journal');
  });

  it('--output json prints the plan as data', async () => {
    const io = captureIO();
    const code = await main(['deploy', '--plan', '--output', 'json', '--estate', 'examples/acme-estate', '--cluster', 'prod-ca-central-1', '--journal', '/nonexistent/j.db'], io);
    assert.equal(code, 0, io.err);
    const plan = JSON.parse(io.out) as { waves: { clusters: { cluster: string }[] }[] };
    assert.deepEqual(plan.waves.flatMap((w) => w.clusters.map((c) => c.cluster)), ['prod-ca-central-1']);
  });

  it('an unknown --cluster is an input error (exit 2) with a suggestion', async () => {
    const io = captureIO();
    const code = await main(['deploy', '--plan', '--estate', 'examples/acme-estate', '--cluster', 'prod-us-east-9'], io);
    assert.equal(code, 2);
    assert.match(io.err, /PLAN_UNKNOWN_CLUSTER: unknown cluster prod-us-east-9/);
    assert.match(io.err, /did you mean prod-us-east-[12]\?/);
  });
});

describe('harbormaster deploy: flags and refusals', () => {
  it('usage mistakes exit 2 before anything is read', async () => {
    for (const args of [['--bogus'], ['--output', 'xml'], ['--plan=yes'], ['--cluster']]) {
      const io = captureIO();
      assert.equal(await main(['deploy', ...args], io), 2, args.join(' '));
      assert.match(io.err, /usage: harbormaster deploy/);
    }
  });

  it('estate errors are reported with file:line and nothing is written (exit 2)', async () => {
    const estate = tempEstate({ 'harbormaster.yaml': MINI_ESTATE['harbormaster.yaml']!.replace('wave: 1', 'wave: one') });
    try {
      const io = captureIO(estate.dir);
      assert.equal(await main(['deploy'], io), 2);
      assert.match(io.err, /^harbormaster\.yaml:\d+:\d+: error ESTATE_/m);
      assert.match(io.err, /nothing was deployed/);
      assert.equal(existsSync(join(estate.dir, '.harbormaster')), false, 'no journal for a broken estate');
    } finally {
      estate.remove();
    }
  });

  it('--verify refuses manifests with verify errors, pointing at the line (exit 1)', async () => {
    const privileged = MINI_ESTATE['services/web/base/deployment.yaml']!.replace('          image: nginx:1.27', '          image: nginx:1.27\n          securityContext: { privileged: true }');
    const estate = tempEstate({ 'services/web/base/deployment.yaml': privileged });
    try {
      const io = captureIO(estate.dir);
      assert.equal(await main(['deploy', '--verify'], io), 1);
      assert.match(io.err, /^services\/web\/base\/deployment\.yaml:16: error pod-security\/privileged: Deployment shop\/web in sim-canary, sim-main/m);
      assert.match(io.err, /VERIFY_FAILED: verify found 1 error; nothing was deployed/);
      assert.equal(existsSync(join(estate.dir, '.harbormaster')), false, 'refused before the journal is opened');
    } finally {
      estate.remove();
    }
  });

  it('a frozen fleet refuses to deploy (exit 3) and names the reason', async () => {
    const frozen = MINI_ESTATE['harbormaster.yaml']!.replace('  rollout:\n', '  rollout:\n    freeze: { reason: "end-of-year change freeze" }\n');
    const estate = tempEstate({ 'harbormaster.yaml': frozen });
    try {
      const io = captureIO(estate.dir);
      assert.equal(await main(['deploy'], io), 3);
      assert.match(io.err, /ROLLOUT_FROZEN: .*end-of-year change freeze/);
    } finally {
      estate.remove();
    }
  });
});

describe('harbormaster deploy to a simulated fleet', () => {
  let estate: ReturnType<typeof tempEstate>;
  let sim: Awaited<ReturnType<typeof sharedFleet>>;

  before(async () => {
    estate = tempEstate();
    sim = await sharedFleet(estate.dir);
  });
  after(async () => {
    await sim.stop();
    estate.remove();
  });

  it('deploys wave by wave, logs each step, and the objects are on both clusters (exit 0)', async () => {
    const io = captureIO(estate.dir);
    const code = await main(['deploy'], io);
    assert.equal(code, 0, io.err + io.out);
    assert.match(io.out, /wave 1\/2 canary: started \(sim-canary\)[\s\S]*wave 2\/2 rest: started \(sim-main\)/);
    assert.match(io.out, /sim-canary: applied: 3 created/);
    assert.match(io.out, /^Rollout r-\S+ succeeded in [\d.]+s \(strategy default, 2 waves, 2 clusters\)$/m);
    for (const name of ['sim-canary', 'sim-main']) {
      const web = sim.fleet.cluster(name).store.get({ group: 'apps', kind: 'Deployment', namespace: 'shop', name: 'web' });
      assert.ok(web, `Deployment shop/web on ${name}`);
    }
    assert.ok(existsSync(join(estate.dir, '.harbormaster/journal.db')), 'journal beside the estate by default');
  });

  it('a redeploy with nothing changed sends no write request', async () => {
    for (const c of sim.fleet.clusters()) c.resetRequests();
    const io = captureIO(estate.dir);
    assert.equal(await main(['deploy'], io), 0, io.err + io.out);
    const writes = sim.fleet.clusters().reduce((n, c) => {
      const r = c.requests();
      return n + r.create + r.update + r.patch + r.delete;
    }, 0);
    assert.equal(writes, 0);
    assert.match(io.out, /nothing changed/);
  });

  it('--output json streams one RolloutEvent per line on stdout', async () => {
    writeFileSync(join(estate.dir, 'services/web/base/kustomization.yaml'), MINI_ESTATE['services/web/base/kustomization.yaml']!.replace('GREETING=hello', 'GREETING=bonjour'));
    const io = captureIO(estate.dir);
    assert.equal(await main(['deploy', '--output', 'json'], io), 0, io.err);
    const events = io.out.trimEnd().split('\n').map((line) => JSON.parse(line) as RolloutEvent);
    assert.equal(events[0]!.type, 'rollout-started');
    assert.deepEqual(events.at(-1), { ...events.at(-1)!, type: 'rollout-finished', state: 'succeeded' });
    const started = events[0] as Extract<RolloutEvent, { type: 'rollout-started' }>;
    assert.equal(started.plan.strategy, 'config', 'a ConfigMap-only change takes the config strategy');
    assert.match(io.err, /succeeded/, 'the summary goes to stderr in JSON mode');
  });

  it('a bad image fails in the canary wave, is rolled back, and the next wave is never touched (exit 1)', async () => {
    const bad = MINI_ESTATE['services/web/base/deployment.yaml']!.replace('nginx:1.27', 'nginx:doesnotexist');
    writeFileSync(join(estate.dir, 'services/web/base/deployment.yaml'), bad);
    for (const c of sim.fleet.clusters()) c.resetRequests();
    const io = captureIO(estate.dir);
    try {
      assert.equal(await main(['deploy'], io), 1, io.err + io.out);
    } finally {
      writeFileSync(join(estate.dir, 'services/web/base/deployment.yaml'), MINI_ESTATE['services/web/base/deployment.yaml']!);
    }
    assert.match(io.out, /sim-canary: FAILED HEALTH_FAILED: .*(ImagePullBackOff|ErrImagePull)/);
    assert.match(io.out, /sim-canary: rolled back to last-good manifests/);
    assert.match(io.out, /^Rollout r-\S+ rolled-back/m);
    const main_ = sim.fleet.cluster('sim-main').requests();
    assert.equal(main_.create + main_.update + main_.patch + main_.delete, 0, 'wave 2 untouched');
    const web = sim.fleet.cluster('sim-canary').store.get({ group: 'apps', kind: 'Deployment', namespace: 'shop', name: 'web' })!;
    const image = (web.spec as { template: { spec: { containers: { image: string }[] } } }).template.spec.containers[0]!.image;
    assert.equal(image, 'nginx:1.27', 'the canary runs its last-good image again');
  });

  it('a cluster locked by a live rollout is refused clearly (exit 3); --wait-for-lock waits for it', async () => {
    const journal = openJournal(join(estate.dir, '.harbormaster/journal.db'));
    const holder = `${process.pid}@${hostname()}`;
    assert.equal(journal.acquireLock('sim-main', 'r-20260101T000000-abcdef', holder, '2026-01-01T00:00:00Z').ok, true);
    try {
      const io = captureIO(estate.dir);
      assert.equal(await main(['deploy'], io), 3);
      assert.match(io.err, new RegExp(`ROLLOUT_LOCKED: sim-main is locked by rollout r-20260101T000000-abcdef \\(pid ${holder} since 2026-01-01T00:00:00Z\\)`));
      const waiting = captureIO(estate.dir);
      const released = setTimeout(() => journal.releaseLock('sim-main', 'r-20260101T000000-abcdef'), 300);
      const code = await main(['deploy', '--wait-for-lock'], waiting);
      clearTimeout(released);
      assert.equal(code, 0, waiting.err + waiting.out);
      assert.match(waiting.err, /waiting: sim-main is locked by rollout r-20260101T000000-abcdef/);
    } finally {
      journal.releaseLock('sim-main', 'r-20260101T000000-abcdef');
      journal.close();
    }
  });
});

describe('harbormaster deploy with an embedded simulated fleet', () => {
  it('starts a fleet for the sim clusters when none is running, and says so', async () => {
    const estate = tempEstate();
    const saved = process.env.HARBORMASTER_SIM_KUBECONFIG;
    delete process.env.HARBORMASTER_SIM_KUBECONFIG;
    try {
      const io = captureIO(estate.dir);
      assert.equal(await main(['deploy', '--cluster', 'sim-canary'], io), 0, io.err + io.out);
      assert.match(io.err, /started an embedded simulated fleet for 1 cluster/);
      assert.match(io.out, /succeeded/);
    } finally {
      if (saved !== undefined) process.env.HARBORMASTER_SIM_KUBECONFIG = saved;
      estate.remove();
    }
  });
});
