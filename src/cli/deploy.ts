import { posix } from 'node:path';
import { DiagnosticError, formatDiagnostic, type Diagnostic } from '../core/diagnostic.js';
import { didYouMean } from '../estate/suggest.js';
import { deploy, type DeployRequest, type DeployResult } from '../rollout/deploy.js';
import { formatOutcome } from '../rollout/deploy/summary.js';
import { JournalError } from '../rollout/journal/errors.js';
import { formatPlan } from '../rollout/plan/format.js';
import { createEventRenderer, type EventRenderer } from '../rollout/ui/index.js';
import type { CliIO, Command } from './command.js';
import { UsageError } from './render.js';
import { packageVersion } from './package-info.js';

const USAGE = `usage: harbormaster deploy [--estate DIR] [--plan] [--cluster NAME]... [--force-conflicts] [--reapply]
                          [--output text|json] [--journal FILE] [--wait-for-lock] [--verify]

Rolls the estate's rendered manifests out across the fleet, wave by wave: each
cluster's objects are applied (server-side apply), then every object must be
healthy on its new revision; a wave bakes before the next starts. On failure
the rollout halts and the failed wave (or, by the estate's policy, every wave)
is rolled back to the last-good manifests in the journal.
  --estate DIR        the estate directory (default: .)
  --plan              print the plan (waves, strategy, changes per cluster); change nothing
  --cluster NAME      deploy only NAME; repeat for more
  --force-conflicts   take over fields that other field managers own
  --reapply           send every object; by default an object is skipped when its
                      manifest is unchanged and the cluster's copy did not drift
                      (deleted, or its generation/resourceVersion moved)
  --output FORMAT     text (default: a live table on a terminal, log lines otherwise)
                      or json (one event per line, for CI; with --plan, the plan)
  --journal FILE      the rollout journal (default: DIR/.harbormaster/journal.db)
  --wait-for-lock     wait for another rollout holding a cluster instead of refusing
  --verify            run verify first and refuse to deploy on errors

Clusters with a \`sim\` connection are served by an embedded simulated fleet
started for this command (or the one named by HARBORMASTER_SIM_KUBECONFIG).

Exit status: 0 deployed (or --plan), 1 the rollout failed, was rolled back or
interrupted, or --verify found errors, 2 usage or estate errors (nothing
deployed), 3 the fleet is frozen or a cluster is locked by another rollout.
`;

export interface DeployFlags {
  estate: string;
  clusters: string[];
  plan: boolean;
  forceConflicts: boolean;
  reapply: boolean;
  output: 'text' | 'json';
  journal?: string;
  waitForLock: boolean;
  verify: boolean;
}

export function parseDeployArgs(args: readonly string[]): DeployFlags {
  const f = parseFlags(args, {
    values: ['--estate', '--output', '--journal'],
    repeated: ['--cluster'],
    switches: ['--plan', '--force-conflicts', '--reapply', '--wait-for-lock', '--verify'],
  });
  const flags: DeployFlags = {
    estate: f.values.get('--estate') ?? '.',
    clusters: f.lists.get('--cluster') ?? [],
    plan: f.switches.has('--plan'),
    forceConflicts: f.switches.has('--force-conflicts'),
    reapply: f.switches.has('--reapply'),
    output: outputFormat(f),
    waitForLock: f.switches.has('--wait-for-lock'),
    verify: f.switches.has('--verify'),
  };
  const journal = f.values.get('--journal');
  if (journal !== undefined) flags.journal = journal;
  return flags;
}

export const deployCommand: Command = {
  name: 'deploy',
  summary: 'roll the estate out across the fleet wave by wave, with health gates and automatic rollback',
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    let flags: DeployFlags;
    try {
      flags = parseDeployArgs(args);
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      io.stderr(`error: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    return runDeploy(flags, io);
  },
};

async function runDeploy(flags: DeployFlags, io: CliIO): Promise<number> {
  const renderer = flags.plan ? undefined : eventRenderer(flags.output, io);
  const interrupt = new AbortController();
  const onSigint = (): void => {
    if (interrupt.signal.aborted) {
      // Quitting at once: give the terminal its cursor back, which the live table hid.
      if (io.isTTY) io.stderr('\x1b[?25h\n');
      process.exit(130);
    }
    io.stderr('\ninterrupted: stopping at a safe point (Ctrl-C again to quit at once)\n');
    interrupt.abort();
  };
  process.on('SIGINT', onSigint);
  try {
    const request: DeployRequest = {
      estateDir: posix.resolve(io.cwd, flags.estate),
      planOnly: flags.plan,
      verify: flags.verify,
      forceConflicts: flags.forceConflicts,
      reapply: flags.reapply,
      waitForLock: flags.waitForLock,
      emit: (event) => renderer?.event(event),
      note: (text) => io.stderr(`${text}\n`),
      signal: interrupt.signal,
      // The ApplySet parent names its tool and version, as KEP-3659 asks.
      executorOptions: { toolVersion: packageVersion() },
    };
    if (flags.clusters.length > 0) request.only = flags.clusters;
    if (flags.journal !== undefined) request.journalFile = posix.resolve(io.cwd, flags.journal);
    const result = await deploy(request);
    renderer?.close();
    return report(result, flags, io);
  } catch (err) {
    renderer?.close();
    return reportError(err, io);
  } finally {
    process.off('SIGINT', onSigint);
  }
}

/** Text: the live table when stderr is a terminal, log lines on stdout otherwise. JSON: events on stdout. */
function eventRenderer(output: 'text' | 'json', io: CliIO): EventRenderer {
  if (output === 'json') return createEventRenderer({ mode: 'json', out: { write: (t) => io.stdout(t) } });
  if (!io.isTTY) return createEventRenderer({ mode: 'plain', out: { write: (t) => io.stdout(t) } });
  const columns = process.stderr.columns;
  return createEventRenderer({ mode: 'live', out: { write: (t) => io.stderr(t), ...(columns ? { columns } : {}) }, color: !process.env.NO_COLOR });
}

function report(result: DeployResult, flags: DeployFlags, io: CliIO): number {
  printDiagnostics(io, result.kind === 'refused' ? result.diagnostics : result.warnings);
  if (result.kind === 'planned') {
    io.stdout(flags.output === 'json' ? `${JSON.stringify(result.plan, null, 2)}\n` : formatPlan(result.plan));
    return 0;
  }
  if (result.kind === 'refused') {
    io.stderr(`error ${result.code}: ${result.message}\n`);
    return result.code === 'VERIFY_FAILED' ? 1 : 3;
  }
  const summary = formatOutcome(result.plan, result.outcome, displayPath(result.journalFile, io.cwd));
  if (flags.output === 'json') io.stderr(summary);
  else io.stdout(summary);
  return result.outcome.state === 'succeeded' ? 0 : 1;
}

/** Estate and journal problems: nothing was deployed (exit 2). Anything else is a bug and propagates. */
export function reportError(err: unknown, io: CliIO): number {
  if (err instanceof DiagnosticError) {
    printDiagnostics(io, err.diagnostics);
    io.stderr('nothing was deployed\n');
    return 2;
  }
  if (err instanceof JournalError) {
    io.stderr(`error ${err.code}: ${err.message}\n`);
    return 2;
  }
  throw err;
}

export function printDiagnostics(io: CliIO, list: readonly Diagnostic[]): void {
  for (const d of list) {
    const file = d.file ? displayPath(d.file, io.cwd) : undefined;
    io.stderr(`${formatDiagnostic(file ? { ...d, file } : d)}\n`);
  }
}

/** Paths under the working directory print relative to it (shorter, clickable in most terminals). */
export function displayPath(path: string, cwd: string): string {
  return path.startsWith(`${cwd}/`) ? path.slice(cwd.length + 1) : path;
}

/**
 * The flags of the rollout commands, as data: which take a value, which may
 * repeat, which are switches. `--name value` and `--name=value` both work.
 */
export interface FlagSpec {
  values?: readonly string[];
  repeated?: readonly string[];
  switches?: readonly string[];
  /** How many positional arguments are allowed (default 0). */
  positionals?: number;
}

export interface ParsedFlags {
  values: Map<string, string>;
  lists: Map<string, string[]>;
  switches: Set<string>;
  positionals: string[];
}

export function parseFlags(args: readonly string[], spec: FlagSpec): ParsedFlags {
  const out: ParsedFlags = { values: new Map(), lists: new Map(), switches: new Set(), positionals: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      if (out.positionals.length >= (spec.positionals ?? 0)) throw new UsageError(`unexpected argument ${arg}`);
      out.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (spec.switches?.includes(name)) {
      if (eq > 0) throw new UsageError(`${name} takes no value`);
      out.switches.add(name);
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    setFlagValue(out, spec, name, value);
  }
  return out;
}

function setFlagValue(out: ParsedFlags, spec: FlagSpec, name: string, value: string | undefined): void {
  const known = [...(spec.values ?? []), ...(spec.repeated ?? []), ...(spec.switches ?? [])];
  if (!known.includes(name)) {
    const hint = didYouMean(name, known);
    throw new UsageError(`unknown flag ${name}${hint ? ` (${hint})` : ''}`);
  }
  if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
  if (spec.repeated?.includes(name)) out.lists.set(name, [...(out.lists.get(name) ?? []), value]);
  else if (out.values.has(name)) throw new UsageError(`${name} given twice`);
  else out.values.set(name, value);
}

/** `--output text|json`. */
export function outputFormat(flags: ParsedFlags): 'text' | 'json' {
  const value = flags.values.get('--output') ?? 'text';
  if (value !== 'text' && value !== 'json') throw new UsageError(`--output must be text or json, not ${value}`);
  return value;
}
