import { formatDuration } from '../../estate/rollout-config.js';
import { formatTable } from '../plan/table.js';
import type { DeliveryFigures } from './types.js';

/** `rollout history`: DORA's four keys, then each rollout, then each region. */
export function formatHistory(figures: DeliveryFigures): string {
  const { dora, window } = figures;
  const lead = dora.leadTimeForChanges;
  const cfr = dora.changeFailureRate;
  const ttr = dora.timeToRestore;
  const freq = dora.deploymentFrequency;
  const keys: [string, string][] = [
    ['deployment frequency', `${freq.deployments} deployment${freq.deployments === 1 ? '' : 's'}: ${freq.perDay} per day, ${freq.perWeek} per week`],
    ['lead time for changes', lead.medianSeconds === undefined ? 'n/a (no succeeded rollout with a commit time)' : `median ${dur(lead.medianSeconds)}, p90 ${dur(lead.p90Seconds)} (${lead.samples} rollouts)`],
    ['change failure rate', cfr.rate === undefined ? 'n/a (no finished rollouts)' : `${percent(cfr.rate)} (${cfr.failed} of ${cfr.finished} finished rollouts failed or were rolled back)`],
    ['time to restore', ttr.restored + ttr.open === 0 ? 'n/a (no failures)' : `${ttr.medianSeconds === undefined ? 'none restored yet' : `median ${dur(ttr.medianSeconds)}`} (${ttr.restored} restored, ${ttr.open} open)`],
  ];
  const out = [`Delivery figures, last ${window.days} days (${window.from} to ${window.to}): DORA's four keys\n`];
  out.push(...keys.map(([k, v]) => `  ${k.padEnd(23)}${v}\n`));
  if (figures.rollouts.length === 0) return `${out.join('')}\nNo rollouts in this window.\n`;
  out.push('\nRollouts (newest first)\n');
  const rows = figures.rollouts.map((r) => [r.id, r.state, r.strategy, r.commit?.slice(0, 7) ?? '—', r.startedAt, dur(r.durationSeconds), dur(r.leadTimeSeconds), String(r.clusters)]);
  out.push(formatTable(['rollout', 'state', 'strategy', 'commit', 'started', 'duration', 'lead time', 'clusters'], rows, '  '));
  if (figures.regions.length > 0) {
    out.push('\nBy region (succeeded rollouts)\n');
    const regionRows = figures.regions.map((r) => [r.region, String(r.deployments), dur(r.medianLeadTimeSeconds), r.lastFinishedAt ?? '—']);
    out.push(formatTable(['region', 'deploys', 'median lead time', 'last finished'], regionRows, '  '));
  }
  return out.join('');
}

function dur(seconds: number | undefined): string {
  return seconds === undefined ? '—' : formatDuration(seconds);
}

function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}
