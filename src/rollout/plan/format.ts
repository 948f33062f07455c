import { formatDuration } from '../../estate/rollout-config.js';
import { formatTable } from './table.js';
import type { ChangeCounts, GatePlan, RolloutPlan, WavePlan } from './types.js';

/**
 * The plan as `deploy --plan` prints it: the change and why this strategy,
 * then each wave with its clusters and what changes on each.
 */
export function formatPlan(plan: RolloutPlan): string {
  const out = [`Rollout ${plan.id} of estate ${plan.estate}\n`, header(plan), '\n'];
  plan.waves.forEach((wave) => out.push(formatWave(wave, plan.waves.length), '\n'));
  if (plan.waves.length === 0) out.push('No active clusters to deploy.\n\n');
  out.push(totals(plan));
  return out.join('');
}

function header(plan: RolloutPlan): string {
  const rows: [string, string][] = [
    ['change', changeLine(plan)],
    ['digest', plan.change.digest.slice(0, 12)],
    ['strategy', `${plan.strategy}: ${plan.strategyReason}`],
    ['rollback', plan.rollbackPolicy === 'all-waves' ? 'all-waves: a failure rolls back the failed wave and every finished one' : 'failed-wave: a failure rolls back the wave that failed'],
    ['gates', gateLine(plan.waves[0]?.gates ?? [{ kind: 'health' }])],
    ['freeze', plan.freeze ? `ON: ${plan.freeze.reason}${plan.freeze.until ? ` (until ${plan.freeze.until})` : ''}; deploy refuses to start` : 'none'],
  ];
  return rows.map(([k, v]) => `  ${k.padEnd(10)}${v}\n`).join('');
}

function changeLine(plan: RolloutPlan): string {
  const c = plan.change;
  if (!c.commit) return c.summary;
  const dirty = c.dirty ? ', plus uncommitted changes' : '';
  return `${c.summary} (commit ${c.commit.slice(0, 12)}, ${c.commitTime ?? 'time unknown'}${dirty})`;
}

export function gateLine(gates: GatePlan[]): string {
  return gates
    .map((g) => (g.kind === 'health' ? 'health of every object' : `metric ${g.name}: ${g.query} ${g.comparison} ${g.threshold} (${g.prometheus})`))
    .join('; then ');
}

function formatWave(wave: WavePlan, total: number): string {
  const n = wave.clusters.length;
  const head =
    `Wave ${wave.index + 1}/${total} ${wave.name}: ${n} cluster${n === 1 ? '' : 's'}, ` +
    `parallelism ${wave.parallelism}, health timeout ${formatDuration(wave.healthTimeoutSeconds)}, bake ${formatDuration(wave.bakeSeconds)}\n`;
  const rows = wave.clusters.map((c) => [c.cluster, c.region, String(c.objects), ...counts(c.changes)]);
  return head + formatTable(['cluster', 'region', 'objects', 'create', 'update', 'unchanged', 'prune'], rows, '  ');
}

function counts(c: ChangeCounts): string[] {
  return [c.create, c.update, c.unchanged, c.prune].map(String);
}

function totals(plan: RolloutPlan): string {
  const steps = plan.waves.flatMap((w) => w.clusters);
  const sum: ChangeCounts = { create: 0, update: 0, unchanged: 0, prune: 0 };
  let objects = 0;
  for (const s of steps) {
    objects += s.objects;
    for (const k of Object.keys(sum) as (keyof ChangeCounts)[]) sum[k] += s.changes[k];
  }
  const changing = steps.filter((s) => s.changes.create + s.changes.update + s.changes.prune > 0).length;
  const idle = steps.length - changing;
  return (
    `Total: ${steps.length} clusters, ${changing} with changes${idle > 0 ? ` (${idle} already up to date)` : ''}; ` +
    `${objects} objects: ${sum.create} create, ${sum.update} update, ${sum.unchanged} unchanged, ${sum.prune} prune\n`
  );
}
