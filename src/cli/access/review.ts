/**
 * `harbormaster access review [--cluster C]… [--format table|json|sarif|markdown]`:
 * the escalation checks over every selected cluster; findings identical in
 * several clusters are printed once with the clusters named. Exit 1 when a
 * finding is at or above --fail-on (default: none, report only).
 */
import { posix } from 'node:path';
import { compareSeverity, formatHolder, REVIEW_CHECKS, reviewCluster, SEVERITIES, type ReviewFinding, type ReviewSeverity } from '../../access/review/index.js';
import type { CliIO } from '../command.js';
import { UsageError, writeAllOrNothing } from '../render.js';
import type { AccessFlags } from './flags.js';
import { originText, scopeText } from './format.js';
import { foldFindings, renderAccessSarif, type FoldedFinding } from './sarif.js';
import type { AccessSource } from './source.js';
import { packageVersion, repositoryRoot } from '../package-info.js';

export const REVIEW_FORMATS = ['table', 'json', 'sarif', 'markdown'] as const;

export function parseFailOn(value: string | undefined): ReviewSeverity | 'none' {
  if (value === undefined || value === 'none') return 'none';
  if ((SEVERITIES as readonly string[]).includes(value)) return value as ReviewSeverity;
  throw new UsageError(`--fail-on must be one of ${[...SEVERITIES, 'none'].join(', ')}, not ${value}`);
}

export function runReview(flags: AccessFlags, source: AccessSource, io: CliIO): number {
  const failOn = parseFailOn(flags.failOn);
  const findings = source.clusters.flatMap((c) => reviewCluster(c.access, { includeBuiltIn: flags.includeBuiltIn }));
  const folded = foldFindings(findings).sort((a, b) => compareSeverity(a.finding.severity, b.finding.severity) || a.finding.check.localeCompare(b.finding.check));
  const clusters = source.clusters.map((c) => c.cluster);
  const text = render(flags.format ?? 'table', folded, clusters, io.cwd);
  if (flags.out === undefined) io.stdout(text);
  else {
    const file = posix.resolve(io.cwd, flags.out);
    writeAllOrNothing(posix.dirname(file), [{ path: file, text }]);
    io.stderr(`${summary(folded, clusters)}\n`);
  }
  if (failOn === 'none') return 0;
  return folded.some((f) => compareSeverity(f.finding.severity, failOn) <= 0) ? 1 : 0;
}

function render(format: string, folded: readonly FoldedFinding[], clusters: readonly string[], cwd: string): string {
  if (format === 'json') return `${JSON.stringify({ clusters, findings: folded.map((f) => ({ ...f.finding, clusters: f.clusters })) }, null, 2)}\n`;
  if (format === 'sarif') return renderAccessSarif(folded, { toolVersion: packageVersion(), root: repositoryRoot(cwd), automationId: 'harbormaster/access/review/' });
  if (format === 'markdown') return markdown(folded, clusters, cwd);
  return table(folded, clusters, cwd);
}

function clustersText(of: readonly string[], all: readonly string[]): string {
  return of.length === all.length && all.length > 1 ? `all ${all.length} clusters` : of.join(', ');
}

function table(folded: readonly FoldedFinding[], clusters: readonly string[], cwd: string): string {
  const out: string[] = [];
  for (const { finding: f, clusters: where } of folded) {
    out.push(`${f.severity.padEnd(8)} ${f.check}  ${formatHolder(f.holder)}  (${scopeText(f.scope)}; ${clustersText(where, clusters)})`);
    out.push(`  ${f.message}`);
    out.push(`  via ${f.path}`);
    if (f.principals.length > 0) out.push(`  held by ${f.principals.join(', ')}`);
    if (f.origin) out.push(`  at ${originText(f.origin, cwd)}${f.roleOrigin ? ` (role at ${originText(f.roleOrigin, cwd)})` : ''}`);
    out.push('');
  }
  out.push(summary(folded, clusters));
  return `${out.join('\n')}\n`;
}

function markdown(folded: readonly FoldedFinding[], clusters: readonly string[], cwd: string): string {
  const lines = [`## Access review`, '', summary(folded, clusters), ''];
  if (folded.length > 0) {
    lines.push('| severity | check | holder | what | via | scope | clusters | where |', '|---|---|---|---|---|---|---|---|');
    for (const { finding: f, clusters: where } of folded) {
      const cells = [f.severity, `\`${f.check}\``, formatHolder(f.holder), f.message, f.path, scopeText(f.scope), clustersText(where, clusters), f.origin ? `\`${originText(f.origin, cwd)}\`` : ''];
      lines.push(`| ${cells.map(escapeCell).join(' | ')} |`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

export function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

export function summary(folded: readonly { finding: ReviewFinding }[], clusters: readonly string[]): string {
  const counts = SEVERITIES.map((s) => [s, folded.filter((f) => f.finding.severity === s).length] as const).filter(([, n]) => n > 0);
  const checks = REVIEW_CHECKS.length;
  if (folded.length === 0) return `no findings (${checks} checks, ${clusters.length} cluster${clusters.length === 1 ? '' : 's'})`;
  return `${folded.length} finding${folded.length === 1 ? '' : 's'} (${counts.map(([s, n]) => `${n} ${s}`).join(', ')}) in ${clusters.length} cluster${clusters.length === 1 ? '' : 's'}, ${checks} checks`;
}
