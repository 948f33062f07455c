/**
 * Kustomize conformance: every case under test/conformance/cases is rendered
 * in memory and compared byte for byte with the output `kubectl kustomize`
 * produced (expected.yaml, expected-stderr.txt), or, for error cases, checked
 * for the expected diagnostic code. When kubectl is on PATH (and
 * HM_SKIP_KUBECTL is unset) each case is also re-run through kubectl, so the
 * recorded outputs cannot drift from the oracle.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MemoryFileSystem } from '../../src/fs/memory.js';
import type { FileSystem } from '../../src/fs/filesystem.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import {
  discoverCases,
  EXPECTED_STDERR,
  EXPECTED_YAML,
  KUBECTL_ERROR,
  listFilesRecursive,
  normaliseKubectlError,
  readOptional,
  runKubectl,
  warningLines,
  type ConformanceCase,
} from './corpus.js';

/** Where each case's input/ tree is mounted in the in-memory file system. */
const MOUNT = '/case';
const KUBECTL_CONCURRENCY = 2;
const WARNING_PREFIX = '# Warning: ';

interface RenderResult {
  yaml: string;
  warnings: Diagnostic[];
}
type RenderFn = (fs: FileSystem, dir: string, options?: { loadRestrictor?: 'rootOnly' | 'none' }) => RenderResult;

/**
 * The renderer is imported by a computed specifier so this file compiles and
 * runs even while the engine is incomplete: a failed import turns every
 * render case into a failing test instead of crashing the runner.
 */
async function loadRenderer(): Promise<RenderFn | Error> {
  // HM_CONFORMANCE_RENDERER (a module URL) lets the harness itself be checked against another renderer.
  const specifier = process.env['HM_CONFORMANCE_RENDERER'] ?? '../../src/render/index.js';
  try {
    const mod = (await import(specifier)) as { renderKustomization?: unknown };
    if (typeof mod.renderKustomization !== 'function') return new Error('renderKustomization is not exported');
    return mod.renderKustomization as RenderFn;
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}

function mountInput(c: ConformanceCase): MemoryFileSystem {
  const memfs = new MemoryFileSystem();
  memfs.mkdirp(MOUNT);
  for (const rel of listFilesRecursive(c.inputDir)) {
    memfs.write(path.posix.join(MOUNT, rel), fs.readFileSync(path.join(c.inputDir, rel)));
  }
  return memfs;
}

/** A warning matches a `# Warning: …` line by its message text. */
function warningMessages(lines: string): string[] {
  return lines
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => (l.startsWith(WARNING_PREFIX) ? l.slice(WARNING_PREFIX.length) : l));
}

function diagnosticsOf(err: unknown): Diagnostic[] | undefined {
  const diagnostics = (err as { diagnostics?: unknown } | null)?.diagnostics;
  return Array.isArray(diagnostics) ? (diagnostics as Diagnostic[]) : undefined;
}

function checkRender(c: ConformanceCase, render: RenderFn): void {
  const memfs = mountInput(c);
  const dir = path.posix.join(MOUNT, c.spec.root);
  const options = { loadRestrictor: c.spec.loadRestrictor };
  if (c.spec.expectError) {
    let result: RenderResult | undefined;
    try {
      result = render(memfs, dir, options);
    } catch (err) {
      const codes = diagnosticsOf(err)?.map((d) => d.code);
      assert.ok(codes, `expected a DiagnosticError with ${c.spec.expectError}, got: ${String(err)}`);
      assert.ok(codes.includes(c.spec.expectError), `expected ${c.spec.expectError}, got ${codes.join(', ')}`);
      return;
    }
    assert.fail(`expected ${c.spec.expectError} but the render succeeded:\n${result.yaml}`);
  }
  const result = render(memfs, dir, options);
  assert.equal(result.yaml, fs.readFileSync(path.join(c.dir, EXPECTED_YAML), 'utf8'));
  const expectedStderr = readOptional(path.join(c.dir, EXPECTED_STDERR));
  if (expectedStderr !== undefined) {
    assert.deepEqual(
      result.warnings.map((w) => warningMessages(w.message).join('\n')),
      warningMessages(expectedStderr),
    );
  }
}

async function checkKubectl(c: ConformanceCase): Promise<void> {
  const result = await runKubectl(c);
  if (c.spec.expectError) {
    assert.notEqual(result.exitCode, 0, 'kubectl no longer fails on this case');
    const recorded = readOptional(path.join(c.dir, KUBECTL_ERROR));
    if (recorded !== undefined) assert.equal(normaliseKubectlError(result.stderr, c.dir), recorded);
    return;
  }
  assert.equal(result.exitCode, 0, `kubectl failed:\n${result.stderr}`);
  assert.equal(result.stdout, fs.readFileSync(path.join(c.dir, EXPECTED_YAML), 'utf8'));
  assert.equal(warningLines(result.stderr), readOptional(path.join(c.dir, EXPECTED_STDERR)) ?? '');
}

function kubectlAvailable(): boolean {
  if (process.env['HM_SKIP_KUBECTL'] !== undefined) return false;
  return spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;
}

const cases = discoverCases(process.env['HM_CONFORMANCE_FILTER'] ?? '');
const renderer = await loadRenderer();
const passed = new Set<string>();

describe('kustomize conformance: render', () => {
  for (const c of cases) {
    test(c.id, () => {
      if (renderer instanceof Error) throw new Error(`renderer unavailable: ${renderer.message}`);
      checkRender(c, renderer);
      passed.add(c.id);
    });
  }
  // Runs after the cases above (a suite's tests run in order) and reports the tally.
  test('summary', (t) => t.diagnostic(summaryLine()));
});

describe('kustomize conformance: kubectl still agrees', { concurrency: KUBECTL_CONCURRENCY }, () => {
  const skip = kubectlAvailable() ? false : 'kubectl not on PATH or HM_SKIP_KUBECTL set';
  for (const c of cases) test(c.id, { skip, timeout: 60_000 }, () => checkKubectl(c));
});

function summaryLine(): string {
  const errorCases = cases.filter((c) => c.spec.expectError);
  const errorsPassed = errorCases.filter((c) => passed.has(c.id)).length;
  const outputs = cases.length - errorCases.length;
  return (
    `conformance summary: ${passed.size}/${cases.length} cases render as kubectl does ` +
    `(output cases ${passed.size - errorsPassed}/${outputs}, error cases ${errorsPassed}/${errorCases.length})`
  );
}
