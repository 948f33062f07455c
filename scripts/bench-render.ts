/**
 * Render benchmark: Harbormaster against `kubectl kustomize` in the same run.
 *
 *   npm run bench:render [-- --runs 5] [--skip-300]
 *
 * Scenarios: (a) the example estate, every active cluster; (b) 12 region
 * overlays over a 20-app base; (c) the same over a 300-app base. For each:
 * kubectl runs one process per overlay, as users run it; Harbormaster renders
 * the whole fleet in one process. Also one overlay alone, both including
 * process start. Prints times, ratios, peak memory and byte-identity.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateFleet } from './gen-fleet.js';
import { writeEstateCompositions } from './estate-compositions.js';

const CLI = resolve('dist/cli/harbormaster.mjs');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

interface Timed {
  ms: number;
  peakKb: number;
  stdout: string;
}

/** Runs a command, measuring wall time and (where /usr/bin/time exists) peak RSS. */
function timed(cmd: string, args: string[]): Timed {
  const [file, argv] = TIME ? [TIME, ['-f', '%M', cmd, ...args]] : [cmd, args];
  const start = process.hrtime.bigint();
  const run = spawnSync(file, argv, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${run.stderr}`);
  const peakKb = TIME ? Number(run.stderr.trim().split('\n').pop()) : 0;
  return { ms, peakKb, stdout: run.stdout };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

interface FleetResult {
  name: string;
  objects: number;
  kubectlMs: number;
  hmMs: number;
  kubectlPeakMb: number;
  hmPeakMb: number;
  identical: string;
}

/** kubectl: one process per overlay, sequential. Harbormaster: one process for all. Median of `runs`. */
function benchFleet(name: string, overlays: string[], runs: number): FleetResult {
  const out = mkdtempSync(join(tmpdir(), 'hm-bench-out-'));
  const kubectl: number[] = [];
  const hm: number[] = [];
  let kubectlPeak = 0;
  let hmPeak = 0;
  let expected: string[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    expected = overlays.map((dir) => {
      const run = timed('kubectl', ['kustomize', dir]);
      kubectlPeak = Math.max(kubectlPeak, run.peakKb);
      return run.stdout;
    });
    kubectl.push(Number(process.hrtime.bigint() - start) / 1e6);
    const run = timed('node', [CLI, 'kustomize', '--out', out, ...overlays]);
    hm.push(run.ms);
    hmPeak = Math.max(hmPeak, run.peakKb);
  }
  const same = overlays.filter((_, i) => readFileSync(join(out, `${i + 1}.yaml`), 'utf8') === expected[i]).length;
  rmSync(out, { recursive: true, force: true });
  return {
    name,
    objects: expected.reduce((n, text) => n + (text.match(/^kind: /gm)?.length ?? 0), 0),
    kubectlMs: median(kubectl),
    hmMs: median(hm),
    kubectlPeakMb: kubectlPeak / 1024,
    hmPeakMb: hmPeak / 1024,
    identical: `${same}/${overlays.length}`,
  };
}

/** One overlay, each tool as a fresh process: the start-up cost users feel in a loop. */
function benchSingle(name: string, dir: string, runs: number): FleetResult {
  const kubectl: number[] = [];
  const hm: number[] = [];
  let identical = true;
  let objects = 0;
  for (let i = 0; i < runs; i++) {
    const k = timed('kubectl', ['kustomize', dir]);
    const h = timed('node', [CLI, 'kustomize', dir]);
    kubectl.push(k.ms);
    hm.push(h.ms);
    identical &&= k.stdout === h.stdout;
    objects = k.stdout.match(/^kind: /gm)?.length ?? 0;
  }
  return {
    name, objects, kubectlMs: median(kubectl), hmMs: median(hm), kubectlPeakMb: 0, hmPeakMb: 0,
    identical: identical ? 'yes' : 'NO',
  };
}

function printRow(r: FleetResult): void {
  const ratio = (r.kubectlMs / r.hmMs).toFixed(1);
  const mem = r.hmPeakMb ? ` | ${r.kubectlPeakMb.toFixed(0)} MB | ${r.hmPeakMb.toFixed(0)} MB` : ' | – | –';
  process.stdout.write(
    `| ${r.name} | ${r.objects} | ${r.kubectlMs.toFixed(0)} ms | ${r.hmMs.toFixed(0)} ms | **${ratio}×**${mem} | ${r.identical} |\n`,
  );
}

function main(argv: string[]): void {
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 5;
  const work = mkdtempSync(join(tmpdir(), 'hm-bench-'));
  const kubectlVersion = execFileSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).replace(/\n/g, '; ');
  process.stdout.write(`node ${process.version}; ${kubectlVersion}\nmedian of ${runs} runs\n\n`);
  process.stdout.write('| scenario | objects | kubectl kustomize | harbormaster | ratio | kubectl peak RSS (max process) | harbormaster peak RSS | identical |\n');
  process.stdout.write('|---|---|---|---|---|---|---|---|\n');
  const estateCopy = join(work, 'estate');
  cpSync('examples/acme-estate', estateCopy, { recursive: true });
  const estateRoots = writeEstateCompositions(estateCopy);
  printRow(benchFleet(`example estate (${estateRoots.length} clusters)`, estateRoots, runs));
  const fleet20 = generateFleet(join(work, 'fleet20'), { apps: 20, regions: 12 });
  printRow(benchFleet('12 overlays × 20-app base', fleet20, runs));
  printRow(benchSingle('1 overlay × 20-app base (process start included)', fleet20[0] as string, runs * 2));
  if (!argv.includes('--skip-300')) {
    const fleet300 = generateFleet(join(work, 'fleet300'), { apps: 300, regions: 12 });
    printRow(benchFleet('12 overlays × 300-app base', fleet300, Math.max(1, Math.ceil(runs / 3))));
    printRow(benchSingle('1 overlay × 300-app base (process start included)', fleet300[0] as string, runs));
  }
  rmSync(work, { recursive: true, force: true });
}

main(process.argv.slice(2));
