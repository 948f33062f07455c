/**
 * `--output sarif`: SARIF 2.1.0 for code-scanning services. One run; every
 * rule described in tool.driver.rules (with help and security-severity);
 * `results` always present; locations are repository-relative URIs with the
 * real start line and column; waived findings appear as results with an
 * accepted external suppression; fingerprints hash the rule, object and
 * field, not the line, so they survive unrelated edits.
 */
import { createHash } from 'node:crypto';
import type { Severity } from '../../core/diagnostic.js';
import type { ClusterFinding, WaivedClusterFinding } from '../engine.js';
import type { RuleInfo } from './catalog.js';
import { apiVersionOf, relativePath, resourceLabel, type VerifyReport } from './model.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
/** GitHub's scale: ≥7 high, ≥4 medium, above 0 low. */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.0', info: '2.0' };

export function renderSarif(report: VerifyReport): string {
  const index = new Map(report.rules.map((r, i) => [r.id, i]));
  const results = [
    ...report.findings.map((f) => result(report, f, index)),
    ...report.waived.map((f) => ({ ...result(report, f, index), suppressions: [suppression(f)] })),
  ];
  return sarifLog({
    toolVersion: report.toolVersion,
    rules: report.rules.map(descriptor),
    automationId: `harbormaster/verify/${report.clusters.length > 0 ? 'estate' : 'files'}/`,
    results,
    extra: {
      invocations: [
        {
          executionSuccessful: true,
          toolExecutionNotifications: report.diagnostics.map((d) => ({
            level: LEVEL[d.severity],
            message: { text: d.message },
            descriptor: { id: d.code },
            ...(d.file ? { locations: [{ physicalLocation: physical(report, d.file, d.line ?? 0, d.column) }] } : {}),
          })),
        },
      ],
      properties: { clusters: report.clusters },
    },
  });
}

export interface SarifRun {
  toolVersion: string;
  /** reportingDescriptor objects, in the order results' ruleIndex refers to. */
  rules: Record<string, unknown>[];
  automationId: string;
  results: Record<string, unknown>[];
  /** More properties of the run (invocations, properties). */
  extra?: Record<string, unknown>;
}

/** The SARIF 2.1.0 log of one Harbormaster run, as text: the frame every SARIF output shares. */
export function sarifLog(run: SarifRun): string {
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'harbormaster', version: run.toolVersion, semanticVersion: run.toolVersion, rules: run.rules } },
        automationDetails: { id: run.automationId },
        columnKind: 'utf16CodeUnits',
        results: run.results,
        ...run.extra,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function descriptor(rule: RuleInfo): Record<string, unknown> {
  return ruleDescriptor({
    id: rule.id,
    title: rule.description,
    description: rule.description,
    help: rule.help,
    level: LEVEL[rule.severity],
    securitySeverity: SECURITY_SEVERITY[rule.severity],
    category: rule.category,
    tags: ['kubernetes', rule.category],
  });
}

export interface RuleDescriptorInput {
  id: string;
  title: string;
  description: string;
  help: string;
  level: 'error' | 'warning' | 'note';
  /** GitHub's 0–10 scale, as a string. */
  securitySeverity: string;
  category?: string;
  tags: string[];
}

/** One SARIF rule (reportingDescriptor), shaped alike for verify's rules and access's checks. */
export function ruleDescriptor(rule: RuleDescriptorInput): Record<string, unknown> {
  return {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: { text: rule.help, markdown: `**${rule.id}**: ${rule.description}\n\n${rule.help}` },
    defaultConfiguration: { level: rule.level },
    properties: {
      ...(rule.category !== undefined ? { category: rule.category } : {}),
      tags: rule.tags,
      'security-severity': rule.securitySeverity,
      precision: 'very-high',
    },
  };
}

/** SARIF names are PascalCase words: `pod-security/hostPathVolumes` → `PodSecurityHostPathVolumes`. */
/** A rule id as a PascalCase name (`hm/image-latest` → `HmImageLatest`). */
export function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

function result(report: VerifyReport, f: ClusterFinding, index: ReadonlyMap<string, number>): Record<string, unknown> {
  const subject = `${resourceLabel(f.resource)}${f.fieldPath ? ` at ${f.fieldPath}` : ''}`;
  const out: Record<string, unknown> = {
    ruleId: f.ruleId,
    level: LEVEL[f.severity],
    message: { text: `${f.message} (${subject}). ${f.remediation}`.trim() },
    locations: [
      {
        physicalLocation: physical(report, f.source.file, f.source.line, f.source.column),
        logicalLocations: [{ fullyQualifiedName: logicalName(f), kind: 'object' }],
      },
    ],
    partialFingerprints: { 'harbormasterFinding/v1': fingerprint(f) },
    properties: {
      category: f.category,
      fieldPath: f.fieldPath,
      resource: { apiVersion: apiVersionOf(f.resource), kind: f.resource.kind, namespace: f.resource.namespace, name: f.resource.name },
      clusters: f.clusters,
    },
  };
  const i = index.get(f.ruleId);
  if (i !== undefined) out.ruleIndex = i;
  return out;
}

function physical(report: VerifyReport, file: string, line: number, column: number | undefined): Record<string, unknown> {
  return physicalLocation(report.root, file, line, column);
}

/** A SARIF physicalLocation: repository-relative (against %SRCROOT%) when the file is under `root`, else a file URI. */
export function physicalLocation(root: string, file: string, line: number, column?: number): Record<string, unknown> {
  const rel = relativePath(root, file);
  const artifactLocation = rel.startsWith('/') ? { uri: `file://${encodePath(rel)}` } : { uri: encodePath(rel), uriBaseId: SRCROOT };
  if (!line || line < 1) return { artifactLocation };
  return { artifactLocation, region: { startLine: line, startColumn: column && column > 0 ? column : 1 } };
}

function encodePath(path: string): string {
  return path.split('/').map((seg) => encodeURIComponent(seg)).join('/');
}

function logicalName(f: ClusterFinding): string {
  const id = f.resource;
  return `${apiVersionOf(id)}/${id.kind}/${id.namespace ? `${id.namespace}/` : ''}${id.name}${f.fieldPath ? `#${f.fieldPath}` : ''}`;
}

/** Rule + object + field: stable when lines move; distinct for distinct problems. */
export function fingerprint(f: ClusterFinding): string {
  const id = f.resource;
  const text = [f.ruleId, id.group, id.kind, id.namespace, id.name, f.fieldPath].join('\u0000');
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

function suppression(f: WaivedClusterFinding): Record<string, unknown> {
  const w = f.waiver;
  return { kind: 'external', state: 'accepted', justification: `${w.reason} (waiver ${w.id}, owner ${w.owner}, expires ${w.expires})` };
}
