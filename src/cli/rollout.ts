import { existsSync } from 'node:fs';
import { posix } from 'node:path';
import { RolloutControlError, requestAbort, requestPause, rolloutStatus } from '../rollout/deploy/control.js';
import { resume, rollback, type ReattachRequest } from '../rollout/deploy/reattach.js';
import { formatStatus } from '../rollout/deploy/status.js';
import { formatOutcome } from '../rollout/deploy/summary.js';
import { RolloutRefusedError, type RolloutOutcome } from '../rollout/executor/index.js';
import { formatHistory } from '../rollout/history/format.js';
import { readHistory } from '../rollout/history/read.js';
import { JournalError } from '../rollout/journal/errors.js';
import { journalPath, openJournal, openJournalReadOnly } from '../rollout/journal/sqlite.js';
import type { Journal } from '../rollout/journal/types.js';
import { createEventRenderer } from '../rollout/ui/index.js';
import type { CliIO, Command } from './command.js';
import { displayPath, outputFormat, parseFlags, reportError, type ParsedFlags } from './deploy.js';
import { UsageError } from './render.js';

const USAGE = `usage: harbormaster rollout status [ID] [--output text|json]
       harbormaster rollout pause [ID]
       harbormaster rollout resume [ID] [--output text|json]
       harbormaster rollout abort [ID]
       harbormaster rollout rollback [ID] [--cluster C]... [--output text|json]
       harbormaster rollout history [--since 30d] [--output text|json]
  every form also takes --estate DIR (default: .) and --journal FILE
  (default: DIR/.harbormaster/journal.db)

Without ID: the rollout still going, else the newest.
  status    the rollout as the journal has it: state, each cluster step, locks
  pause     no new cluster starts; steps in flight finish (the deploy waits)
  resume    a paused rollout goes on; one whose process is gone (Ctrl-C, a crash)
            is continued here, without re-applying finished work
  abort     stop and roll back per the estate's policy; with no process running
            it, it is marked aborted and its locks are released
  rollback  restore the last-good manifests that preceded the rollout, on every
            cluster it touched or the ones named with --cluster
  history   DORA's four keys, lead time per rollout and per region (--since 30d, 12w, 48h)

status, pause, abort and history read or write the journal only; resume and
rollback reach the clusters (sim clusters: an embedded simulated fleet, or the
one named by HARBORMASTER_SIM_KUBECONFIG).

Exit status: 0 done, 1 the rollout (or its rollback) failed or there was
nothing to act on, 2 usage errors or no such rollout or journal, 3 a cluster
is locked by another rollout.
`;

type Action = (flags: ParsedFlags, io: CliIO, journalFile: string) => Promise<number>;

const COMMON = ['--estate', '--journal'];
const SUBCOMMANDS: Record<string, { values: string[]; repeated?: string[]; run: Action }> = {
  status: { values: [...COMMON, '--output'], run: status },
  pause: { values: COMMON, run: control('pause') },
  abort: { values: COMMON, run: control('abort') },
  resume: { values: [...COMMON, '--output'], run: reattach('resume') },
  rollback: { values: [...COMMON, '--output'], repeated: ['--cluster'], run: reattach('rollback') },
  history: { values: [...COMMON, '--output', '--since'], run: history },
};

export const rolloutCommand: Command = {
  name: 'rollout',
  summary: 'status, pause, resume, abort, rollback and delivery history of rollouts',
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const [name, ...rest] = args;
    const sub = name === undefined ? undefined : SUBCOMMANDS[name];
    let flags: ParsedFlags;
    try {
      if (!sub) throw new UsageError(name === undefined ? 'which one? status, pause, resume, abort, rollback or history' : `unknown subcommand ${name}`);
      flags = parseFlags(rest, { values: sub.values, repeated: sub.repeated ?? [], positionals: name === 'history' ? 0 : 1 });
      outputFormat(flags);
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      io.stderr(`error: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    const estate = posix.resolve(io.cwd, flags.values.get('--estate') ?? '.');
    const journal = flags.values.get('--journal');
    try {
      return await sub.run(flags, io, journal ? posix.resolve(io.cwd, journal) : journalPath(estate));
    } catch (err) {
      return reportFailure(err, io);
    }
  },
};

async function status(flags: ParsedFlags, io: CliIO, file: string): Promise<number> {
  return withJournal(file, 'read', (journal) => {
    const s = rolloutStatus(journal, flags.positionals[0]);
    io.stdout(outputFormat(flags) === 'json' ? `${JSON.stringify(s, null, 2)}\n` : formatStatus(s));
    return 0;
  });
}

function control(verb: 'pause' | 'abort'): Action {
  return async (flags, io, file) =>
    withJournal(file, 'write', (journal) => {
      const id = flags.positionals[0];
      const result = verb === 'pause' ? requestPause(journal, id) : requestAbort(journal, id, new Date());
      io.stdout(`${result.message}\n`);
      return 0;
    });
}

function reattach(verb: 'resume' | 'rollback'): Action {
  return async (flags, io, file) => {
    const json = outputFormat(flags) === 'json';
    const renderer = createEventRenderer(
      json ? { mode: 'json', out: { write: (t) => io.stdout(t) } } : io.isTTY ? { mode: 'live', out: { write: (t) => io.stderr(t) } } : { mode: 'plain', out: { write: (t) => io.stdout(t) } },
    );
    try {
      return await withJournal(file, 'write', async (journal) => {
        const request: ReattachRequest = {
          journal,
          estateDir: posix.resolve(io.cwd, flags.values.get('--estate') ?? '.'),
          emit: (event) => renderer.event(event),
          note: (text) => io.stderr(`${text}\n`),
        };
        if (flags.positionals[0] !== undefined) request.rolloutId = flags.positionals[0];
        const result = verb === 'resume' ? await resume(request) : await rollback(request, flags.lists.get('--cluster'));
        renderer.close();
        if ('message' in result) {
          io.stdout(`${result.message}\n`);
          return 0;
        }
        printOutcome(result, journal, io, json);
        return exitOf(verb, result);
      });
    } finally {
      renderer.close();
    }
  };
}

function printOutcome(outcome: RolloutOutcome, journal: Journal, io: CliIO, json: boolean): void {
  const plan = journal.rollout(outcome.rolloutId)!.plan;
  const text = formatOutcome(plan, outcome, displayPath(journal.file, io.cwd));
  if (json) io.stderr(text);
  else io.stdout(text);
}

/** A resume succeeds when the rollout does; a rollback when every cluster asked for was restored. */
function exitOf(verb: 'resume' | 'rollback', outcome: RolloutOutcome): number {
  if (verb === 'resume') return outcome.state === 'succeeded' ? 0 : 1;
  return outcome.state === 'rolled-back' && outcome.rollbacks.every((r) => r.result === 'restored') ? 0 : 1;
}

async function history(flags: ParsedFlags, io: CliIO, file: string): Promise<number> {
  const days = parseSince(flags.values.get('--since') ?? '30d');
  return withJournal(file, 'read', (journal) => {
    const figures = readHistory(journal, new Date(), days);
    io.stdout(outputFormat(flags) === 'json' ? `${JSON.stringify(figures, null, 2)}\n` : formatHistory(figures));
    return 0;
  });
}

/** `30d`, `12w`, `48h` → days. */
export function parseSince(text: string): number {
  const m = /^(\d+)([hdw])$/.exec(text);
  if (!m || Number(m[1]) === 0) throw new UsageError(`--since takes a duration like 30d, 12w or 48h, not ${text}`);
  return Number(m[1]) * { h: 1 / 24, d: 1, w: 7 }[m[2] as 'h' | 'd' | 'w'];
}

/** status and history never create or migrate a journal; pause and abort need one that exists. */
async function withJournal<T>(file: string, mode: 'read' | 'write', fn: (journal: Journal) => T | Promise<T>): Promise<T> {
  if (mode === 'write' && !existsSync(file)) throw new JournalError('JOURNAL_NOT_FOUND', 'no rollout journal here yet (it is created by the first deploy)', file);
  const journal = mode === 'read' ? openJournalReadOnly(file) : openJournal(file);
  try {
    return await fn(journal);
  } finally {
    journal.close();
  }
}

function reportFailure(err: unknown, io: CliIO): number {
  if (err instanceof UsageError) {
    io.stderr(`error: ${err.message}\n`);
    return 2;
  }
  if (err instanceof RolloutControlError) {
    io.stderr(`error ${err.code}: ${err.message}\n`);
    return err.code === 'ROLLOUT_NOT_RUNNING' ? 1 : 2;
  }
  if (err instanceof RolloutRefusedError) {
    io.stderr(`error ${err.code}: ${err.message}\n`);
    return err.code === 'ROLLOUT_LOCKED' || err.code === 'ROLLOUT_FROZEN' ? 3 : err.code === 'ROLLOUT_NOT_FOUND' ? 2 : 1;
  }
  return reportError(err, io);
}
