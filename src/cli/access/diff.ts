/**
 * `harbormaster access diff BASE..HEAD [--estate DIR]`: the estate at both
 * git refs (BASE.. means BASE..HEAD; a lone BASE compares with the working
 * tree), rendered, and compared by effect per cluster. Markdown for a pull
 * request comment, SARIF (escalating gains) for CI, JSON for tools. Exit 1
 * when an escalating gain is at or above --fail-on (default: none).
 */
import { posix } from 'node:path';
import { diffClusterAccess, type ClusterAccessDiff } from '../../access/diff/index.js';
import { compareSeverity } from '../../access/review/index.js';
import type { CliIO } from '../command.js';
import { UsageError, writeAllOrNothing } from '../render.js';
import { diffMarkdown } from './diff-markdown.js';
import type { AccessFlags } from './flags.js';
import { estateAtRef, type EstateAtRef } from './git.js';
import { parseFailOn } from './review.js';
import { foldFindings, renderAccessSarif } from './sarif.js';
import { loadRendered, type AccessSource } from './source.js';
import { packageVersion, repositoryRoot } from '../package-info.js';

export const DIFF_FORMATS = ['markdown', 'sarif', 'json'] as const;

export interface RefRange {
  base: string;
  /** undefined: the working tree. */
  head?: string;
}

export function parseRange(text: string): RefRange {
  if (text.includes('...')) throw new UsageError(`use BASE..HEAD (two dots), not ${text}`);
  const dots = text.indexOf('..');
  if (dots < 0) return { base: text };
  const base = text.slice(0, dots);
  const head = text.slice(dots + 2);
  if (base === '') throw new UsageError(`${text}: BASE is missing (BASE..HEAD)`);
  return { base, head: head === '' ? 'HEAD' : head };
}

export interface AccessDiffReport {
  range: RefRange;
  diffs: ClusterAccessDiff[];
}

/** Renders both sides and diffs every cluster either side has (or those asked for). */
export function diffEstate(estateDir: string, range: RefRange, flags: Pick<AccessFlags, 'clusters' | 'includePlanned'>): AccessDiffReport {
  const trees: EstateAtRef[] = [];
  try {
    const base = estateAtRef(estateDir, range.base);
    trees.push(base);
    const head = range.head === undefined ? undefined : estateAtRef(estateDir, range.head);
    if (head) trees.push(head);
    const request = { clusters: flags.clusters, includePlanned: flags.includePlanned };
    const before = loadRendered(base.dir, request, { mapFile: base.realPath, lenient: true });
    const after = head ? loadRendered(head.dir, request, { mapFile: head.realPath, lenient: true }) : loadRendered(estateDir, request, { lenient: true });
    return { range, diffs: diffSources(before, after) };
  } finally {
    for (const t of trees) t.cleanup();
  }
}

export function diffSources(before: AccessSource, after: AccessSource): ClusterAccessDiff[] {
  const names = [...new Set([...after.clusters.map((c) => c.cluster), ...before.clusters.map((c) => c.cluster)])];
  return names.map((name) =>
    diffClusterAccess(
      name,
      before.clusters.find((c) => c.cluster === name)?.access,
      after.clusters.find((c) => c.cluster === name)?.access,
    ),
  );
}

export function runDiff(flags: AccessFlags, io: CliIO): number {
  const range = parseRange(flags.positional[0]!);
  const failOn = parseFailOn(flags.failOn);
  const estateDir = posix.resolve(io.cwd, flags.estate);
  const report = diffEstate(estateDir, range, flags);
  const text = renderDiff(flags.format ?? 'markdown', report, io.cwd);
  if (flags.out === undefined) io.stdout(text);
  else {
    const file = posix.resolve(io.cwd, flags.out);
    writeAllOrNothing(posix.dirname(file), [{ path: file, text }]);
  }
  if (failOn === 'none') return 0;
  return report.diffs.some((d) => d.escalations.some((f) => compareSeverity(f.severity, failOn) <= 0)) ? 1 : 0;
}

function renderDiff(format: string, report: AccessDiffReport, cwd: string): string {
  if (format === 'sarif') {
    const folded = foldFindings(report.diffs.flatMap((d) => d.escalations.map((f) => ({ ...f, key: f.key.split('\u0001')[0]! }))));
    return renderAccessSarif(folded, { toolVersion: packageVersion(), root: repositoryRoot(cwd), automationId: 'harbormaster/access/diff/' });
  }
  if (format === 'json') return `${JSON.stringify({ base: report.range.base, head: report.range.head ?? null, clusters: report.diffs.map(diffJson) }, null, 2)}\n`;
  return diffMarkdown(report, cwd);
}

function diffJson(d: ClusterAccessDiff): Record<string, unknown> {
  return {
    cluster: d.cluster,
    status: d.status,
    holders: d.holders,
    mappings: d.mappings.map((m) => ({ change: m.change, source: m.mapping.source, arn: m.mapping.arn, username: m.mapping.username, groups: m.mapping.groups, policies: m.mapping.policies, origin: m.mapping.origin })),
    escalations: d.escalations.map((f) => ({ ...f, key: f.key.split('\u0001')[0] })),
  };
}
