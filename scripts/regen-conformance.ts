/**
 * Regenerates the expected outputs of the kustomize conformance corpus from
 * the oracle, `kubectl kustomize`.
 *
 *   node dist/scripts/regen-conformance.js [filter]
 *
 * For each case (optionally only ids containing `filter`) it writes
 * expected.yaml and, when kustomize warned, expected-stderr.txt; for cases
 * with `expectError` it checks that kubectl fails and records its error in
 * kubectl-error.txt. Exits non-zero if any case disagrees with its case.yaml.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  discoverCases,
  EXPECTED_STDERR,
  EXPECTED_YAML,
  KUBECTL_ERROR,
  mapLimit,
  normaliseKubectlError,
  runKubectl,
  warningLines,
  type ConformanceCase,
} from '../test/conformance/corpus.js';

const CONCURRENCY = 2;

interface Outcome {
  id: string;
  problem?: string;
}

async function regenerate(c: ConformanceCase): Promise<Outcome> {
  const result = await runKubectl(c);
  const write = (name: string, text: string | undefined): void => writeOrRemove(path.join(c.dir, name), text);
  if (c.spec.expectError) {
    if (result.exitCode === 0) return { id: c.id, problem: 'expected an error but kubectl succeeded' };
    write(EXPECTED_YAML, undefined);
    write(EXPECTED_STDERR, undefined);
    write(KUBECTL_ERROR, normaliseKubectlError(result.stderr, c.dir));
    return { id: c.id };
  }
  if (result.exitCode !== 0) {
    const message = normaliseKubectlError(result.stderr, c.dir).trim();
    return { id: c.id, problem: `kubectl failed: ${message}` };
  }
  write(EXPECTED_YAML, result.stdout);
  write(EXPECTED_STDERR, warningLines(result.stderr) || undefined);
  write(KUBECTL_ERROR, undefined);
  return { id: c.id };
}

function writeOrRemove(file: string, text: string | undefined): void {
  if (text === undefined) fs.rmSync(file, { force: true });
  else fs.writeFileSync(file, text);
}

async function main(): Promise<void> {
  const filter = process.argv[2] ?? '';
  const cases = discoverCases(filter);
  if (cases.length === 0) {
    console.error(`no conformance case matches "${filter}"`);
    process.exitCode = 1;
    return;
  }
  const outcomes = await mapLimit(cases, CONCURRENCY, regenerate);
  const problems = outcomes.filter((o) => o.problem);
  for (const p of problems) console.error(`${p.id}: ${p.problem}`);
  const errors = cases.filter((c) => c.spec.expectError).length;
  console.log(`regenerated ${cases.length - problems.length}/${cases.length} cases (${errors} error cases)`);
  if (problems.length) process.exitCode = 1;
}

await main();
