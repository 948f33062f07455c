/**
 * Pod Security corpus: every fixture the upstream admission generates for
 * each level and policy version must get the same verdict from checkPod —
 * no violation for `pass/` files, at least one for `fail/` files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isObject, type JsonObject } from '../../src/core/json.js';
import { parseDocuments } from '../../src/yaml/parse.js';
import { checkPod, formatViolations, parseVersion, podOf, type Level, type PolicyVersion } from '../../src/verify/pss/index.js';

interface Fixture {
  file: string;
  level: Level;
  version: PolicyVersion;
  expectPass: boolean;
  obj: JsonObject;
}

function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found');
    dir = parent;
  }
  return dir;
}

const CORPUS = path.join(repoRoot(), '..', 'shared', 'conformance', 'pod-security');

function loadCorpus(): Fixture[] {
  const fixtures: Fixture[] = [];
  for (const level of ['baseline', 'restricted'] as const) {
    for (const versionDir of fs.readdirSync(path.join(CORPUS, level)).sort()) {
      const version = parseVersion(versionDir);
      assert.ok(version !== undefined, `unexpected version folder ${versionDir}`);
      for (const outcome of ['pass', 'fail'] as const) {
        const dir = path.join(CORPUS, level, versionDir, outcome);
        for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort()) {
          const file = path.join(dir, name);
          const [doc] = parseDocuments(fs.readFileSync(file, 'utf8'), file);
          assert.ok(doc && isObject(doc.value), `${file}: not an object`);
          fixtures.push({ file, level, version, expectPass: outcome === 'pass', obj: doc.value });
        }
      }
    }
  }
  return fixtures;
}

/** Best of a few further passes over the corpus, once the code is warm. */
function warmMicrosPerPod(fixtures: readonly Fixture[]): number {
  const pods = fixtures.map((f) => ({ f, pod: podOf(f.obj)! }));
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const start = performance.now();
    for (const { f, pod } of pods) checkPod(pod, f.level, f.version);
    best = Math.min(best, performance.now() - start);
  }
  return (1000 * best) / pods.length;
}

test('pod security corpus: 100% agreement with the upstream admission', { skip: !fs.existsSync(CORPUS) && `corpus not found at ${CORPUS}` }, (t) => {
  const parseStart = performance.now();
  const fixtures = loadCorpus();
  const parseMs = performance.now() - parseStart;

  const disagreements: string[] = [];
  const counts = { pass: 0, fail: 0 };
  const checkStart = performance.now();
  for (const f of fixtures) {
    const pod = podOf(f.obj);
    assert.ok(pod, `${f.file}: no pod found`);
    const violations = checkPod(pod, f.level, f.version);
    counts[f.expectPass ? 'pass' : 'fail']++;
    if (f.expectPass !== (violations.length === 0)) {
      const got = violations.length === 0 ? 'allowed' : `forbidden: ${formatViolations(violations)}`;
      disagreements.push(`${path.relative(CORPUS, f.file)}: expected ${f.expectPass ? 'pass' : 'fail'}, got ${got}`);
    }
  }
  const checkMs = performance.now() - checkStart;

  const warmMicros = warmMicrosPerPod(fixtures);
  const agreed = fixtures.length - disagreements.length;
  t.diagnostic(`fixtures: ${fixtures.length} (pass ${counts.pass}, fail ${counts.fail}); agreement ${agreed}/${fixtures.length} = ${((100 * agreed) / fixtures.length).toFixed(2)}%`);
  t.diagnostic(`parse ${parseMs.toFixed(0)} ms; checkPod first pass ${checkMs.toFixed(1)} ms (${((1000 * checkMs) / fixtures.length).toFixed(1)} µs/pod), warm ${warmMicros.toFixed(1)} µs/pod`);
  assert.ok(fixtures.length > 4000, `expected the full corpus, found ${fixtures.length} fixtures`);
  assert.deepEqual(disagreements, []);
});
