import * as nodeFs from 'node:fs';
import { posix } from 'node:path';
import { DiagnosticError, diag, formatDiagnostic, type Diagnostic } from '../core/diagnostic.js';
import type { Resource } from '../core/resource.js';
import { EstateCode } from '../estate/codes.js';
import { loadEstate } from '../estate/load.js';
import { toJsonList } from '../estate/output.js';
import { renderFleet, type FleetRender, type RenderedCluster } from '../estate/render.js';
import { didYouMean } from '../estate/suggest.js';
import { formatSummary, summariseCluster } from '../estate/summary.js';
import type { Estate } from '../estate/types.js';
import { DiskFileSystem } from '../fs/disk.js';
import { explainResource } from '../render/explain.js';
import type { CliIO, Command } from './command.js';

export { summariseFleet, formatSummary, type ClusterSummary } from '../estate/summary.js';

const USAGE = `usage: harbormaster render [--estate DIR] [--cluster C]... [--out DIR] [--format yaml|json]
                          [--quiet] [--include-planned] [--explain KIND/NAME]

Renders every active cluster of the estate (or the clusters named with --cluster).
  --estate DIR        the estate directory (default: .)
  --cluster C         render only C; repeat for more
  --out DIR           write DIR/<cluster>.yaml (or .json); required for more than one cluster
  --format yaml|json  yaml as kubectl kustomize prints it, or json as a v1 List (default: yaml)
  --quiet             print nothing but errors
  --include-planned   also render planned clusters (a cluster named with --cluster always renders)
  --explain KIND/NAME print where each matching object's fields came from, per cluster
`;

export interface RenderFlags {
  estate: string;
  clusters: string[];
  out?: string;
  format: 'yaml' | 'json';
  quiet: boolean;
  includePlanned: boolean;
  explain?: { kind: string; name: string };
}

/** A mistake in the command line (exit 2), as opposed to a problem in the estate (exit 1). */
export class UsageError extends Error {}

const VALUE_FLAGS = ['--estate', '--cluster', '--out', '--format', '--explain'];
const BOOLEAN_FLAGS = ['--quiet', '--include-planned'];

export function parseRenderArgs(args: readonly string[]): RenderFlags {
  const flags: RenderFlags = { estate: '.', clusters: [], format: 'yaml', quiet: false, includePlanned: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (BOOLEAN_FLAGS.includes(name)) {
      if (eq > 0) throw new UsageError(`${name} takes no value`);
      if (name === '--quiet') flags.quiet = true;
      else flags.includePlanned = true;
      continue;
    }
    if (!VALUE_FLAGS.includes(name)) {
      const hint = arg.startsWith('-') ? didYouMean(name, [...VALUE_FLAGS, ...BOOLEAN_FLAGS]) : undefined;
      throw new UsageError(`unexpected argument ${arg}${hint ? ` (${hint})` : ''}`);
    }
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
    setValue(flags, name, value);
  }
  if (flags.explain && flags.out !== undefined) throw new UsageError('--explain prints to the terminal; it cannot be combined with --out');
  return flags;
}

function setValue(flags: RenderFlags, name: string, value: string): void {
  if (name === '--estate') flags.estate = value;
  else if (name === '--cluster') flags.clusters.push(value);
  else if (name === '--out') flags.out = value;
  else if (name === '--format') {
    if (value !== 'yaml' && value !== 'json') throw new UsageError(`--format must be yaml or json, not ${value}`);
    flags.format = value;
  } else {
    const slash = value.indexOf('/');
    if (slash <= 0 || slash === value.length - 1 || value.indexOf('/', slash + 1) >= 0) throw new UsageError(`--explain takes KIND/NAME, not ${value}`);
    flags.explain = { kind: value.slice(0, slash), name: value.slice(slash + 1) };
  }
}

export const renderCommand: Command = {
  name: 'render',
  summary: 'render the manifests of every cluster of the estate',
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    let flags: RenderFlags;
    try {
      flags = parseRenderArgs(args);
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      io.stderr(`error: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    return runRender(flags, io);
  },
};

function runRender(flags: RenderFlags, io: CliIO): number {
  const printer = new Printer(io, flags.quiet);
  const fs = new DiskFileSystem();
  let estate: Estate;
  try {
    estate = loadEstate(fs, posix.resolve(io.cwd, flags.estate));
  } catch (err) {
    return printer.failed(err);
  }
  printer.diagnostics(estate.warnings);
  const selected = selectClusters(estate, flags);
  if (selected instanceof DiagnosticError) {
    printer.errors(selected.diagnostics);
    return 2;
  }
  if (!flags.explain && flags.out === undefined && selected.length !== 1) {
    io.stderr(`error: rendering ${selected.length} clusters needs --out DIR (stdout holds exactly one)\n`);
    return 2;
  }
  const fleet = renderFleet(fs, estate, selected, { onCluster: (name, i, n) => printer.progress(`[${i + 1}/${n}] rendering ${name}`) });
  printer.progress('');
  if (fleet.failed.length > 0) return printer.fleetFailed(fleet);
  printer.diagnostics(uniqueWarnings(fleet.rendered));
  if (flags.explain) return explain(fleet.rendered, flags.explain, io, printer);
  return emit(fleet.rendered, flags, io, printer);
}

/** The clusters named (in order, each once), or every active one (and planned ones if asked). */
function selectClusters(estate: Estate, flags: RenderFlags): string[] | DiagnosticError {
  const known = estate.clusters.map((c) => c.name);
  if (flags.clusters.length === 0) {
    return estate.clusters.filter((c) => c.status === 'active' || flags.includePlanned).map((c) => c.name);
  }
  const unknown = flags.clusters.filter((name) => !known.includes(name));
  if (unknown.length === 0) return [...new Set(flags.clusters)];
  return new DiagnosticError(
    unknown.map((name) => diag(EstateCode.UnknownCluster, `unknown cluster ${name}`, { file: estate.file }, didYouMean(name, known) ?? `known clusters: ${known.join(', ')}`)),
  );
}

function emit(rendered: RenderedCluster[], flags: RenderFlags, io: CliIO, printer: Printer): number {
  const text = (r: RenderedCluster): string => (flags.format === 'json' ? toJsonList(r.resources) : r.yaml);
  if (flags.out === undefined) {
    io.stdout(text(rendered[0]!));
  } else {
    const dir = posix.resolve(io.cwd, flags.out);
    const files = rendered.map((r) => ({ path: posix.join(dir, `${r.cluster}.${flags.format}`), text: text(r) }));
    try {
      writeAllOrNothing(dir, files);
    } catch (err) {
      return printer.failed(err);
    }
  }
  for (const r of rendered) printer.info(formatSummary(summariseCluster(r)));
  return 0;
}

function explain(rendered: RenderedCluster[], target: { kind: string; name: string }, io: CliIO, printer: Printer): number {
  let found = 0;
  for (const r of rendered) {
    const matches = r.resources.filter((res: Resource) => res.kind.toLowerCase() === target.kind.toLowerCase() && res.name === target.name);
    for (const res of matches) {
      io.stdout(`# cluster ${r.cluster}\n${withNewline(explainResource(res))}`);
      found++;
    }
  }
  if (found > 0) return 0;
  printer.errors([diag('CLI_NO_SUCH_OBJECT', `no ${target.kind}/${target.name} in ${rendered.map((r) => r.cluster).join(', ')}`)]);
  return 1;
}

function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** A warning from a base shared by every cluster is printed once, not once per cluster. */
function uniqueWarnings(rendered: RenderedCluster[]): Diagnostic[] {
  const seen = new Map<string, Diagnostic>();
  for (const r of rendered) for (const w of r.warnings) seen.set(formatDiagnostic(w), w);
  return [...seen.values()];
}

/**
 * Writes every file or none: each goes to a temporary file in its own
 * directory first, and only when all are written are they renamed into
 * place (a rename within a directory is atomic). On failure the temporary
 * files, and an output directory this call created, are removed.
 */
export function writeAllOrNothing(dir: string, files: { path: string; text: string }[]): void {
  for (const f of files) {
    if (nodeFs.statSync(f.path, { throwIfNoEntry: false })?.isDirectory()) fail('CLI_WRITE_FAILED', `cannot write ${f.path}: it is a directory`, f.path);
  }
  const created = !nodeFs.existsSync(dir);
  const temps: { temp: string; path: string }[] = [];
  try {
    nodeFs.mkdirSync(dir, { recursive: true });
    for (const f of files) {
      const temp = posix.join(posix.dirname(f.path), `.${posix.basename(f.path)}.${process.pid}.tmp`);
      temps.push({ temp, path: f.path });
      nodeFs.writeFileSync(temp, f.text);
    }
  } catch (err) {
    for (const t of temps) nodeFs.rmSync(t.temp, { force: true });
    if (created) nodeFs.rmSync(dir, { recursive: true, force: true });
    fail('CLI_WRITE_FAILED', `cannot write the output: ${(err as Error).message}`, dir);
  }
  for (const t of temps) nodeFs.renameSync(t.temp, t.path);
}

function fail(code: string, message: string, file: string): never {
  throw new DiagnosticError([diag(code, message, { file })]);
}

/** Everything the command says on stderr, in one place: progress, summaries, warnings and errors. */
class Printer {
  private progressShown = false;

  constructor(
    private readonly io: CliIO,
    private readonly quiet: boolean,
  ) {}

  /** A line replaced in place on a terminal; nothing otherwise. '' clears it. */
  progress(text: string): void {
    if (this.quiet || !this.io.isTTY) return;
    if (text === '' && !this.progressShown) return;
    this.io.stderr(`\r\x1b[K${text}`);
    this.progressShown = text !== '';
  }

  info(line: string): void {
    if (!this.quiet) this.io.stderr(`${line}\n`);
  }

  diagnostics(list: Diagnostic[]): void {
    if (!this.quiet) for (const d of list) this.io.stderr(`${this.format(d)}\n`);
  }

  errors(list: Diagnostic[], prefix = ''): void {
    for (const d of list) this.io.stderr(`${prefix}${this.format(d)}\n`);
  }

  /** Prints an estate or write failure; returns the exit code. */
  failed(err: unknown): number {
    if (!(err instanceof DiagnosticError)) throw err;
    this.errors(err.diagnostics);
    return 1;
  }

  fleetFailed(fleet: FleetRender): number {
    for (const f of fleet.failed) this.errors(f.diagnostics, `${f.cluster}: `);
    const ok = fleet.rendered.length;
    this.io.stderr(`${fleet.failed.length} of ${ok + fleet.failed.length} clusters failed to render; nothing was written\n`);
    return 1;
  }

  /** Paths relative to the working directory read better and can be clicked in most terminals. */
  private format(d: Diagnostic): string {
    if (!d.file || !d.file.startsWith('/')) return formatDiagnostic(d);
    return formatDiagnostic({ ...d, file: posix.relative(this.io.cwd, d.file) || d.file });
  }
}
