/**
 * Flags of `harbormaster access …`: one parser for every subcommand, each
 * subcommand declaring which flags and how many positional arguments it
 * takes. Mistakes are UsageErrors (exit 2) before anything is read.
 */
import { didYouMean } from '../../estate/suggest.js';
import { UsageError } from '../render.js';

export interface AccessFlags {
  positional: string[];
  estate: string;
  clusters: string[];
  /** -n NS; undefined when not given. */
  namespace?: string;
  allNamespaces: boolean;
  live: boolean;
  kubeconfig?: string;
  context?: string;
  as?: string;
  asGroups: string[];
  asRole?: string;
  sessionName?: string;
  team?: string;
  format?: string;
  out?: string;
  failOn?: string;
  includeBuiltIn: boolean;
  includePlanned: boolean;
}

export interface FlagSpec {
  /** Value flags this subcommand accepts (long names; -n is --namespace). */
  values: readonly string[];
  booleans: readonly string[];
  /** [min, max] positional arguments. */
  positional: [number, number];
  formats?: readonly string[];
}

const SHORT: Record<string, string> = { '-n': '--namespace', '-A': '--all-namespaces', '-o': '--format' };

export function parseAccessFlags(args: readonly string[], spec: FlagSpec): AccessFlags {
  const flags: AccessFlags = { positional: [], estate: '.', clusters: [], allNamespaces: false, live: false, asGroups: [], includeBuiltIn: false, includePlanned: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('-') || arg === '-') {
      flags.positional.push(arg);
      continue;
    }
    i = readFlag(args, i, spec, flags);
  }
  checkCombination(flags, spec);
  return flags;
}

/** Reads the flag at `args[i]` (and its value); returns the index of the last argument used. */
function readFlag(args: readonly string[], i: number, spec: FlagSpec, flags: AccessFlags): number {
  const arg = args[i]!;
  const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
  const raw = eq > 0 ? arg.slice(0, eq) : arg;
  const name = SHORT[raw] ?? raw;
  if (spec.booleans.includes(name)) {
    if (eq > 0) throw new UsageError(`${name} takes no value`);
    setBoolean(flags, name);
    return i;
  }
  if (!spec.values.includes(name)) {
    const hint = didYouMean(name, [...spec.values, ...spec.booleans]);
    throw new UsageError(`unknown flag ${arg}${hint ? ` (${hint})` : ''}`);
  }
  const value = eq > 0 ? arg.slice(eq + 1) : args[i + 1];
  if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
  setValue(flags, name, value, spec);
  return eq > 0 ? i : i + 1;
}

function checkCombination(flags: AccessFlags, spec: FlagSpec): void {
  const [min, max] = spec.positional;
  if (flags.positional.length < min) throw new UsageError(`expected at least ${min} argument${min > 1 ? 's' : ''}`);
  if (flags.positional.length > max) throw new UsageError(`unexpected argument ${flags.positional[max]}`);
  if (flags.namespace !== undefined && flags.allNamespaces) throw new UsageError('-n and -A cannot be combined');
  if (flags.context !== undefined && !flags.live) throw new UsageError('--context reads a live cluster; add --live');
}

function setBoolean(flags: AccessFlags, name: string): void {
  if (name === '--live') flags.live = true;
  else if (name === '--all-namespaces') flags.allNamespaces = true;
  else if (name === '--include-builtin') flags.includeBuiltIn = true;
  else if (name === '--include-planned') flags.includePlanned = true;
}

const SETTERS: Record<string, (flags: AccessFlags, value: string) => void> = {
  '--estate': (f, v) => (f.estate = v),
  '--cluster': (f, v) => void f.clusters.push(v),
  '--namespace': (f, v) => (f.namespace = v),
  '--kubeconfig': (f, v) => (f.kubeconfig = v),
  '--context': (f, v) => (f.context = v),
  '--as': (f, v) => (f.as = v),
  '--as-group': (f, v) => void f.asGroups.push(v),
  '--as-role': (f, v) => (f.asRole = v),
  '--session-name': (f, v) => (f.sessionName = v),
  '--team': (f, v) => (f.team = v),
  '--out': (f, v) => (f.out = v),
  '--fail-on': (f, v) => (f.failOn = v),
};

function setValue(flags: AccessFlags, name: string, value: string, spec: FlagSpec): void {
  if (name === '--format') {
    if (spec.formats && !spec.formats.includes(value)) throw new UsageError(`--format must be one of ${spec.formats.join(', ')}, not ${value}`);
    flags.format = value;
    return;
  }
  SETTERS[name]!(flags, value);
}

/** Flags every evaluating subcommand shares: where the RBAC comes from. */
export const SOURCE_VALUES = ['--estate', '--cluster', '--kubeconfig', '--context'] as const;
export const SOURCE_BOOLEANS = ['--live', '--include-planned'] as const;
