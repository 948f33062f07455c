/**
 * `--output table`: for people. Findings grouped by the file to edit, in
 * line order, each with the object, field, message and fix; then waived
 * findings and the waivers' status; then one summary line. Colour only when
 * asked (the CLI asks on a terminal).
 */
import type { Severity } from '../../core/diagnostic.js';
import type { ClusterFinding } from '../engine.js';
import { countBySeverity, relativePath, resourceLabel, type VerifyReport } from './model.js';

export interface TableOptions {
  color?: boolean;
}

const COLORS: Record<Severity | 'dim' | 'bold', string> = { error: '31', warning: '33', info: '36', dim: '2', bold: '1' };

export function renderTable(report: VerifyReport, options: TableOptions = {}): string {
  const paint = (style: keyof typeof COLORS, text: string): string => (options.color ? `\x1b[${COLORS[style]}m${text}\x1b[0m` : text);
  const out: string[] = [];
  for (const [file, findings] of byFile(report, report.findings)) {
    out.push(paint('bold', file));
    for (const f of findings) out.push(...findingLines(report, f, paint));
    out.push('');
  }
  if (report.waived.length > 0) {
    out.push(paint('bold', `Waived (${report.waived.length})`));
    for (const f of report.waived) {
      const clusters = clusterNote(report, f);
      out.push(`  ${where(report, f)}  ${f.ruleId}  ${resourceLabel(f.resource)}  ${paint('dim', `waiver ${f.waiver.id}`)}${clusters ? `  (${clusters})` : ''}`);
    }
    out.push('');
  }
  if (report.waivers.length > 0) {
    out.push(paint('bold', 'Waivers'));
    for (const s of report.waivers) {
      const w = s.waiver;
      const state = s.state === 'expired' ? paint('error', 'EXPIRED') : s.state === 'unused' ? paint('dim', 'unused') : `waived ${s.waived}`;
      out.push(`  ${w.id}  ${w.rule}  ${w.resource.kind}/${w.resource.namespace}/${w.resource.name}  owner ${w.owner}  expires ${w.expires}  ${state}`);
      out.push(`      ${paint('dim', w.reason)}`);
    }
    out.push('');
  }
  out.push(summaryLine(report));
  return `${out.join('\n')}\n`;
}

type Paint = (style: keyof typeof COLORS, text: string) => string;

function findingLines(report: VerifyReport, f: ClusterFinding, paint: Paint): string[] {
  const pos = `${f.source.line || '-'}${f.source.column ? `:${f.source.column}` : ''}`;
  const lines = [
    `  ${pos.padEnd(7)} ${paint(f.severity, f.severity.padEnd(7))} ${f.ruleId}  ${resourceLabel(f.resource)}${f.fieldPath ? `  ${paint('dim', f.fieldPath)}` : ''}`,
    `          ${f.message}`,
  ];
  if (f.remediation) lines.push(`          ${paint('dim', `fix: ${f.remediation}`)}`);
  const clusters = clusterNote(report, f);
  if (clusters) lines.push(`          ${paint('dim', `clusters: ${clusters}`)}`);
  return lines;
}

/** Which clusters, when the run covered several and the finding is not in all of them ("" otherwise). */
function clusterNote(report: VerifyReport, f: ClusterFinding): string {
  if (report.clusters.length < 2 || f.clusters.length === 0) return '';
  if (f.clusters.length === report.clusters.length) return '';
  return f.clusters.join(', ');
}

function where(report: VerifyReport, f: ClusterFinding): string {
  return `${relativePath(report.root, f.source.file)}:${f.source.line}`;
}

function byFile(report: VerifyReport, findings: readonly ClusterFinding[]): Map<string, ClusterFinding[]> {
  const out = new Map<string, ClusterFinding[]>();
  for (const f of findings) {
    const file = relativePath(report.root, f.source.file) || '(unknown file)';
    const list = out.get(file) ?? [];
    list.push(f);
    out.set(file, list);
  }
  return out;
}

function summaryLine(report: VerifyReport): string {
  const n = countBySeverity(report.findings);
  const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
  const scope = report.clusters.length > 0 ? ` across ${plural(report.clusters.length, 'cluster')}` : '';
  const waived = report.waived.length > 0 ? `; ${report.waived.length} waived` : '';
  return `${plural(n.error, 'error')}, ${plural(n.warning, 'warning')}, ${n.info} info in ${plural(report.resources.length, 'object')}${scope}${waived}`;
}
