import { resolve } from 'node:path';
import { DiagnosticError, formatDiagnostic } from '../core/diagnostic.js';
import { loadEstate, renderFleet, resolveCluster, summariseCluster, formatBytes } from '../estate/index.js';
import type { ClusterSummary, Estate, ResolvedCluster } from '../estate/index.js';
import { DiskFileSystem } from '../fs/disk.js';
import type { CliIO, Command } from './command.js';
import { parseFlags } from './deploy.js';
import { UsageError } from './render.js';

export const START_SUMMARY = 'render and summarise every active cluster, then deploy to a simulated fleet (the demo job of `npm start`)';

const USAGE = `usage: harbormaster start [--estate DIR] [--render-only] [--speed N]

The main job on an estate, end to end: load and validate it, render every
active cluster in one process and summarise the fleet wave by wave; then start
a simulated fleet of its active \`sim\` clusters and deploy to it three times:
every service wave by wave, a config-only change (the fast path), and a bad
image that fails in the canary wave and is rolled back on its own; then the
delivery figures. The changes are made in memory and the journal goes to a
temporary directory: nothing in the estate is written.
  --estate DIR    the estate directory (default: .)
  --render-only   stop after the fleet summary
  --speed N       run the simulated fleet, bakes and timeouts N times faster (default 1)
`;

interface StartFlags {
  estate: string;
  renderOnly: boolean;
  speed: number;
}

/** `npm start`: what Harbormaster does for an estate today, end to end, in one screen. */
export const startCommand: Command = {
  name: 'start',
  summary: START_SUMMARY,
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const flags = parseStartArgs(args);
    if (flags === undefined) {
      io.stderr(USAGE);
      return args.includes('--help') ? 0 : 2;
    }
    const dir = resolve(io.cwd, flags.estate);
    try {
      const rendered = runStart(dir, io);
      const code = rendered !== 0 || flags.renderOnly ? rendered : await deployStory(dir, flags.speed, io);
      nextSteps(dir, io);
      return code;
    } catch (err) {
      if (!(err instanceof DiagnosticError)) throw err;
      io.stderr(`${err.diagnostics.map(formatDiagnostic).join('\n')}\n`);
      return 1;
    }
  },
};

function parseStartArgs(args: string[]): StartFlags | undefined {
  try {
    const f = parseFlags(args, { values: ['--estate', '--speed'], switches: ['--render-only'] });
    const speed = Number(f.values.get('--speed') ?? '1');
    if (!(speed >= 1)) return undefined;
    return { estate: f.values.get('--estate') ?? '.', renderOnly: f.switches.has('--render-only'), speed };
  } catch (err) {
    if (err instanceof UsageError) return undefined;
    throw err;
  }
}

/** The deploy half: three rollouts to a simulated fleet, on a terminal as live tables, else as log lines. */
async function deployStory(dir: string, speed: number, io: CliIO): Promise<number> {
  const { runDeployStory } = await import('../rollout/deploy/story.js');
  const { createEventRenderer } = await import('../rollout/ui/index.js');
  const columns = process.stderr.columns;
  const renderer = (): ReturnType<typeof createEventRenderer> =>
    io.isTTY
      ? createEventRenderer({ mode: 'live', out: { write: (t) => io.stderr(t), ...(columns ? { columns } : {}) }, color: !process.env.NO_COLOR })
      : createEventRenderer({ mode: 'plain', out: { write: (t) => io.stdout(t) } });
  const story = await runDeployStory({ estateDir: dir, speed, io: { say: (t) => io.stdout(t), renderer } });
  const states = story.chapters.map((c) => c.outcome.state);
  const expected = ['succeeded', 'succeeded', 'rolled-back'];
  return states.every((state, i) => state === expected[i]) ? 0 : 1;
}

function runStart(dir: string, io: CliIO): number {
  const started = process.hrtime.bigint();
  const estate = loadEstate(new DiskFileSystem(), dir);
  const active = estate.clusters.filter((c) => c.status === 'active').map((c) => resolveCluster(estate, c.name));
  const planned = estate.clusters.filter((c) => c.status === 'planned').map((c) => c.name);
  io.stdout(`${headline(estate, active.length, planned.length)}\n\n`);
  const fleet = renderFleet(new DiskFileSystem(), estate, active.map((c) => c.name));
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  const summaries = new Map(fleet.rendered.map((r) => [r.cluster, summariseCluster(r)]));
  io.stdout(fleetTable(active, summaries));
  io.stdout(`\n${totals([...summaries.values()], elapsedMs)}\n`);
  if (planned.length > 0) io.stdout(`planned (validated, not rendered): ${planned.join(', ')}\n`);
  for (const failed of fleet.failed) {
    io.stderr(`\n${failed.cluster} failed:\n${failed.diagnostics.map(formatDiagnostic).join('\n')}\n`);
  }
  return fleet.failed.length > 0 ? 1 : 0;
}

function nextSteps(dir: string, io: CliIO): void {
  const estate = displayPath(dir, io.cwd);
  io.stdout(`\nNext: harbormaster render --estate ${estate} --out rendered/   (one file per cluster)\n`);
  io.stdout(`      harbormaster deploy --estate ${estate} --plan           (the rollout plan, wave by wave)\n`);
}

function headline(estate: Estate, active: number, planned: number): string {
  const services = estate.services.size;
  const addons = new Set([...estate.addons.values()].map((a) => a.addon)).size;
  return `Estate "${estate.name}": ${active} active + ${planned} planned clusters, ${services} services, ${addons} addons`;
}

/** One row per active cluster, ordered by wave then name: the order a rollout would take. */
function fleetTable(clusters: ResolvedCluster[], summaries: ReadonlyMap<string, ClusterSummary>): string {
  const rows = [...clusters]
    .sort((a, b) => a.wave - b.wave || a.name.localeCompare(b.name))
    .map((c) => {
      const s = summaries.get(c.name);
      const cells = s ? [String(s.objects), String(s.replicas), String(s.daemonSets), formatBytes(s.bytes)] : ['failed', '', '', ''];
      return [String(c.wave), c.name, c.region, c.kubernetesVersion, ...cells];
    });
  return formatTable(['wave', 'cluster', 'region', 'k8s', 'objects', 'pods', 'daemonsets', 'size'], rows);
}

function totals(summaries: ClusterSummary[], elapsedMs: number): string {
  const objects = summaries.reduce((n, s) => n + s.objects, 0);
  const pods = summaries.reduce((n, s) => n + s.replicas, 0);
  const bytes = summaries.reduce((n, s) => n + s.bytes, 0);
  const biggest = summaries.reduce<ClusterSummary | undefined>((max, s) => (!max || s.replicas > max.replicas ? s : max), undefined);
  const peak = biggest ? `; biggest: ${biggest.cluster} with ${biggest.replicas} pods` : '';
  return `${summaries.length} clusters rendered: ${objects} objects, ${pods} pods${peak}, ${formatBytes(bytes)} in ${Math.round(elapsedMs)} ms`;
}

export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

function displayPath(dir: string, cwd: string): string {
  return dir.startsWith(`${cwd}/`) ? dir.slice(cwd.length + 1) : dir;
}
