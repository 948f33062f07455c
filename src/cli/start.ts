import { resolve } from 'node:path';
import { DiagnosticError, formatDiagnostic } from '../core/diagnostic.js';
import { loadEstate, renderFleet, resolveCluster, summariseCluster, formatBytes } from '../estate/index.js';
import type { ClusterSummary, Estate, ResolvedCluster } from '../estate/index.js';
import { DiskFileSystem } from '../fs/disk.js';
import type { CliIO, Command } from './command.js';

const USAGE = `usage: harbormaster start [--estate DIR]

The main job on an estate: load and validate it, render every active cluster in
one process, and summarise the fleet wave by wave. Writes nothing.
  --estate DIR   the estate directory (default: .)
`;

/** `npm start`: what Harbormaster does for an estate today, end to end, in one screen. */
export const startCommand: Command = {
  name: 'start',
  summary: 'render and summarise every active cluster of an estate (the demo job of `npm start`)',
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const dir = parseEstateFlag(args);
    if (dir === undefined) {
      io.stderr(USAGE);
      return args.includes('--help') ? 0 : 2;
    }
    try {
      return runStart(resolve(io.cwd, dir), io);
    } catch (err) {
      if (!(err instanceof DiagnosticError)) throw err;
      io.stderr(`${err.diagnostics.map(formatDiagnostic).join('\n')}\n`);
      return 1;
    }
  },
};

function parseEstateFlag(args: string[]): string | undefined {
  if (args.length === 0) return '.';
  if (args.length === 2 && args[0] === '--estate') return args[1];
  if (args.length === 1 && args[0]?.startsWith('--estate=')) return args[0].slice('--estate='.length);
  return undefined;
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
  io.stdout(`\nNext: harbormaster render --estate ${displayPath(dir, io.cwd)} --out rendered/   (one file per cluster)\n`);
  return fleet.failed.length > 0 ? 1 : 0;
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
