/**
 * Verify benchmark: Harbormaster against @monokle/validation in the same run.
 *
 *   npm run bench:verify [-- --count 2000] [--runs 3]
 *
 * (1) Speed: generated workloads (scripts/gen-workloads.ts: N Deployments,
 * N Services, 20 Namespaces) checked from YAML text by each tool, time per
 * object, best of --runs after a first (cold) run. Harbormaster runs every
 * built-in rule (Pod Security, hardening, schema) and locates each finding;
 * Monokle runs its offline core plugins pod-security-standards (every rule,
 * restricted ones included) and practices (its defaults), loaded from the
 * package itself (DefaultPluginLoader: nothing is fetched).
 * (2) Agreement with the Pod Security corpus (../shared/conformance/pod-security,
 * read now): each fixture's expected verdict (pass/ or fail/) for its level
 * and policy version. Monokle has no levels or versions: a baseline fixture
 * counts its baseline rules (PSS1xx), a restricted one all its PSS rules.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DefaultPluginLoader, DisabledFixer, MonokleValidator, ResourceParser, SchemaLoader, type Resource as MonokleResource } from '@monokle/validation';
import { parseAllDocuments } from 'yaml';
import { isObject, type JsonObject } from '../src/core/json.js';
import { Resource } from '../src/core/resource.js';
import { MemoryFileSystem } from '../src/fs/memory.js';
import { checkResources, verifyResources } from '../src/verify/engine.js';
import { SourceLocator } from '../src/verify/locate.js';
import { parseVersion, type Level, type PolicyVersion } from '../src/verify/pss/index.js';
import { podSecurityRule } from '../src/verify/pss/rule.js';
import type { Rule } from '../src/verify/rule.js';
import { parseDocuments } from '../src/yaml/parse.js';
import { generateWorkloads, type GeneratedFile } from './gen-workloads.js';

const CORPUS = resolve('..', 'shared', 'conformance', 'pod-security');

interface Args {
  count: number;
  runs: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { count: 2000, runs: 3 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--count') args.count = Number(argv[++i]);
    else if (argv[i] === '--runs') args.runs = Number(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return args;
}

/** First run, then the best of `runs` more. */
async function timeRuns(runs: number, body: () => Promise<number> | number): Promise<{ coldMs: number; bestMs: number; result: number }> {
  let start = performance.now();
  const result = await body();
  const coldMs = performance.now() - start;
  let bestMs = Infinity;
  for (let i = 0; i < runs; i++) {
    start = performance.now();
    await body();
    bestMs = Math.min(bestMs, performance.now() - start);
  }
  return { coldMs, bestMs, result };
}

// ---- Harbormaster -------------------------------------------------------

/** What `harbormaster verify DIR` does: parse every file once, run the rules, locate every finding. */
function harbormasterCheck(files: readonly GeneratedFile[], fs: MemoryFileSystem, rules?: Rule[]): number {
  const { resources, locator } = harbormasterParse(files, fs);
  return verifyResources(resources, { fs, locator, today: '2026-01-01', ...(rules ? { rules } : {}) }).findings.length;
}

function harbormasterParse(files: readonly GeneratedFile[], fs: MemoryFileSystem): { resources: Resource[]; locator: SourceLocator } {
  const resources: Resource[] = [];
  const locator = new SourceLocator(fs);
  for (const f of files) {
    const file = `/bench/${f.path}`;
    const docs = parseDocuments(f.text, file);
    locator.remember(file, docs);
    for (const doc of docs) if (isObject(doc.value)) resources.push(new Resource(doc.value, { file, line: doc.line }));
  }
  return { resources, locator };
}

/** Rules alone, on objects already parsed, findings left at their document line. */
function harbormasterRulesOnly(resources: readonly Resource[], fs: MemoryFileSystem): number {
  const locator = { locate: (r: Resource) => ({ file: r.origin.file, line: r.origin.line }) } as unknown as SourceLocator;
  return checkResources(resources, { fs, locator }).findings.length;
}

// ---- Monokle ------------------------------------------------------------

const PSS_RESTRICTED_RULES = ['PSS201', 'PSS202', 'PSS203', 'PSS204', 'PSS205', 'PSS206'];

async function monokleValidator(plugins: Record<string, boolean> = { 'pod-security-standards': true, practices: true }): Promise<MonokleValidator> {
  // DefaultPluginLoader only knows the bundled core plugins; it never downloads one. The schema
  // loader is required by the constructor but only the kubernetes-schema plugin (not loaded) uses it.
  const validator = new MonokleValidator({
    loader: new DefaultPluginLoader(), parser: new ResourceParser(), suppressors: [], fixer: new DisabledFixer(), schemaLoader: new SchemaLoader(),
  });
  await validator.preload({
    plugins,
    rules: Object.fromEntries(PSS_RESTRICTED_RULES.map((id) => [id, 'err'])),
  });
  return validator;
}

/** Monokle's input: one resource per document, with its text and parsed content (what its CLI builds). */
function monokleResources(files: readonly { path: string; text: string }[]): MonokleResource[] {
  const out: MonokleResource[] = [];
  for (const f of files) {
    let offset = 0;
    for (const [i, chunk] of f.text.split(/^---\n/m).entries()) {
      const content = parseAllDocuments(chunk)[0]?.toJS() as JsonObject | null;
      if (isObject(content ?? undefined)) {
        const meta = (content!.metadata ?? {}) as JsonObject;
        out.push({
          id: `${f.path}#${i}`,
          fileId: f.path,
          filePath: f.path,
          fileOffset: offset,
          name: String(meta.name ?? ''),
          apiVersion: String(content!.apiVersion ?? ''),
          kind: String(content!.kind ?? ''),
          namespace: typeof meta.namespace === 'string' ? meta.namespace : undefined,
          content,
          text: chunk,
        });
      }
      offset += chunk.split('\n').length;
    }
  }
  return out;
}

async function monokleCheck(validator: MonokleValidator, files: readonly GeneratedFile[]): Promise<number> {
  const response = await validator.validate({ resources: monokleResources(files) });
  return response.runs.reduce((n, run) => n + run.results.length, 0);
}

// ---- Pod Security corpus ------------------------------------------------

interface Fixture {
  file: string;
  level: Level;
  version: PolicyVersion;
  expectFail: boolean;
  text: string;
  obj: JsonObject;
}

function loadCorpus(): Fixture[] {
  const out: Fixture[] = [];
  for (const level of ['baseline', 'restricted'] as const) {
    for (const dir of readdirSync(join(CORPUS, level)).sort()) {
      const version = parseVersion(dir);
      if (version === undefined) continue;
      for (const outcome of ['pass', 'fail']) out.push(...loadFolder(join(CORPUS, level, dir, outcome), level, version, outcome === 'fail'));
    }
  }
  return out;
}

function loadFolder(folder: string, level: Level, version: PolicyVersion, expectFail: boolean): Fixture[] {
  if (!existsSync(folder)) return [];
  const out: Fixture[] = [];
  for (const name of readdirSync(folder).filter((n) => n.endsWith('.yaml')).sort()) {
    const file = join(folder, name);
    const text = readFileSync(file, 'utf8');
    const value = parseDocuments(text, file)[0]?.value;
    if (isObject(value)) out.push({ file, level, version, expectFail, text, obj: value });
  }
  return out;
}

function harbormasterAgreement(fixtures: readonly Fixture[]): Agreement {
  const failed = new Set<string>();
  const groups = new Map<string, Fixture[]>();
  for (const f of fixtures) groups.set(`${f.level}/${f.version}`, [...(groups.get(`${f.level}/${f.version}`) ?? []), f]);
  for (const group of groups.values()) {
    const { level, version } = group[0]!;
    const rule = podSecurityRule({ defaultPolicy: { level, version } });
    const resources = group.map((f) => new Resource(f.obj, { file: f.file, line: 1 }));
    const { findings } = checkResources(resources, { rules: [rule], fs: new MemoryFileSystem() });
    for (const x of findings) failed.add(x.source.file);
  }
  return tally(fixtures, (f) => failed.has(f.file));
}

/** Agreed fixtures, and of the others how many the tool passed though they should fail (and the reverse). */
interface Agreement {
  agree: number;
  missed: number;
  extra: number;
}

function tally(fixtures: readonly Fixture[], failed: (f: Fixture) => boolean): Agreement {
  const out: Agreement = { agree: 0, missed: 0, extra: 0 };
  for (const f of fixtures) {
    const verdict = failed(f);
    if (verdict === f.expectFail) out.agree++;
    else if (f.expectFail) out.missed++;
    else out.extra++;
  }
  return out;
}

async function monokleAgreement(validator: MonokleValidator, fixtures: readonly Fixture[]): Promise<Agreement> {
  const resources = monokleResources(fixtures.map((f) => ({ path: f.file, text: f.text })));
  const response = await validator.validate({ resources });
  const baselineFail = new Set<string>();
  const anyFail = new Set<string>();
  for (const run of response.runs) {
    for (const result of run.results) {
      if (!result.ruleId.startsWith('PSS')) continue;
      // The second location names the resource by the id we gave it: `<file>#<document>`.
      const resourceId = result.locations?.[1]?.physicalLocation?.artifactLocation?.uri ?? '';
      const file = resourceId.replace(/#\d+$/, '');
      anyFail.add(file);
      if (result.ruleId.startsWith('PSS1')) baselineFail.add(file);
    }
  }
  return tally(fixtures, (f) => (f.level === 'baseline' ? baselineFail : anyFail).has(f.file));
}

// ---- Report -------------------------------------------------------------

const percent = (n: number, total: number): string => `${((100 * n) / total).toFixed(2)}%`;
const micros = (ms: number, objects: number): string => `${((ms * 1000) / objects).toFixed(1)} µs`;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const files = generateWorkloads(args.count);
  const objects = files.reduce((n, f) => n + f.objects, 0);
  const fs = new MemoryFileSystem();
  for (const f of files) fs.write(`/bench/${f.path}`, f.text);
  process.stderr.write(`${files.length} files, ${objects} objects\n`);

  const hm = await timeRuns(args.runs, () => harbormasterCheck(files, fs));
  process.stderr.write(`harbormaster: ${hm.result} findings\n`);
  const validator = await monokleValidator();
  const mk = await timeRuns(args.runs, () => monokleCheck(validator, files));
  process.stderr.write(`monokle: ${mk.result} results\n`);
  // Pod Security alone, each tool with its Pod Security checks only.
  const pssRule = [podSecurityRule({ defaultPolicy: { level: 'restricted', version: 'latest' } })];
  const hmPss = await timeRuns(args.runs, () => harbormasterCheck(files, fs, pssRule));
  const pssValidator = await monokleValidator({ 'pod-security-standards': true });
  const mkPss = await timeRuns(args.runs, () => monokleCheck(pssValidator, files));
  // Where Harbormaster's time goes.
  const parse = await timeRuns(args.runs, () => harbormasterParse(files, fs).resources.length);
  const parsed = harbormasterParse(files, fs).resources;
  const rulesOnly = await timeRuns(args.runs, () => harbormasterRulesOnly(parsed, fs));

  const fixtures = loadCorpus();
  const hmAgree = harbormasterAgreement(fixtures);
  const mkAgree = await monokleAgreement(validator, fixtures);

  const lines = [
    `| | Harbormaster | @monokle/validation |`,
    `| --- | --- | --- |`,
    `| objects checked | ${objects} | ${objects} |`,
    `| findings / results | ${hm.result} | ${mk.result} |`,
    `| first run | ${hm.coldMs.toFixed(0)} ms | ${mk.coldMs.toFixed(0)} ms |`,
    `| best of ${args.runs} | ${hm.bestMs.toFixed(0)} ms | ${mk.bestMs.toFixed(0)} ms |`,
    `| per object (best) | ${micros(hm.bestMs, objects)} | ${micros(mk.bestMs, objects)} |`,
    `| Pod Security checks only, per object (best) | ${micros(hmPss.bestMs, objects)} | ${micros(mkPss.bestMs, objects)} |`,
    `| Pod Security corpus agreement | ${hmAgree.agree}/${fixtures.length} (${percent(hmAgree.agree, fixtures.length)}) | ${mkAgree.agree}/${fixtures.length} (${percent(mkAgree.agree, fixtures.length)}) |`,
    `| corpus: violations missed / reported wrongly | ${hmAgree.missed} / ${hmAgree.extra} | ${mkAgree.missed} / ${mkAgree.extra} |`,
    '',
    `Harbormaster is ${(mk.bestMs / hm.bestMs).toFixed(1)}× faster per object (best runs; ${(mk.coldMs / hm.coldMs).toFixed(1)}× on the first run);`,
    `with Pod Security checks only, ${(mkPss.bestMs / hmPss.bestMs).toFixed(1)}× faster.`,
    `Harbormaster's ${micros(hm.bestMs, objects)} per object: parsing YAML ${micros(parse.bestMs, objects)}, running the rules ${micros(rulesOnly.bestMs, objects)},`,
    `locating findings and the rest ${micros(Math.max(0, hm.bestMs - parse.bestMs - rulesOnly.bestMs), objects)}.`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
