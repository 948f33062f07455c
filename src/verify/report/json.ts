/**
 * `--output json`: a stable, documented document (schemaVersion 1, see
 * docs/verify.md). Keys always appear in the same order; optional values are
 * null rather than absent, so consumers can rely on the shape.
 */
import type { Diagnostic } from '../../core/diagnostic.js';
import type { ClusterFinding, WaivedClusterFinding } from '../engine.js';
import type { FindingSource } from '../finding.js';
import { apiVersionOf, countBySeverity, relativePath, type VerifyReport, type WaiverStatus } from './model.js';

export const JSON_SCHEMA_VERSION = 1;

export function renderJson(report: VerifyReport): string {
  const doc = {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: { name: 'harbormaster', version: report.toolVersion },
    clusters: report.clusters,
    summary: {
      resources: report.resources.length,
      findings: countBySeverity(report.findings),
      waived: report.waived.length,
      waivers: report.waivers.length,
    },
    findings: report.findings.map((f) => finding(report, f)),
    waived: report.waived.map((f) => ({ ...finding(report, f), waiver: f.waiver.id })),
    waivers: report.waivers.map((w) => waiver(report, w)),
    diagnostics: report.diagnostics.map((d) => diagnostic(report, d)),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function finding(report: VerifyReport, f: ClusterFinding | WaivedClusterFinding): Record<string, unknown> {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    category: f.category,
    resource: { apiVersion: apiVersionOf(f.resource), kind: f.resource.kind, namespace: f.resource.namespace || null, name: f.resource.name },
    fieldPath: f.fieldPath,
    message: f.message,
    remediation: f.remediation,
    location: location(report, f.source),
    clusters: f.clusters,
  };
}

function location(report: VerifyReport, source: FindingSource): Record<string, unknown> {
  return { file: relativePath(report.root, source.file), line: source.line || null, column: source.column ?? null };
}

function waiver(report: VerifyReport, status: WaiverStatus): Record<string, unknown> {
  const w = status.waiver;
  return {
    id: w.id,
    rule: w.rule,
    resource: { kind: w.resource.kind, namespace: w.resource.namespace, name: w.resource.name },
    clusters: w.clusters ?? null,
    reason: w.reason,
    owner: w.owner,
    expires: w.expires,
    status: status.state,
    waived: status.waived,
    location: location(report, w.source),
  };
}

function diagnostic(report: VerifyReport, d: Diagnostic): Record<string, unknown> {
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    file: d.file ? relativePath(report.root, d.file) : null,
    line: d.line || null,
    column: d.column ?? null,
  };
}
