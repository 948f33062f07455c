/**
 * `harbormaster access …`: who-can, can-i, matrix, review and diff over the
 * estate's rendered clusters (or a live cluster with --live). Flags → the
 * access stage → print; usage mistakes exit 2, estate and cluster problems 2,
 * denials (can-i) and findings at --fail-on 1.
 */
import { unknownPolicies } from '../access/eks/evaluate.js';
import { DiagnosticError, formatDiagnostic, type Diagnostic } from '../core/diagnostic.js';
import { posix } from 'node:path';
import { checkCanIFlags, runCanI } from './access/can-i.js';
import { DIFF_FORMATS, runDiff } from './access/diff.js';
import { parseAccessFlags, SOURCE_BOOLEANS, SOURCE_VALUES, type AccessFlags, type FlagSpec } from './access/flags.js';
import { runMatrix } from './access/matrix.js';
import { REVIEW_FORMATS, runReview } from './access/review.js';
import { loadSource, type AccessSource } from './access/source.js';
import { runWhoCan } from './access/who-can.js';
import type { CliIO, Command } from './command.js';
import { UsageError } from './render.js';

const USAGE = `usage: harbormaster access who-can VERB RESOURCE[/SUB] [NAME] [-n NS] [source flags]
       harbormaster access can-i VERB RESOURCE[/SUB] [NAME] [-n NS] (--as USER [--as-group G]... | --as-role ARN) [source flags]
       harbormaster access matrix --team T [-n NS] [source flags]
       harbormaster access review [--format table|json|sarif|markdown] [--fail-on SEVERITY] [source flags]
       harbormaster access diff BASE..HEAD [--estate DIR] [--cluster C]... [--format markdown|sarif|json]

Evaluates RBAC exactly as the API server does (plus system:masters and EKS
access policies) over the estate's rendered clusters, with the built-in
roles every cluster has; --live reads a cluster's own RBAC instead.
RESOURCE is what kubectl accepts: pods, deploy, deployments.apps, pods/exec,
or a non-resource URL such as /healthz. Without -n, who-can answers for any
namespace and can-i for all namespaces at once (cluster-wide grants only).

Source flags:
  --estate DIR          the estate directory (default: .)
  --cluster C           only C; repeat for more (default: every active cluster)
  --include-planned     also planned clusters
  --live                read the clusters' RBAC from their API servers
  --kubeconfig F        kubeconfig for --live (default: KUBECONFIG, ~/.kube/config)
  --context X           with --live: this kubeconfig context, no estate needed
Other flags:
  -n, --namespace NS    the request's namespace
  --as USER             can-i as this user (system:serviceaccount:NS:NAME for a ServiceAccount)
  --as-group G          with --as: a group of the user; repeat for more
  --as-role ARN         can-i as an IAM role (or assumed-role ARN), resolved through
                        access entries and aws-auth; --session-name S for {{SessionName}}
  --team T              matrix: the team (teams/T.yaml)
  --format F            table (default) or json; review also sarif, markdown;
                        diff markdown (default), sarif, json
  --out FILE            review and diff: write the report to FILE
  --fail-on SEVERITY    review and diff: exit 1 at or above critical, high, medium or low (default none)
  --include-builtin     review: also the built-in bootstrap bindings

Exit status: 0 done (can-i: allowed everywhere), 1 denied somewhere / findings
at --fail-on, 2 usage, estate or cluster errors.
`;

const SPECS: Record<string, FlagSpec> = {
  'who-can': { values: [...SOURCE_VALUES, '--namespace', '--format'], booleans: [...SOURCE_BOOLEANS, '--all-namespaces'], positional: [2, 3], formats: ['table', 'json'] },
  'can-i': { values: [...SOURCE_VALUES, '--namespace', '--format', '--as', '--as-group', '--as-role', '--session-name'], booleans: [...SOURCE_BOOLEANS, '--all-namespaces'], positional: [2, 3], formats: ['table', 'json'] },
  matrix: { values: [...SOURCE_VALUES, '--namespace', '--format', '--team'], booleans: [...SOURCE_BOOLEANS], positional: [0, 0], formats: ['table', 'json'] },
  review: { values: [...SOURCE_VALUES, '--format', '--out', '--fail-on'], booleans: [...SOURCE_BOOLEANS, '--include-builtin'], positional: [0, 0], formats: REVIEW_FORMATS },
  diff: { values: ['--estate', '--cluster', '--format', '--out', '--fail-on'], booleans: ['--include-planned'], positional: [1, 1], formats: DIFF_FORMATS },
};

type Runner = (flags: AccessFlags, source: AccessSource, io: CliIO) => number;
const RUNNERS: Record<string, Runner> = { 'who-can': runWhoCan, 'can-i': runCanI, matrix: runMatrix, review: runReview };

export const accessCommand: Command = {
  name: 'access',
  summary: 'who can do what in each cluster: who-can, can-i, matrix, escalation review, diff between git refs',
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const [sub, ...rest] = args;
    if (sub === undefined || sub === '--help' || sub === '-h' || rest.includes('--help') || rest.includes('-h')) {
      (sub === undefined ? io.stderr : io.stdout)(USAGE);
      return sub === undefined ? 2 : 0;
    }
    let flags: AccessFlags;
    try {
      flags = parseSubcommand(sub, rest);
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      io.stderr(`error: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    try {
      if (sub === 'diff') return runDiff(flags, io);
      const source = await loadSource(flags, io.cwd);
      printDiagnostics(io, source.warnings);
      printClusterProblems(io, source);
      return RUNNERS[sub]!(flags, source, io);
    } catch (err) {
      if (err instanceof UsageError) {
        io.stderr(`error: ${err.message}\n`);
        return 2;
      }
      if (!(err instanceof DiagnosticError)) throw err;
      printDiagnostics(io, err.diagnostics);
      return 2;
    }
  },
};

function parseSubcommand(sub: string, rest: readonly string[]): AccessFlags {
  const spec = SPECS[sub];
  if (!spec) throw new UsageError(`unknown subcommand ${sub} (who-can, can-i, matrix, review, diff)`);
  const flags = parseAccessFlags(rest, spec);
  if (sub === 'can-i') checkCanIFlags(flags);
  if (sub === 'matrix' && flags.team === undefined) throw new UsageError('matrix needs --team T');
  return flags;
}

/**
 * Objects that grant nothing (missing roles, malformed bindings, aws-auth
 * entries that never match), as warnings: once each, with the clusters that
 * have them.
 */
function printClusterProblems(io: CliIO, source: AccessSource): void {
  const seen = new Map<string, { d: Diagnostic; clusters: string[] }>();
  for (const c of source.clusters) {
    const unknown = unknownPolicies(c.access.identities.mappings).map((arn) => ({ code: 'ACCESS_UNKNOWN_POLICY', message: `access policy ${arn} is not modelled; it grants nothing here`, origin: undefined }));
    for (const p of [...c.access.rbac.set.problems, ...c.access.identities.problems, ...unknown]) {
      const d: Diagnostic = { code: p.code, severity: 'warning', message: p.message, ...(p.origin ? { file: p.origin.file, line: p.origin.line } : {}) };
      const key = formatDiagnostic(d);
      const entry = seen.get(key);
      if (entry) entry.clusters.push(c.cluster);
      else seen.set(key, { d, clusters: [c.cluster] });
    }
  }
  const total = source.clusters.length;
  for (const { d, clusters } of seen.values()) {
    const where = total > 1 ? ` (${clusters.length === total ? 'every cluster' : clusters.join(', ')})` : '';
    printDiagnostics(io, [{ ...d, message: `${d.message}${where}` }]);
  }
}

function printDiagnostics(io: CliIO, list: readonly Diagnostic[]): void {
  const seen = new Set<string>();
  for (const d of list) {
    const file = d.file?.startsWith('/') ? posix.relative(io.cwd, d.file) || d.file : d.file;
    const text = formatDiagnostic({ ...d, ...(file ? { file } : {}) });
    if (!seen.has(text)) io.stderr(`${text}\n`);
    seen.add(text);
  }
}
