/**
 * What every output format prints: the findings (folded across clusters),
 * the waived findings with their waivers, every waiver's status, the rules
 * that ran, and paths relative to a root so reports read the same on every
 * machine.
 */
import type { Diagnostic, Severity } from '../../core/diagnostic.js';
import type { ResourceId } from '../../core/resource-id.js';
import type { Resource } from '../../core/resource.js';
import type { ClusterFinding, FleetResult, VerifyResult, WaivedClusterFinding } from '../engine.js';
import type { Rule } from '../rule.js';
import { isExpired } from '../waivers/apply.js';
import type { Waiver } from '../waivers/parse.js';
import { ruleCatalog, type RuleInfo } from './catalog.js';

export type WaiverState = 'used' | 'unused' | 'expired';

export interface WaiverStatus {
  waiver: Waiver;
  state: WaiverState;
  /** How many findings it waived (after folding across clusters). */
  waived: number;
}

export interface VerifyReport {
  toolVersion: string;
  /** Absolute directory that report paths are relative to (the repository root). */
  root: string;
  /** Clusters verified, in order; [] for a run over plain files. */
  clusters: string[];
  resources: ResourceId[];
  findings: ClusterFinding[];
  waived: WaivedClusterFinding[];
  waivers: WaiverStatus[];
  rules: RuleInfo[];
  diagnostics: Diagnostic[];
}

export interface ReportContext {
  toolVersion: string;
  root: string;
  rules: readonly Rule[];
  /** Every waiver loaded (used or not). */
  waivers: readonly Waiver[];
  today: string;
}

export function reportFromFleet(fleet: FleetResult, context: ReportContext): VerifyReport {
  return assemble(fleet.clusters, fleet.resources, fleet.findings, fleet.waived, fleet.diagnostics, context);
}

export function reportFromResult(result: VerifyResult, resources: readonly Resource[], context: ReportContext): VerifyReport {
  const findings = result.findings.map((f) => ({ ...f, clusters: [] }));
  const waived = result.waived.map((w) => ({ ...w.finding, clusters: [], waiver: w.waiver }));
  const ids = new Map<string, ResourceId>();
  for (const r of resources) ids.set(JSON.stringify(r.id), r.id);
  return assemble([], [...ids.values()], findings, waived, result.diagnostics, context);
}

function assemble(
  clusters: string[], resources: ResourceId[], findings: ClusterFinding[], waived: WaivedClusterFinding[], diagnostics: Diagnostic[], context: ReportContext,
): VerifyReport {
  const waivers = context.waivers.map((waiver): WaiverStatus => {
    const count = waived.filter((f) => f.waiver.id === waiver.id).length;
    const state: WaiverState = isExpired(waiver, context.today) ? 'expired' : count > 0 ? 'used' : 'unused';
    return { waiver, state, waived: count };
  });
  return {
    toolVersion: context.toolVersion,
    root: context.root,
    clusters,
    resources,
    findings,
    waived,
    waivers,
    rules: ruleCatalog(context.rules, [...findings, ...waived]),
    diagnostics,
  };
}

export function countBySeverity(findings: readonly { severity: Severity }[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}

/** `apps/v1` or `v1`. */
export function apiVersionOf(id: ResourceId): string {
  return id.group ? `${id.group}/${id.version}` : id.version;
}

/** `Deployment auth/auth-api`, `ClusterRole view-all`. */
export function resourceLabel(id: ResourceId): string {
  return `${id.kind} ${id.namespace ? `${id.namespace}/` : ''}${id.name}`;
}

/** A path relative to the report root, with forward slashes; absolute when outside it. */
export function relativePath(root: string, file: string): string {
  if (!file.startsWith('/')) return file;
  const base = root.endsWith('/') ? root : `${root}/`;
  return file.startsWith(base) ? file.slice(base.length) : file;
}
