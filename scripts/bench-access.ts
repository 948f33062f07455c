/**
 * Access benchmark: the indexed RBAC evaluator against the linear reference
 * evaluator (what the API server's VisitRulesFor and kubectl-who-can do:
 * walk every binding) in the same run.
 *
 *   npm run bench:access [-- --bindings 10000] [--roles 1000] [--queries 2000]
 *
 * A generated RBAC set (test/access/evaluate/generate-rbac.ts): N bindings
 * (80% RoleBindings, 20% ClusterRoleBindings; users, groups, ServiceAccounts),
 * ~1,000 roles (30% ClusterRoles, some aggregating), 100 namespaces, plus the
 * built-in roles. Measured: index build, who-can and can-i per query (p50 /
 * p95 over varied queries), heap and RSS. Both evaluators must agree on every
 * query measured; the run fails otherwise.
 */
import { spawnSync } from 'node:child_process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { withDefaults } from '../src/access/defaults/index.js';
import { impersonatedUser, NaiveEvaluator, RbacEvaluator, readRbac, serviceAccountUsername, type AccessRequest, type UserInfo } from '../src/access/evaluate/index.js';
import { BENCH_SHAPE, generateQueries, generateRbac, random } from '../test/access/evaluate/generate-rbac.js';

interface Args {
  bindings: number;
  roles: number;
  queries: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { bindings: BENCH_SHAPE.bindings, roles: BENCH_SHAPE.roles, queries: 2000 };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i]!.replace(/^--/, '') as keyof Args;
    if (!(key in args)) throw new Error(`unknown argument ${argv[i]}`);
    args[key] = Number(argv[++i]);
  }
  return args;
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function memory(): { heap: number; rss: number } {
  gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, rss: m.rss };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Per-call times (ms), sorted. */
function timeEach<T>(items: readonly T[], fn: (item: T) => unknown): number[] {
  const out: number[] = [];
  for (const item of items) {
    const start = performance.now();
    fn(item);
    out.push(performance.now() - start);
  }
  return out.sort((a, b) => a - b);
}

function fmt(ms: number): string {
  return ms >= 10 ? `${ms.toFixed(1)} ms` : ms >= 1 ? `${ms.toFixed(2)} ms` : `${(ms * 1000).toFixed(0)} µs`;
}

const MB = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const shape = { ...BENCH_SHAPE, bindings: args.bindings, roles: args.roles };
  const rbac = generateRbac(shape);
  const inputs = withDefaults(rbac.objects.map((object) => ({ object })));
  const before = memory();

  const builds: number[] = [];
  const coldStart = performance.now();
  let evaluator: RbacEvaluator | undefined = new RbacEvaluator(readRbac(inputs));
  const cold = performance.now() - coldStart;
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    evaluator = new RbacEvaluator(readRbac(inputs));
    builds.push(performance.now() - start);
  }
  builds.sort((a, b) => a - b);
  const fast = evaluator!;
  const after = memory();
  const naive = new NaiveEvaluator(fast.set);
  const readOnly = timeEach([0, 1, 2], () => readRbac(inputs));

  const queries = generateQueries(rbac, args.queries, 99);
  // Warm both (JIT), then measure.
  for (const q of queries.slice(0, 200)) {
    fast.whoCan(q);
    naive.whoCan(q);
  }
  const whoFast = timeEach(queries, (q) => fast.whoCan(q));
  const whoNaive = timeEach(queries, (q) => naive.whoCan(q));
  let answers = 0;
  for (const q of queries) {
    const a = fast.whoCan(q);
    if (JSON.stringify(a) !== JSON.stringify(naive.whoCan(q))) throw new Error(`who-can differs for ${JSON.stringify(q)}`);
    answers += a.subjects.length;
  }

  const rnd = random(5);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const asks: { user: UserInfo; request: AccessRequest }[] = queries.map((q) => {
    const sa = pick(rbac.serviceAccounts);
    const user = rnd() < 0.5 ? impersonatedUser(pick(rbac.users), [pick(rbac.groups), pick(rbac.groups)]) : impersonatedUser(serviceAccountUsername(sa.namespace, sa.name));
    return { user, request: q.kind === 'resource' && q.namespace === undefined ? { ...q, namespace: '' } : q };
  });
  for (const a of asks.slice(0, 200)) {
    fast.canI(a.user, a.request);
    naive.canI(a.user, a.request);
  }
  const canFast = timeEach(asks, (a) => fast.allows(a.user, a.request));
  const canPaths = timeEach(asks, (a) => fast.canI(a.user, a.request));
  const canNaive = timeEach(asks, (a) => naive.canI(a.user, a.request));
  let allowed = 0;
  for (const a of asks) {
    const yes = fast.canI(a.user, a.request).allowed;
    if (yes !== fast.allows(a.user, a.request)) throw new Error('allows() and canI() disagree');
    if (yes !== naive.canI(a.user, a.request)) throw new Error(`can-i differs for ${a.user.name} ${JSON.stringify(a.request)}`);
    if (yes) allowed++;
  }

  const bindings = fast.set.bindings.length;
  const roles = fast.set.roles.length;
  const rules = fast.set.roles.reduce((n, r) => n + r.rules.length, 0);
  const ratio = (slow: number[], quick: number[], p: number): string => `${(percentile(slow, p) / percentile(quick, p)).toFixed(1)}×`;
  const kubectl = spawnSync('kubectl', ['version', '--client', '-o', 'json'], { encoding: 'utf8' });
  const lines = [
    `RBAC set: ${bindings.toLocaleString('en')} bindings, ${roles.toLocaleString('en')} roles (${rules.toLocaleString('en')} rules after aggregation), ${rbac.namespaces.length} namespaces; node ${process.version}`,
    `index build (read + aggregate + index): first ${fmt(cold)}, then median of 5 ${fmt(percentile(builds, 50))} (read + aggregate alone: ${fmt(percentile(readOnly, 50))})`,
    `memory: heap +${MB(after.heap - before.heap)} for the evaluator (heap used ${MB(after.heap)}, RSS ${MB(after.rss)})`,
    `${queries.length} who-can queries, ${(answers / queries.length).toFixed(1)} subjects per answer on average; ${asks.length} can-i checks, ${allowed} allowed`,
    '',
    '| query | indexed p50 | indexed p95 | linear p50 | linear p95 | ratio p50 | ratio p95 |',
    '|---|---|---|---|---|---|---|',
    `| who-can | ${fmt(percentile(whoFast, 50))} | ${fmt(percentile(whoFast, 95))} | ${fmt(percentile(whoNaive, 50))} | ${fmt(percentile(whoNaive, 95))} | ${ratio(whoNaive, whoFast, 50)} | ${ratio(whoNaive, whoFast, 95)} |`,
    `| can-i (every path, hints) | ${fmt(percentile(canPaths, 50))} | ${fmt(percentile(canPaths, 95))} | ${fmt(percentile(canNaive, 50))} | ${fmt(percentile(canNaive, 95))} | ${ratio(canNaive, canPaths, 50)} | ${ratio(canNaive, canPaths, 95)} |`,
    `| can-i (decision only) | ${fmt(percentile(canFast, 50))} | ${fmt(percentile(canFast, 95))} | ${fmt(percentile(canNaive, 50))} | ${fmt(percentile(canNaive, 95))} | ${ratio(canNaive, canFast, 50)} | ${ratio(canNaive, canFast, 95)} |`,
    '',
    kubectl.status === 0
      ? `kubectl is on PATH (${(JSON.parse(kubectl.stdout) as { clientVersion?: { gitVersion?: string } }).clientVersion?.gitVersion ?? '?'}), but kubectl auth can-i and kubectl-who-can ask a live API server (SelfSubjectAccessReview, list bindings); there is no offline peer to time against.`
      : 'kubectl is not on PATH; it would be no peer anyway: kubectl auth can-i and kubectl-who-can need a live API server.',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
