import * as nodeFs from 'node:fs';
import { posix } from 'node:path';
import { DiagnosticError, formatDiagnostic, type Diagnostic } from '../core/diagnostic.js';
import { CachedFileSystem } from '../estate/cached-fs.js';
import { DiskFileSystem } from '../fs/disk.js';
import type { FileSystem } from '../fs/filesystem.js';
import type { BuildOptions } from '../render/context.js';
import { renderKustomization } from '../render/index.js';
import type { CliIO, Command } from './command.js';

const USAGE = `usage: harbormaster kustomize [DIR] [--load-restrictor LoadRestrictionsRootOnly|LoadRestrictionsNone]
       harbormaster kustomize --out OUT DIR... [--load-restrictor …]

Builds a kustomization directory exactly as \`kubectl kustomize DIR\` does: the same
bytes on stdout, deprecation warnings on stderr. DIR defaults to the current directory.
  --load-restrictor R  LoadRestrictionsRootOnly (default): files must be inside their
                       kustomization's directory; LoadRestrictionsNone lifts that
  --out OUT            build every DIR in one process (shared reads and parses) and
                       write OUT/1.yaml, OUT/2.yaml, … in the order given
`;

const RESTRICTORS: Record<string, BuildOptions['loadRestrictor']> = {
  LoadRestrictionsRootOnly: 'rootOnly',
  LoadRestrictionsNone: 'none',
};

interface KustomizeFlags {
  dirs: string[];
  out?: string;
  loadRestrictor: BuildOptions['loadRestrictor'];
}

class UsageError extends Error {}

export function parseKustomizeArgs(args: readonly string[]): KustomizeFlags {
  const flags: KustomizeFlags = { dirs: [], loadRestrictor: 'rootOnly' };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (name === '--load-restrictor') {
      const v = value();
      const restrictor = RESTRICTORS[v];
      if (!restrictor) throw new UsageError(`--load-restrictor must be LoadRestrictionsRootOnly or LoadRestrictionsNone, not '${v}'`);
      flags.loadRestrictor = restrictor;
    } else if (name === '--out') flags.out = value();
    else if (name.startsWith('-')) throw new UsageError(`unknown flag ${name}`);
    else flags.dirs.push(arg);
  }
  if (flags.out === undefined && flags.dirs.length > 1) throw new UsageError('give one DIR, or --out OUT for several');
  if (flags.out !== undefined && flags.dirs.length === 0) throw new UsageError('--out needs at least one DIR');
  return flags;
}

export const kustomizeCommand: Command = {
  name: 'kustomize',
  summary: 'build a kustomization directory, byte for byte as kubectl kustomize does',
  usage: USAGE,
  async run(args, io) {
    if (args.includes('-h') || args.includes('--help')) {
      io.stdout(USAGE);
      return 0;
    }
    let flags: KustomizeFlags;
    try {
      flags = parseKustomizeArgs(args);
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      io.stderr(`harbormaster kustomize: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    return flags.out === undefined ? buildOne(flags, io) : buildMany(flags, flags.out, io);
  },
};

function buildOne(flags: KustomizeFlags, io: CliIO): number {
  const dir = posix.resolve(io.cwd, flags.dirs[0] ?? '.');
  try {
    const result = renderKustomization(new DiskFileSystem(), dir, { loadRestrictor: flags.loadRestrictor, onWarning: (w) => printWarning(io, w) });
    io.stdout(result.yaml);
    return 0;
  } catch (err) {
    printFailure(io, err);
    return 1;
  }
}

/** Many kustomizations in one process: reads and parses of shared bases happen once. */
function buildMany(flags: KustomizeFlags, out: string, io: CliIO): number {
  const fs: FileSystem = new CachedFileSystem(new DiskFileSystem());
  const fileCache: NonNullable<BuildOptions['fileCache']> = new Map();
  const outDir = posix.resolve(io.cwd, out);
  nodeFs.mkdirSync(outDir, { recursive: true });
  let failed = 0;
  flags.dirs.forEach((d, i) => {
    const dir = posix.resolve(io.cwd, d);
    try {
      const result = renderKustomization(fs, dir, { loadRestrictor: flags.loadRestrictor, fileCache, onWarning: (w) => printWarning(io, w) });
      nodeFs.writeFileSync(posix.join(outDir, `${i + 1}.yaml`), result.yaml);
    } catch (err) {
      failed++;
      io.stderr(`${d}:\n`);
      printFailure(io, err);
    }
  });
  return failed > 0 ? 1 : 0;
}

/** kustomize prints deprecations as `# Warning: …` lines. */
function printWarning(io: CliIO, warning: Diagnostic): void {
  io.stderr(`# Warning: ${warning.message}\n`);
}

function printFailure(io: CliIO, err: unknown): void {
  if (err instanceof DiagnosticError) {
    for (const d of err.diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
    return;
  }
  io.stderr(`error: ${err instanceof Error ? err.message : String(err)}\n`);
}
