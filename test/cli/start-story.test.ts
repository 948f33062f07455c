import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import { runDeployStory } from '../../src/rollout/deploy/story.js';
import { createEventRenderer } from '../../src/rollout/ui/index.js';
import { captureIO, tempEstate } from './deploy-helpers.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));

function examplesStatus(): string {
  try {
    return execFileSync('git', ['status', '--porcelain', '--', 'examples'], { cwd: REPO, encoding: 'utf8' });
  } catch {
    return 'git unavailable';
  }
}

describe('npm start: the whole story on the example estate', () => {
  it('renders, deploys wave by wave, takes the config fast path, rolls back a bad canary, and prints DORA figures', async () => {
    const before = examplesStatus();
    const io = captureIO();
    const code = await main(['start', '--estate', 'examples/acme-estate', '--speed', '20'], io);
    assert.equal(code, 0, `${io.err}\n${io.out.slice(-4000)}`);
    const out = io.out;
    // The render summary stays at the top, as before the deploy story existed.
    assert.match(out, /^Estate "acme": 10 active \+ 2 planned clusters/);
    const outcomes = [...out.matchAll(/^Rollout (r-\S+) (\S+) in \S+ \(strategy (\w+), (\d+) waves?, (\d+) clusters?\)/gm)].map((m) => [m[2], m[3], m[5]]);
    assert.deepEqual(outcomes, [
      ['succeeded', 'default', '10'],
      ['succeeded', 'config', '10'],
      ['rolled-back', 'default', '10'],
    ]);
    const third = out.slice(out.indexOf('3/3  '));
    assert.match(third, /prod-ca-central-1: FAILED HEALTH_FAILED: .*policy-engine.*(ImagePullBackOff|ErrImagePull)/);
    assert.match(third, /prod-ca-central-1: rolled back to last-good manifests/);
    assert.doesNotMatch(third, /wave 2\/3 \w+: started/, 'the rollout stops in the canary wave');
    assert.match(out, /deployment frequency\s+2 deployments/);
    assert.match(out, /change failure rate\s+33\.3% \(1 of 3 finished rollouts/);
    assert.match(out, /lead time for changes\s+median/);
    assert.equal(examplesStatus(), before, 'the story edits the estate in memory only');
  });
});

describe('the deploy story, on a small estate', () => {
  it('tells three rollouts: succeeded, succeeded through the config fast path, rolled back in the canary wave', async () => {
    const estate = tempEstate();
    let said = '';
    let logged = '';
    try {
      const story = await runDeployStory({
        estateDir: estate.dir,
        speed: 20,
        edits: {
          config: { file: 'services/web/base/kustomization.yaml', from: 'GREETING=hello', to: 'GREETING=bonjour', says: 'GREETING=bonjour' },
          badImage: { file: 'services/web/base/deployment.yaml', from: 'nginx:1.27', to: 'nginx:doesnotexist', says: 'nginx:doesnotexist' },
        },
        io: {
          say: (text) => void (said += text),
          renderer: () => createEventRenderer({ mode: 'plain', out: { write: (t) => void (logged += t) } }),
        },
      });
      const chapters = story.chapters.map((c) => [c.plan.strategy, c.outcome.state, c.outcome.failures.map((f) => f.wave)]);
      assert.deepEqual(chapters, [
        ['default', 'succeeded', []],
        ['config', 'succeeded', []],
        ['default', 'rolled-back', [0]],
      ]);
      assert.match(said, /2\/3 {2}A config-only change \(GREETING=bonjour\): the fast path/);
      assert.match(logged, /sim-canary: rolled back to last-good manifests/);
      assert.match(story.history, /change failure rate\s+33\.3%/);
    } finally {
      estate.remove();
    }
  });
});
