import { mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DiagnosticError, formatDiagnostic } from '../core/diagnostic.js';
import { SIM_KUBECONFIG_ENV } from '../cluster/connect.js';
import { startSimFleet } from '../cluster/sim/fleet.js';
import { loadEstate } from '../estate/load.js';
import { DiskFileSystem } from '../fs/disk.js';
import type { CliIO, Command } from './command.js';
import { UsageError } from './render.js';

const USAGE = `usage: harbormaster sim serve [--estate DIR] [--kubeconfig-out FILE]

Serves a simulated Kubernetes API server on 127.0.0.1 for every cluster of the
estate whose connection is \`sim\`, writes a kubeconfig with one context per
cluster (named after it), and runs until interrupted (Ctrl-C, SIGTERM).
  --estate DIR           the estate directory (default: .)
  --kubeconfig-out FILE  where to write the kubeconfig
                         (default: DIR/.harbormaster/sim-kubeconfig.yaml)

Then, in another terminal:
  ${SIM_KUBECONFIG_ENV}=FILE harbormaster deploy --estate DIR
  kubectl --kubeconfig FILE --context CLUSTER get pods -A

Exit status: 0 stopped by a signal, 1 estate errors or no sim cluster, 2 usage errors.
`;

export interface SimServeFlags {
  estate: string;
  kubeconfigOut?: string;
}

export function parseSimArgs(args: readonly string[]): SimServeFlags {
  const [sub, ...rest] = args;
  if (sub !== 'serve') throw new UsageError(sub === undefined ? 'missing subcommand (serve)' : `unknown subcommand ${sub} (known: serve)`);
  const flags: SimServeFlags = { estate: '.' };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (name !== '--estate' && name !== '--kubeconfig-out') throw new UsageError(`unexpected argument ${arg}`);
    const value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
    if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
    if (name === '--estate') flags.estate = value;
    else flags.kubeconfigOut = value;
  }
  return flags;
}

/** Resolves when the process is asked to stop. */
function untilSignal(): Promise<void> {
  return new Promise((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Serves the estate's sim clusters until `stopped` settles; removes the kubeconfig on the way out (its ports die with the fleet). */
export async function runSimServe(flags: SimServeFlags, io: CliIO, stopped: Promise<void>): Promise<number> {
  const dir = resolve(io.cwd, flags.estate);
  let names: string[];
  try {
    names = loadEstate(new DiskFileSystem(), dir)
      .clusters.filter((c) => c.connection.kind === 'sim')
      .map((c) => c.name);
  } catch (err) {
    if (!(err instanceof DiagnosticError)) throw err;
    io.stderr(`${err.diagnostics.map(formatDiagnostic).join('\n')}\n`);
    return 1;
  }
  if (names.length === 0) {
    io.stderr(`error: no cluster of the estate at ${dir} has a sim connection\n`);
    return 1;
  }
  const file = resolve(io.cwd, flags.kubeconfigOut ?? resolve(dir, '.harbormaster', 'sim-kubeconfig.yaml'));
  const fleet = await startSimFleet({ clusters: names.map((name) => ({ name })) });
  try {
    mkdirSync(dirname(file), { recursive: true });
    fleet.writeKubeconfig(file);
    const width = Math.max(...names.map((n) => n.length));
    const lines = fleet.clusters().map((c) => `  ${c.name.padEnd(width)}  ${c.url}`);
    io.stdout(`simulated fleet: ${names.length} cluster${names.length === 1 ? '' : 's'}\n${lines.join('\n')}\nkubeconfig: ${file}\n\nuse it:\n  ${SIM_KUBECONFIG_ENV}=${file} harbormaster deploy --estate ${flags.estate}\n  kubectl --kubeconfig ${file} --context ${names[0]} get pods -A\n\nserving until interrupted (Ctrl-C)\n`);
    await stopped;
  } finally {
    await fleet.stop();
    rmSync(file, { force: true });
  }
  io.stderr('simulated fleet stopped\n');
  return 0;
}

export const simCommand: Command = {
  name: 'sim',
  summary: 'serve the simulated clusters of an estate on 127.0.0.1 (sim serve)',
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    if (args.includes('--help') || args.includes('-h')) {
      io.stdout(USAGE);
      return 0;
    }
    let flags: SimServeFlags;
    try {
      flags = parseSimArgs(args);
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      io.stderr(`error: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    return runSimServe(flags, io, untilSignal());
  },
};
