/**
 * The kustomize conformance corpus on disk: discovering cases, reading their
 * `case.yaml`, and running `kubectl kustomize` over them. Shared by the
 * conformance test and by scripts/regen-conformance.ts, so both read the
 * corpus the same way.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

export interface CaseSpec {
  description: string;
  /** Kustomization directory relative to `input/`. */
  root: string;
  loadRestrictor: 'rootOnly' | 'none';
  /** A RenderCode value when the build must fail. */
  expectError?: string;
}

export interface ConformanceCase {
  /** `<area>/<NNN-name>`, used as the test name and by the regen filter. */
  id: string;
  area: string;
  dir: string;
  inputDir: string;
  spec: CaseSpec;
}

export interface KubectlResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Written files: stdout, the `# Warning:` lines, and the normalised error line. */
export const EXPECTED_YAML = 'expected.yaml';
export const EXPECTED_STDERR = 'expected-stderr.txt';
export const KUBECTL_ERROR = 'kubectl-error.txt';
export const CASE_PLACEHOLDER = '<CASE>';
/** Go pointer values (`&{0xc00078dc70 <nil>}`) differ per run; they are replaced by this. */
export const POINTER_PLACEHOLDER = '<PTR>';

/** The repository root, found by walking up from this module (works from src and from dist). */
export function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

export function casesDir(): string {
  return path.join(repoRoot(), 'test', 'conformance', 'cases');
}

/** Every case, sorted by id; `filter` keeps ids containing it. */
export function discoverCases(filter = ''): ConformanceCase[] {
  const base = casesDir();
  const found: ConformanceCase[] = [];
  for (const area of listDirs(base)) {
    for (const name of listDirs(path.join(base, area))) {
      const dir = path.join(base, area, name);
      if (!fs.existsSync(path.join(dir, 'case.yaml'))) continue;
      const id = `${area}/${name}`;
      if (filter && !id.includes(filter)) continue;
      found.push({ id, area, dir, inputDir: path.join(dir, 'input'), spec: readCaseSpec(dir) });
    }
  }
  return found;
}

function listDirs(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

export function readCaseSpec(caseDir: string): CaseSpec {
  const raw = parseYaml(fs.readFileSync(path.join(caseDir, 'case.yaml'), 'utf8')) as Record<string, unknown>;
  const spec: CaseSpec = {
    description: String(raw['description'] ?? ''),
    root: typeof raw['root'] === 'string' ? raw['root'] : '.',
    loadRestrictor: raw['loadRestrictor'] === 'none' ? 'none' : 'rootOnly',
  };
  if (typeof raw['expectError'] === 'string') spec.expectError = raw['expectError'];
  return spec;
}

/** Every file under `dir`, as paths relative to it (POSIX separators), sorted. */
export function listFilesRecursive(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listFilesRecursive(path.join(dir, e.name), rel));
    else if (e.isFile()) out.push(rel);
  }
  return out.sort();
}

export function readOptional(file: string): string | undefined {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

export function kubectlArgs(c: ConformanceCase): string[] {
  const args = ['kustomize', path.join(c.inputDir, c.spec.root)];
  if (c.spec.loadRestrictor === 'none') args.push('--load-restrictor', 'LoadRestrictionsNone');
  return args;
}

/** Runs `kubectl kustomize` on the case; never rejects on a non-zero exit. */
export function runKubectl(c: ConformanceCase): Promise<KubectlResult> {
  return new Promise((resolve, reject) => {
    execFile(
      'kubectl',
      kubectlArgs(c),
      { cwd: c.inputDir, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8', timeout: 60_000 },
      (err, stdout, stderr) => {
        if (err && typeof (err as NodeJS.ErrnoException).code === 'string') return reject(err);
        const exitCode = err ? Number((err as { code?: number }).code ?? 1) : 0;
        resolve({ exitCode, stdout, stderr });
      },
    );
  });
}

/** The `# Warning:` lines kustomize writes for deprecated fields, one per line, or '' when none. */
export function warningLines(stderr: string): string {
  const lines = stderr.split('\n').filter((l) => l.startsWith('# Warning:'));
  return lines.length ? lines.join('\n') + '\n' : '';
}

/**
 * kubectl's failure message without the klog prefix, with the case's absolute
 * directory replaced by `<CASE>` and Go pointer values by `<PTR>`, so the text
 * depends neither on the checkout nor on the run.
 * klog prints `err="…"` (Go-quoted) for one line and `err=<` + tab-indented
 * lines + ` >` for several.
 */
export function normaliseKubectlError(stderr: string, caseDir: string): string {
  const message = extractKlogError(stderr);
  const dirs = new Set([caseDir, safeRealPath(caseDir)]);
  let text = message;
  for (const d of [...dirs].sort((a, b) => b.length - a.length)) text = text.split(d).join(CASE_PLACEHOLDER);
  text = text.replace(/0xc[0-9a-f]{6,}/g, POINTER_PLACEHOLDER);
  return text.endsWith('\n') ? text : text + '\n';
}

function extractKlogError(stderr: string): string {
  const lines = stderr.split('\n').filter((l) => !l.startsWith('# Warning:'));
  // A Go panic is followed by a goroutine dump full of run-specific addresses: keep its first line.
  const panic = lines.find((l) => l.startsWith('panic: '));
  if (panic) return panic;
  const start = lines.findIndex((l) => l.includes('"command failed" err='));
  if (start < 0) return lines.join('\n').trim();
  const head = lines[start]!;
  const after = head.slice(head.indexOf('err=') + 4);
  if (after.startsWith('<')) {
    const body: string[] = [];
    for (const l of lines.slice(start + 1)) {
      if (l === ' >') break;
      body.push(l.startsWith('\t') ? l.slice(1) : l);
    }
    return body.join('\n').trimEnd();
  }
  return unquoteGo(after.trim());
}

/** Undoes Go's strconv.Quote for the escapes klog emits. */
function unquoteGo(quoted: string): string {
  if (!quoted.startsWith('"')) return quoted;
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return quoted.slice(1, -1).replace(/\\(["\\])/g, '$1');
  }
}

function safeRealPath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

export { mapLimit } from '../../src/core/map-limit.js';
