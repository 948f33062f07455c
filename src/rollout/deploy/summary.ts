import type { RolloutOutcome } from '../executor/types.js';
import type { RolloutPlan } from '../plan/types.js';
import { formatDuration, plural } from '../ui/words.js';

/**
 * The few lines printed when a rollout ends: how it ended and why, each
 * wave's time, and for a change with a git commit the lead time from commit
 * to the last region. What to type next when something is left to do.
 */
export function formatOutcome(plan: RolloutPlan, outcome: RolloutOutcome, journalFile: string): string {
  const lines = [headline(plan, outcome)];
  for (const wave of outcome.waves) {
    const planned = plan.waves[wave.wave];
    const slowest = Object.entries(wave.clusterReadyMs).sort(([, a], [, b]) => b - a)[0];
    const took = wave.finishedAt ? formatDuration(Date.parse(wave.finishedAt) - Date.parse(wave.startedAt)) : 'unfinished';
    const ready = slowest ? `; slowest ${slowest[0]} healthy after ${formatDuration(slowest[1])}` : '';
    lines.push(`  wave ${wave.wave + 1}/${plan.waves.length} ${planned?.name ?? ''}: ${took}${ready}`);
  }
  for (const f of outcome.failures) lines.push(`  failed: ${f.cluster}: ${f.code}: ${f.reason}`);
  for (const r of outcome.rollbacks) lines.push(`  rollback ${r.cluster}: ${r.result}${r.reason ? ` (${r.reason})` : ''}`);
  const lead = leadTime(plan, outcome);
  if (lead) lines.push(`  lead time: ${lead}`);
  lines.push(`  journal: ${journalFile}`);
  const next = nextStep(outcome);
  if (next) lines.push(next);
  return `${lines.join('\n')}\n`;
}

function headline(plan: RolloutPlan, outcome: RolloutOutcome): string {
  const clusters = plan.waves.reduce((n, w) => n + w.clusters.length, 0);
  const starts = outcome.waves.map((w) => Date.parse(w.startedAt));
  const ends = [...outcome.waves.map((w) => w.finishedAt), ...outcome.steps.map((s) => s.finishedAt)].filter((t): t is string => t !== undefined).map(Date.parse);
  const took = starts.length > 0 && ends.length > 0 ? ` in ${formatDuration(Math.max(...ends) - Math.min(...starts))}` : '';
  const reason = outcome.reason ? `: ${outcome.reason}` : '';
  return `Rollout ${outcome.rolloutId} ${outcome.state}${took} (strategy ${plan.strategy}, ${plural(plan.waves.length, 'wave')}, ${plural(clusters, 'cluster')})${reason}`;
}

function leadTime(plan: RolloutPlan, outcome: RolloutOutcome): string | undefined {
  const commitTime = plan.change.commitTime;
  if (!commitTime || outcome.state !== 'succeeded') return undefined;
  const ends = outcome.steps.map((s) => s.finishedAt).filter((t): t is string => t !== undefined).map(Date.parse);
  if (ends.length === 0) return undefined;
  return `${formatDuration(Math.max(...ends) - Date.parse(commitTime))} from commit ${plan.change.commit?.slice(0, 12)} to the last region`;
}

function nextStep(outcome: RolloutOutcome): string | undefined {
  const id = outcome.rolloutId;
  if (outcome.state === 'running') return `Interrupted: \`harbormaster rollout resume ${id}\` continues it, \`harbormaster rollout abort ${id}\` gives it up.`;
  if (outcome.state === 'paused') return `Paused: \`harbormaster rollout resume ${id}\` continues it.`;
  if (outcome.state === 'failed') return `Some clusters could not be restored: \`harbormaster rollout rollback ${id}\` tries again; \`harbormaster rollout status ${id}\` shows each step.`;
  return undefined;
}
