/**
 * `harbormaster deploy`, as its stages: load the estate, render the fleet,
 * optionally verify, read the journal's last-good manifests, classify the
 * change and plan, then connect to the clusters and execute the plan wave by
 * wave. Every estate problem is reported (file:line) before anything is
 * written anywhere; every refusal (freeze, locks, verify) happens before any
 * cluster is touched.
 */
import type { KubeObject } from '../cluster/types.js';
import { loadEstate } from '../estate/load.js';
import { resolveCluster } from '../estate/resolve.js';
import type { Estate } from '../estate/types.js';
import type { RenderedCluster } from '../estate/render.js';
import { DiskFileSystem } from '../fs/disk.js';
import type { FileSystem } from '../fs/filesystem.js';
import { changeInfo } from './change/git.js';
import { manifestsFromYaml } from './change/manifests.js';
import { defaultConnector } from './deploy/connect.js';
import { renderDesired } from './deploy/desired.js';
import { waitForLocks } from './deploy/locks.js';
import type { DeployRequest, DeployResult, DesiredManifests, FinishedDeploy, RefusedDeploy } from './deploy/types.js';
import { executeRollout, realClock, RolloutRefusedError, type ExecutorDeps } from './executor/index.js';
import { journalPath, openJournal, openJournalReadOnly } from './journal/sqlite.js';
import type { Journal } from './journal/types.js';
import { planRollout } from './plan/plan.js';
import type { ChangeInfo, RolloutPlan } from './plan/types.js';

export type { DeployRequest, DeployResult, FinishedDeploy, PlannedDeploy, RefusedDeploy } from './deploy/types.js';
export type { ClusterConnector } from './deploy/connect.js';

export async function deploy(request: DeployRequest): Promise<DeployResult> {
  const fs = request.fs ?? new DiskFileSystem();
  const now = request.clock?.now() ?? new Date();
  const estate = loadEstate(fs, request.estateDir);
  request.adjustEstate?.(estate);
  request.note?.(`rendering ${request.only?.length ? request.only.join(', ') : 'every active cluster'} of estate ${estate.name}`);
  const desired = renderDesired(fs, estate, request.only);
  const refusal = request.verify ? await verifyGate(fs, estate, desired.rendered, now) : undefined;
  if (refusal) return refusal;
  const journalFile = request.journalFile ?? journalPath(estate.dir);
  if (request.planOnly) {
    const plan = withJournalForReading(journalFile, (journal) => planFor(estate, desired.objects, journal, now, request));
    return { kind: 'planned', plan, warnings: desired.warnings };
  }
  const journal = openJournal(journalFile);
  try {
    const plan = await uniquePlan(journal, (at) => planFor(estate, desired.objects, journal, at, request), now, request);
    if (plan.freeze) return frozen(plan);
    const refused = await waitForLocks(journal, plan, request);
    if (refused) return refused;
    const finished = await execute(plan, desired.objects, journal, request);
    return 'outcome' in finished ? { ...finished, warnings: desired.warnings } : finished;
  } finally {
    journal.close();
  }
}

/** `--verify`: errors refuse the deploy. Loaded only when asked for: the verify stage (CEL, RE2, schemas) is most of a cold start. */
async function verifyGate(fs: FileSystem, estate: Estate, rendered: RenderedCluster[], now: Date): Promise<RefusedDeploy | undefined> {
  const { verifyBeforeDeploy } = await import('./deploy/verify-gate.js');
  const problems = verifyBeforeDeploy(fs, estate, rendered, now);
  if (problems.length === 0) return undefined;
  return { kind: 'refused', code: 'VERIFY_FAILED', message: `verify found ${problems.length} error${problems.length === 1 ? '' : 's'}; nothing was deployed`, diagnostics: problems };
}

/** Classifies the change against each cluster's last-good manifests and plans the waves. */
function planFor(estate: Estate, desired: DesiredManifests, journal: Journal | undefined, now: Date, request: DeployRequest): RolloutPlan {
  const describe = request.describeChange ?? ((change: ChangeInfo) => change);
  const lastGood = new Map<string, KubeObject[]>();
  for (const cluster of desired.keys()) {
    const record = journal?.lastGood(cluster);
    if (record) lastGood.set(cluster, manifestsFromYaml(record.manifests, `${journal!.file} (last-good of ${cluster})`));
  }
  const input: Parameters<typeof planRollout>[0] = {
    estate,
    clusters: estate.clusters.map((c) => resolveCluster(estate, c.name)),
    desired,
    lastGood,
    change: describe(changeInfo(estate.dir, desired)),
    now,
  };
  if (request.only?.length) input.only = request.only;
  return planRollout(input);
}

/** Connects to the clusters and runs the plan; the connector is closed (an embedded fleet stopped) whatever happens. */
async function execute(plan: RolloutPlan, desired: DesiredManifests, journal: Journal, request: DeployRequest): Promise<Omit<FinishedDeploy, 'warnings'> | RefusedDeploy> {
  const connector = request.connector ?? (await defaultConnector(plan, journal, { desired }));
  if (connector.note) request.note?.(connector.note);
  const deps: ExecutorDeps = {
    journal,
    connect: (step) => connector.connect(step),
    desired: (cluster) => [...(desired.get(cluster) ?? [])],
    emit: request.emit,
  };
  if (request.clock) deps.clock = request.clock;
  if (request.signal) deps.signal = request.signal;
  deps.options = {
    ...request.executorOptions,
    forceConflicts: request.forceConflicts ?? request.executorOptions?.forceConflicts ?? false,
    reapply: request.reapply ?? request.executorOptions?.reapply ?? false,
  };
  try {
    const outcome = await executeRollout(plan, deps);
    return { kind: 'finished', plan, outcome, journalFile: journal.file };
  } catch (err) {
    if (!(err instanceof RolloutRefusedError)) throw err;
    return { kind: 'refused', code: err.code, message: err.message, plan, diagnostics: [] };
  } finally {
    await connector.close();
  }
}

/**
 * A rollout id is the plan's time (to the second) and change digest: the same
 * change deployed twice within a second would repeat it. Then the deploy
 * waits for the next second and plans again.
 */
async function uniquePlan(journal: Journal, plan: (at: Date) => RolloutPlan, at: Date, request: DeployRequest): Promise<RolloutPlan> {
  let result = plan(at);
  while (journal.rollout(result.id)) {
    const wait = 1000 - (at.getTime() % 1000);
    await (request.clock ?? realClock).sleep(wait);
    at = request.clock?.now() ?? new Date(at.getTime() + wait);
    result = plan(at);
  }
  return result;
}

function frozen(plan: RolloutPlan): RefusedDeploy {
  const freeze = plan.freeze!;
  const until = freeze.until ? ` until ${freeze.until}` : '';
  return { kind: 'refused', code: 'ROLLOUT_FROZEN', message: `the fleet is frozen${until}: ${freeze.reason}; nothing was deployed`, plan, diagnostics: [] };
}

/** `--plan` writes nothing: the journal is read when it exists, and a missing one means no last-good yet. */
function withJournalForReading<T>(file: string, fn: (journal: Journal | undefined) => T): T {
  let journal: Journal | undefined;
  try {
    journal = openJournalReadOnly(file);
  } catch (err) {
    if ((err as { code?: string }).code !== 'JOURNAL_NOT_FOUND') throw err;
  }
  try {
    return fn(journal);
  } finally {
    journal?.close();
  }
}
