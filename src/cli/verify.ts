import { posix } from 'node:path';
import { DiagnosticError, diag, formatDiagnostic, type Diagnostic, type Severity } from '../core/diagnostic.js';
import { isArray, isObject, type JsonObject } from '../core/json.js';
import { Resource } from '../core/resource.js';
import { EstateCode } from '../estate/codes.js';
import { loadEstate } from '../estate/load.js';
import { createRenderCache, renderFleet } from '../estate/render.js';
import { resolveCluster } from '../estate/resolve.js';
import { didYouMean } from '../estate/suggest.js';
import type { Estate } from '../estate/types.js';
import { DiskFileSystem } from '../fs/disk.js';
import type { FileSystem } from '../fs/filesystem.js';
import { renderKustomization } from '../render/index.js';
import {
  DEFAULT_VERIFY_POLICY,
  defaultRules,
  idKey,
  isoDay,
  loadPolicies,
  OUTPUT_FORMATS,
  parseLevel,
  parseVersion,
  parseVerifySettings,
  parseWaivers,
  renderReport,
  reportFromFleet,
  SourceLocator,
  verifyFleet,
  type ClusterInput,
  type OutputFormat,
  type PodSecurityPolicy,
  type VerifyOptions,
  type VerifyReport,
  type VerifySettings,
  type Waiver,
} from '../verify/index.js';
import { parseDocuments, type ParsedDocument } from '../yaml/parse.js';
import type { CliIO, Command } from './command.js';
import { UsageError, writeAllOrNothing } from './render.js';
import { packageVersion, repositoryRoot } from './package-info.js';

const USAGE = `usage: harbormaster verify [--estate DIR] [--cluster C]... [flags]
       harbormaster verify PATH... [flags]

Checks rendered manifests: Pod Security Standards, hardening rules, schema,
the estate's ValidatingAdmissionPolicies; applies the estate's waivers.
With --estate (the default when no PATH is given) every active cluster is
rendered and verified; PATH may be manifest files, directories of manifests
or kustomization directories.
  --estate DIR          the estate directory (default: .)
  --cluster C           verify only C (active or planned); repeat for more
  --pss-level LEVEL     Pod Security level for namespaces without an enforce label:
                        privileged, baseline or restricted (default: the estate's, else baseline)
  --pss-version V       policy version for those namespaces: v1.0 … v1.N or latest
                        (default: the estate's, else latest)
  --fail-on SEVERITY    exit 1 when a finding is at or above: error (default), warning, info, none
  --output FORMAT       table (default), json, sarif or junit
  --out FILE            write the report to FILE instead of stdout
  --waivers FILE        also read waivers from FILE (an estate reads policies/*.yaml)

Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage or input errors.
`;

export type FailOn = Severity | 'none';

export interface VerifyFlags {
  estate?: string;
  clusters: string[];
  paths: string[];
  /** Overrides of the estate's default Pod Security policy (for namespaces without labels). */
  pss: Partial<PodSecurityPolicy>;
  failOn: FailOn;
  output: OutputFormat;
  out?: string;
  waivers: string[];
}

const VALUE_FLAGS = ['--estate', '--cluster', '--pss-level', '--pss-version', '--fail-on', '--output', '--out', '--waivers'];
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'info', 'none'];

export function parseVerifyArgs(args: readonly string[]): VerifyFlags {
  const flags: VerifyFlags = { clusters: [], paths: [], pss: {}, failOn: 'error', output: 'table', waivers: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('-') || arg === '-') {
      flags.paths.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!VALUE_FLAGS.includes(name)) {
      const hint = didYouMean(name, VALUE_FLAGS);
      throw new UsageError(`unknown flag ${arg}${hint ? ` (${hint})` : ''}`);
    }
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
    setFlag(flags, name, value);
  }
  if (flags.paths.length > 0 && (flags.estate !== undefined || flags.clusters.length > 0)) {
    throw new UsageError('PATH arguments cannot be combined with --estate or --cluster');
  }
  return flags;
}

function setFlag(flags: VerifyFlags, name: string, value: string): void {
  switch (name) {
    case '--estate':
      flags.estate = value;
      return;
    case '--cluster':
      flags.clusters.push(value);
      return;
    case '--pss-level':
      flags.pss.level = parseLevel(value) ?? usage(`--pss-level must be privileged, baseline or restricted, not ${value}`);
      return;
    case '--pss-version': {
      const version = parseVersion(value);
      flags.pss.version = version ?? usage(`--pss-version must be latest or v1.N (e.g. v1.30), not ${value}`);
      return;
    }
    case '--fail-on':
      flags.failOn = FAIL_ON.includes(value as FailOn) ? (value as FailOn) : usage(`--fail-on must be one of ${FAIL_ON.join(', ')}, not ${value}`);
      return;
    case '--output':
      flags.output = (OUTPUT_FORMATS as readonly string[]).includes(value) ? (value as OutputFormat) : usage(`--output must be one of ${OUTPUT_FORMATS.join(', ')}, not ${value}`);
      return;
    case '--out':
      flags.out = value;
      return;
    default:
      flags.waivers.push(value);
  }
}

function usage(message: string): never {
  throw new UsageError(message);
}

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'check rendered manifests against Pod Security, hardening rules and policies',
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    if (args.includes('--help') || args.includes('-h')) {
      io.stdout(USAGE);
      return 0;
    }
    let flags: VerifyFlags;
    try {
      flags = parseVerifyArgs(args);
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      io.stderr(`error: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    try {
      const report = flags.paths.length > 0 ? verifyPaths(flags, io) : verifyEstate(flags, io);
      return emit(report, flags, io);
    } catch (err) {
      if (!(err instanceof DiagnosticError)) throw err;
      printDiagnostics(io, err.diagnostics);
      return 2;
    }
  },
};

/** Renders every selected cluster of the estate and verifies them together. */
function verifyEstate(flags: VerifyFlags, io: CliIO): VerifyReport {
  const fs = new DiskFileSystem();
  const estate = loadEstate(fs, posix.resolve(io.cwd, flags.estate ?? '.'));
  printDiagnostics(io, estate.warnings);
  const names = selectClusters(estate, flags.clusters);
  const cache = createRenderCache(fs);
  const fleet = renderFleet(fs, estate, names, { cache });
  if (fleet.failed.length > 0) {
    throw new DiagnosticError(fleet.failed.flatMap((f) => f.diagnostics.map((d) => ({ ...d, message: `${f.cluster}: ${d.message}` }))));
  }
  const inputs: ClusterInput[] = fleet.rendered.map((r) => ({
    cluster: r.cluster,
    resources: r.resources,
    kubernetesVersion: resolveCluster(estate, r.cluster).kubernetesVersion,
  }));
  const waivers = [...estateWaivers(estate), ...waiverFiles(fs, io, flags.waivers)];
  const settings = estateSettings(estate);
  const locator = new SourceLocator(fs, cache.fileCache);
  const policyObjects = (estate.reserved.policies ?? []).flatMap((file) => {
    locator.remember(file.file, file.documents);
    return objectsOf(file.file, file.documents);
  });
  // A policy rendered into several clusters is one policy, not a duplicate.
  const rendered = [...new Map(inputs.flatMap((i) => i.resources).map((r) => [idKey(r.id), r])).values()];
  return runVerify(inputs, waivers, flags, settings, locator, io, [...policyObjects, ...rendered]);
}

/** Verifies plain manifests and kustomizations given on the command line, as one set. */
function verifyPaths(flags: VerifyFlags, io: CliIO): VerifyReport {
  const fs = new DiskFileSystem();
  const parsed = new Map<string, readonly ParsedDocument[]>();
  const resources: Resource[] = [];
  for (const path of flags.paths) resources.push(...loadPath(fs, posix.resolve(io.cwd, path), parsed));
  return runVerify([{ cluster: '', resources }], waiverFiles(fs, io, flags.waivers), flags, {}, new SourceLocator(fs, parsed), io, resources);
}

/**
 * `policySources`: every object that may be (or hold) an admission policy:
 * the estate's policies/ files and the manifests being verified.
 */
function runVerify(
  inputs: ClusterInput[], waivers: Waiver[], flags: VerifyFlags, settings: VerifySettings, locator: SourceLocator, io: CliIO, policySources: readonly Resource[],
): VerifyReport {
  const today = isoDay(new Date());
  const policies = loadPolicies(policySources, { locate: (r, path) => locator.locate(r, path) });
  const problems = policies.diagnostics.filter((d) => d.severity === 'error');
  if (problems.length > 0) throw new DiagnosticError(problems);
  const podSecurity: PodSecurityPolicy = {
    level: flags.pss.level ?? settings.podSecurity?.level ?? DEFAULT_VERIFY_POLICY.level,
    version: flags.pss.version ?? settings.podSecurity?.version ?? DEFAULT_VERIFY_POLICY.version,
  };
  const options: VerifyOptions = { podSecurity, waivers, today, locator, policies };
  if (settings.allowedRegistries) options.allowedRegistries = settings.allowedRegistries;
  const fleet = verifyFleet(inputs, options);
  const plain = inputs.length === 1 && inputs[0]!.cluster === '';
  if (plain) {
    fleet.clusters = [];
    for (const f of [...fleet.findings, ...fleet.waived]) f.clusters = [];
  }
  const report = reportFromFleet(fleet, { toolVersion: packageVersion(), root: repositoryRoot(io.cwd), rules: defaultRules(options), waivers, today });
  report.diagnostics.push(...policies.diagnostics);
  return report;
}

function selectClusters(estate: Estate, asked: readonly string[]): string[] {
  if (asked.length === 0) return estate.clusters.filter((c) => c.status === 'active').map((c) => c.name);
  const known = estate.clusters.map((c) => c.name);
  const unknown = asked.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new DiagnosticError(unknown.map((name) => diag(EstateCode.UnknownCluster, `unknown cluster ${name}`, { file: estate.file }, didYouMean(name, known))));
  }
  return [...new Set(asked)];
}

function estateSettings(estate: Estate): VerifySettings {
  const settings: VerifySettings = {};
  const problems: Diagnostic[] = [];
  for (const file of estate.reserved.policies ?? []) {
    const parsed = parseVerifySettings(file.file, file.documents);
    Object.assign(settings, parsed.settings);
    problems.push(...parsed.diagnostics);
  }
  if (problems.length > 0) throw new DiagnosticError(problems);
  return settings;
}

function estateWaivers(estate: Estate): Waiver[] {
  const waivers: Waiver[] = [];
  const problems: Diagnostic[] = [];
  for (const file of estate.reserved.policies ?? []) {
    const parsed = parseWaivers(file.file, file.documents);
    waivers.push(...parsed.waivers);
    problems.push(...parsed.diagnostics);
  }
  if (problems.length > 0) throw new DiagnosticError(problems);
  return waivers;
}

function waiverFiles(fs: FileSystem, io: CliIO, files: readonly string[]): Waiver[] {
  const waivers: Waiver[] = [];
  const problems: Diagnostic[] = [];
  for (const name of files) {
    const file = posix.resolve(io.cwd, name);
    if (!fs.isFile(file)) {
      problems.push(diag('VERIFY_INPUT_MISSING', `no such file: ${name}`, { file }));
      continue;
    }
    const parsed = parseWaivers(file, parseDocuments(fs.readText(file), file));
    waivers.push(...parsed.waivers);
    problems.push(...parsed.diagnostics);
  }
  if (problems.length > 0) throw new DiagnosticError(problems);
  return waivers;
}

const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** A kustomization directory is rendered; any other directory is read for manifests, recursively; a file is read. */
function loadPath(fs: FileSystem, path: string, parsed: Map<string, readonly ParsedDocument[]>): Resource[] {
  if (fs.isDirectory(path)) {
    if (KUSTOMIZATION_FILES.some((name) => fs.isFile(posix.join(path, name)))) return renderKustomization(fs, path, { fileCache: parsed }).resources;
    return fs.readDir(path).flatMap((entry) => {
      const child = posix.join(path, entry);
      return fs.isDirectory(child) || /\.(ya?ml|json)$/.test(entry) ? loadPath(fs, child, parsed) : [];
    });
  }
  if (!fs.isFile(path)) throw new DiagnosticError([diag('VERIFY_INPUT_MISSING', `no such file or directory: ${path}`, { file: path })]);
  const docs = parseDocuments(fs.readText(path), path);
  parsed.set(path, docs);
  const bad = docs.find((doc) => doc.value !== null && !(isObject(doc.value) && typeof doc.value.kind === 'string'));
  if (bad) throw new DiagnosticError([diag('VERIFY_INPUT_INVALID', 'a manifest document must be a Kubernetes object with a kind', { file: path, line: bad.line })]);
  return objectsOf(path, docs);
}

/** The objects of a file's documents, `*List`s expanded. */
function objectsOf(file: string, docs: readonly ParsedDocument[]): Resource[] {
  const out: Resource[] = [];
  for (const doc of docs) {
    if (!isObject(doc.value) || typeof doc.value.kind !== 'string') continue;
    for (const obj of expandList(doc.value)) out.push(new Resource(obj, { file, line: doc.line }));
  }
  return out;
}

function expandList(obj: JsonObject): JsonObject[] {
  const kind = obj.kind as string;
  if (!kind.endsWith('List') || !isArray(obj.items)) return [obj];
  return obj.items.filter(isObject).flatMap(expandList);
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function emit(report: VerifyReport, flags: VerifyFlags, io: CliIO): number {
  // Colour only when the report itself goes to a terminal (io.isTTY speaks for stderr).
  const color = flags.out === undefined && io.isTTY && Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  const text = renderReport(report, flags.output, { color });
  printDiagnostics(io, report.diagnostics);
  if (flags.out === undefined) io.stdout(text);
  else {
    const file = posix.resolve(io.cwd, flags.out);
    writeAllOrNothing(posix.dirname(file), [{ path: file, text }]);
    if (flags.output !== 'table') io.stderr(renderReport(report, 'table').split('\n').filter((l) => l !== '').pop() + '\n');
  }
  if (report.diagnostics.some((d) => d.severity === 'error')) return 2;
  if (flags.failOn === 'none') return 0;
  const threshold = RANK[flags.failOn];
  return report.findings.some((f) => RANK[f.severity] <= threshold) ? 1 : 0;
}

function printDiagnostics(io: CliIO, list: readonly Diagnostic[]): void {
  for (const d of list) {
    const file = d.file?.startsWith('/') ? posix.relative(io.cwd, d.file) || d.file : d.file;
    io.stderr(`${formatDiagnostic({ ...d, ...(file ? { file } : {}) })}\n`);
  }
}
