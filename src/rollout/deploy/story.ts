/**
 * The deploy half of `npm start`: three rollouts of the example estate to a
 * simulated fleet, told as a story. A first deploy of every service wave by
 * wave; a config-only change that takes the fast path; a bad image that fails
 * in the canary wave and is rolled back on its own; then the delivery figures.
 * The edits live in memory, laid over the estate: nothing on disk changes,
 * and the journal goes to a temporary directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SimWorkloadOptions } from '../../cluster/sim/controllers/options.js';
import { startSimFleet } from '../../cluster/sim/fleet.js';
import { ESTATE_FILE, loadEstate } from '../../estate/load.js';
import type { Estate } from '../../estate/types.js';
import { DiskFileSystem } from '../../fs/disk.js';
import type { FileSystem } from '../../fs/filesystem.js';
import { MemoryFileSystem } from '../../fs/memory.js';
import { OverlayFileSystem } from '../../fs/overlay.js';
import { deploy } from '../deploy.js';
import type { RolloutOutcome } from '../executor/types.js';
import { formatHistory } from '../history/format.js';
import { readHistory } from '../history/read.js';
import { openJournalReadOnly } from '../journal/sqlite.js';
import type { ChangeInfo, RolloutPlan } from '../plan/types.js';
import type { EventRenderer } from '../ui/index.js';
import { simFleetConnector } from './connect.js';
import { renderDesired } from './desired.js';
import { bootstrapSimFleet } from './sim-bootstrap.js';
import { formatOutcome } from './summary.js';

export interface StoryIO {
  /** Narration and summaries. */
  say(text: string): void;
  /** A fresh renderer for one rollout's events (closed by the story). */
  renderer(): EventRenderer;
}

export interface StoryOptions {
  /** Absolute estate directory (the example estate). */
  estateDir: string;
  io: StoryIO;
  /** Simulated pod timings; the defaults make a believable demo of a minute or so. */
  workload?: Partial<SimWorkloadOptions>;
  /** How many times faster than real time the story runs (bakes, timeouts and pods alike); default 1. */
  speed?: number;
  /** The two edits of the story; default: those of the example estate. */
  edits?: { config: Edit; badImage: Edit };
}

export interface StoryChapter {
  title: string;
  plan: RolloutPlan;
  outcome: RolloutOutcome;
}

export interface StoryResult {
  chapters: StoryChapter[];
  history: string;
}

/** A text replacement in one estate file, laid over the estate in memory. */
export interface Edit {
  file: string;
  from: string;
  to: string;
  /** For people: what the edit changes. */
  says: string;
}

/** The story's two edits of the example estate: a config-only change, and an image that does not exist. */
export const EXAMPLE_EDITS: { config: Edit; badImage: Edit } = {
  config: {
    file: 'services/auth-api/base/config/auth-api.env',
    from: 'REQUEST_SIGNATURE_MAX_SKEW_SECONDS=300',
    to: 'REQUEST_SIGNATURE_MAX_SKEW_SECONDS=120',
    says: "REQUEST_SIGNATURE_MAX_SKEW_SECONDS=120 in auth-api's ConfigMap",
  },
  badImage: {
    file: ESTATE_FILE,
    from: 'ghcr.io/acme/policy-engine: { newTag: "2026.10.4" }',
    to: 'ghcr.io/acme/policy-engine: { newTag: "doesnotexist" }',
    says: 'policy-engine:doesnotexist',
  },
};

export async function runDeployStory(options: StoryOptions): Promise<StoryResult> {
  const { estateDir, io } = options;
  const disk = new DiskFileSystem();
  const names = activeClusters(disk, estateDir);
  const journalDir = mkdtempSync(join(tmpdir(), 'harbormaster-demo-'));
  const journalFile = join(journalDir, 'journal.db');
  io.say(`\nStarting a simulated fleet: ${names.length} clusters, each its own API server on 127.0.0.1, holding what their Terraform and external-secrets would (journal: ${journalFile})\n`);
  const speed = options.speed ?? 1;
  const workload = { ...options.workload, timeScale: (options.workload?.timeScale ?? 1) / speed };
  const fleet = await startSimFleet({ clusters: names.map((name) => ({ name, workload })) });
  const chapters: StoryChapter[] = [];
  try {
    await bootstrapSimFleet(fleet, renderDesired(disk, loadEstate(disk, estateDir), names).objects);
    const chapter = async (title: string, fs: FileSystem, summary: string): Promise<void> => {
      io.say(`\n${title}\n`);
      chapters.push(await rollOut(title, { estateDir, fs, journalFile, io, connector: simFleetConnector(fleet), summary, speed }));
    };
    const { config, badImage } = options.edits ?? EXAMPLE_EDITS;
    await chapter('1/3  First deploy: every service to every active cluster, wave by wave', disk, 'demo: first deploy of every service');
    await chapter(`2/3  A config-only change (${config.says}): the fast path`, edited(disk, estateDir, [config]), `demo: ${config.says} (in-memory edit)`);
    await chapter(`3/3  A bad image (${badImage.says}): fails in the canary wave, rolled back on its own`, edited(disk, estateDir, [config, badImage]), `demo: ${badImage.says} (in-memory edit)`);
    const history = historyOf(journalFile, new Date());
    io.say(`\n${history}`);
    return { chapters, history };
  } finally {
    await fleet.stop();
    rmSync(journalDir, { recursive: true, force: true });
  }
}

interface RollOutInput {
  estateDir: string;
  fs: FileSystem;
  journalFile: string;
  io: StoryIO;
  connector: ReturnType<typeof simFleetConnector>;
  summary: string;
  speed: number;
}

async function rollOut(title: string, input: RollOutInput): Promise<StoryChapter> {
  const renderer = input.io.renderer();
  const editedAt = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  let result;
  try {
    result = await deploy({
      estateDir: input.estateDir,
      fs: input.fs,
      journalFile: input.journalFile,
      connector: input.connector,
      emit: (event) => renderer.event(event),
      adjustEstate: (estate) => quicken(estate, input.speed),
      // The edits are not commits: the change is described as what it is, and its lead time starts now.
      describeChange: (change: ChangeInfo) => ({ digest: change.digest, summary: input.summary, commitTime: editedAt }),
    });
  } finally {
    renderer.close();
  }
  if (result.kind !== 'finished') throw new Error(`demo: "${title}" did not run: ${result.kind === 'refused' ? result.message : 'planned only'}`);
  input.io.say(formatOutcome(result.plan, result.outcome, input.journalFile));
  return { title, plan: result.plan, outcome: result.outcome };
}

/** The estate with text replacements laid over it in memory; a replacement that finds nothing is a bug in the demo. */
export function edited(below: FileSystem, estateDir: string, edits: readonly Pick<Edit, 'file' | 'from' | 'to'>[]): FileSystem {
  const top = new MemoryFileSystem();
  const texts = new Map<string, string>();
  for (const edit of edits) {
    const path = join(estateDir, edit.file);
    const text = texts.get(path) ?? below.readText(path);
    if (!text.includes(edit.from)) throw new Error(`demo: ${edit.file} no longer contains "${edit.from}"`);
    texts.set(path, text.replace(edit.from, edit.to));
  }
  for (const [path, text] of texts) top.write(path, text);
  return new OverlayFileSystem(top, below);
}

function historyOf(journalFile: string, now: Date): string {
  const journal = openJournalReadOnly(journalFile);
  try {
    return formatHistory(readHistory(journal, now, 1));
  } finally {
    journal.close();
  }
}

/** The clusters the story deploys: the estate's active `sim` clusters (all ten, in the example). */
function activeClusters(fs: FileSystem, estateDir: string): string[] {
  return loadEstate(fs, estateDir)
    .clusters.filter((c) => c.status === 'active' && c.connection.kind === 'sim')
    .map((c) => c.name);
}

/**
 * The estate's waits, `speed` times shorter: bakes and health timeouts shrink
 * with the simulated pods. (The wall clock stays the wall clock, so the ages
 * the simulated controllers stamp on pods and conditions stay true.)
 */
export function quicken(estate: Estate, speed: number): void {
  if (speed === 1) return;
  for (const strategy of Object.values(estate.rollout.strategies)) {
    for (const wave of strategy.waves) {
      wave.bakeSeconds /= speed;
      wave.healthTimeoutSeconds /= speed;
    }
  }
}
