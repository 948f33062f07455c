import { formatTable } from '../plan/table.js';
import { formatElapsed } from '../ui/words.js';
import type { RolloutStatus } from './control.js';

/**
 * `rollout status`: the rollout as the journal has it — state, change,
 * strategy, then one row per cluster step in plan order, then who holds the
 * locks. Readable without a live process: everything comes from the journal.
 */
export function formatStatus(status: RolloutStatus): string {
  const { rollout, steps } = status;
  const plan = rollout.plan;
  const control = rollout.control !== 'none' ? ` (${rollout.control} requested)` : '';
  const lines = [`Rollout ${plan.id} of estate ${plan.estate}: ${rollout.state}${control}`];
  const facts: [string, string][] = [
    ['change', plan.change.commit ? `${plan.change.summary} (commit ${plan.change.commit.slice(0, 12)})` : plan.change.summary],
    ['strategy', `${plan.strategy} (${plan.strategyReason})`],
    ['started', rollout.startedAt],
  ];
  if (rollout.finishedAt) facts.push(['finished', `${rollout.finishedAt} (${formatElapsed(Date.parse(rollout.finishedAt) - Date.parse(rollout.startedAt))})`]);
  if (rollout.reason) facts.push(['reason', rollout.reason]);
  if (rollout.state === 'running' || rollout.state === 'paused') facts.push(['process', status.attended ? 'a deploy is running it' : 'no process runs it: `harbormaster rollout resume` continues it']);
  lines.push(...facts.map(([k, v]) => `  ${k.padEnd(9)}${v}`));
  const byKey = new Map(steps.map((s) => [`${s.wave}/${s.cluster}`, s]));
  const rows = plan.waves.flatMap((w) =>
    w.clusters.map((c) => {
      const step = byKey.get(`${w.index}/${c.cluster}`);
      const took = step?.startedAt && step.finishedAt ? formatElapsed(Date.parse(step.finishedAt) - Date.parse(step.startedAt)) : '';
      return [`${w.index + 1}/${plan.waves.length} ${w.name}`, c.cluster, c.region, step?.state ?? 'pending', String(step?.applied ?? 0), took, step?.reason ?? ''];
    }),
  );
  const table = formatTable(['wave', 'cluster', 'region', 'state', 'applied', 'took', 'reason'], rows, '  ');
  const locks = status.locks.map((l) => `  lock ${l.cluster}: held by ${l.holder} since ${l.acquiredAt}`);
  return `${lines.join('\n')}\n\n${table}${locks.length ? `\n${locks.join('\n')}\n` : ''}`;
}
