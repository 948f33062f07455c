/**
 * The verify engine: every rule over every rendered object, each finding
 * pointed at the line to edit, then the estate's waivers. One call checks
 * one rendered set (a cluster, or plain files); `verifyFleet` checks many
 * clusters and reports a finding they share once, with the cluster list.
 */
import { diag, type Diagnostic } from '../core/diagnostic.js';
import type { ResourceId } from '../core/resource-id.js';
import type { Resource } from '../core/resource.js';
import { DiskFileSystem } from '../fs/disk.js';
import type { FileSystem } from '../fs/filesystem.js';
import { compareFindings, type Finding } from './finding.js';
import { SourceLocator } from './locate.js';
import { type PodSecurityPolicy } from './pss/policy.js';
import { podSecurityRule } from './pss/rule.js';
import { HARDENING_RULES } from './rules/index.js';
import { schemaRule } from './schema/index.js';
import { admissionPolicyRule, type PolicySet } from './vap/index.js';
import { createVerifyContext, type Rule, type VerifyContextOptions } from './rule.js';
import { applyWaivers, isoDay, waiverStatusFindings, type WaivedFinding } from './waivers/apply.js';
import type { Waiver } from './waivers/parse.js';

export const VerifyCode = {
  /** A rule threw instead of returning findings: a defect, reported rather than hidden. */
  RuleFailed: 'VERIFY_RULE_FAILED',
} as const;

/** Pod Security default for namespaces without labels: what `verify` checks unless told otherwise. */
export const DEFAULT_VERIFY_POLICY: PodSecurityPolicy = { level: 'baseline', version: 'latest' };

export interface VerifyOptions {
  /** Policy for namespaces without `pod-security.kubernetes.io/enforce` labels. Default baseline/latest. */
  podSecurity?: PodSecurityPolicy;
  /** Kubernetes `MAJOR.MINOR` of the target cluster, for version-aware rules. */
  kubernetesVersion?: string;
  /** Registries (or registry/path prefixes) images may come from; unset: any. */
  allowedRegistries?: readonly string[];
  /** ValidatingAdmissionPolicies (and bindings) to evaluate, from `loadPolicies`. */
  policies?: PolicySet;
  /** The rules to run; default: `defaultRules(options)`. */
  rules?: readonly Rule[];
  waivers?: readonly Waiver[];
  /** Cluster being checked; waivers with a cluster list apply only there. */
  cluster?: string;
  /** Files are read from here to find the lines to edit (default: the disk). */
  fs?: FileSystem;
  /** Share one locator (and its parsed files) across calls. */
  locator?: SourceLocator;
  /** `YYYY-MM-DD`; default: today (UTC). Waivers expire after their `expires` day. */
  today?: string;
}

export interface VerifyResult {
  /** Findings not waived, in report order; includes expired/unused waiver findings. */
  findings: Finding[];
  /** Findings a waiver covered, each with its waiver. */
  waived: WaivedFinding[];
  /** Every waiver that covered at least one finding, in file order. */
  waiversUsed: Waiver[];
  diagnostics: Diagnostic[];
}

/** Every built-in rule, configured for one run: Pod Security, the hardening rules, the schema, admission policies. */
export function defaultRules(options: Pick<VerifyOptions, 'podSecurity' | 'kubernetesVersion' | 'policies'> = {}): Rule[] {
  const schema = schemaRule(options.kubernetesVersion ? { kubernetesVersion: options.kubernetesVersion } : {});
  const rules = [podSecurityRule({ defaultPolicy: options.podSecurity ?? DEFAULT_VERIFY_POLICY }), ...HARDENING_RULES, schema];
  if (options.policies && options.policies.policies.length > 0) rules.push(admissionPolicyRule(options.policies));
  return rules;
}

/** Verifies one rendered set, then applies waivers and reports their status. */
export function verifyResources(resources: readonly Resource[], options: VerifyOptions = {}): VerifyResult {
  const checked = checkResources(resources, options);
  const today = options.today ?? isoDay(new Date());
  const waivers = options.waivers ?? [];
  const { kept, waived } = applyWaivers(checked.findings, waivers, today, options.cluster);
  const used = usedWaivers(waivers, waived);
  const status = waiverStatusFindings(waivers, new Set(used.map((w) => w.id)), today);
  return { findings: [...kept, ...status].sort(compareFindings), waived, waiversUsed: used, diagnostics: checked.diagnostics };
}

/** Runs the rules and locates each finding; no waivers. */
export function checkResources(resources: readonly Resource[], options: VerifyOptions = {}): { findings: Finding[]; diagnostics: Diagnostic[] } {
  const rules = options.rules ?? defaultRules(options);
  const locator = options.locator ?? new SourceLocator(options.fs ?? new DiskFileSystem());
  const context = createVerifyContext(resources, contextOptions(options));
  const findings: Finding[] = [];
  const diagnostics: Diagnostic[] = [];
  const failed = new Set<string>();
  for (const resource of resources) {
    for (const rule of rules) {
      if (failed.has(rule.id)) continue;
      let found: Finding[];
      try {
        found = rule.check(resource, context);
      } catch (err) {
        failed.add(rule.id);
        diagnostics.push(diag(VerifyCode.RuleFailed, `rule ${rule.id} failed on ${resource.kind}/${resource.name}: ${(err as Error).message}`, { ...resource.origin }));
        continue;
      }
      for (const finding of found) {
        // Rules hand out findings of their own; pointing one at its line twice gives the same answer.
        finding.source = locator.locate(resource, finding.path);
        findings.push(finding);
      }
    }
  }
  return { findings: findings.sort(compareFindings), diagnostics };
}

function contextOptions(options: VerifyOptions): VerifyContextOptions {
  const out: { -readonly [K in keyof VerifyContextOptions]: VerifyContextOptions[K] } = {};
  if (options.kubernetesVersion) out.kubernetesVersion = options.kubernetesVersion;
  if (options.allowedRegistries) out.allowedRegistries = options.allowedRegistries;
  if (options.cluster) out.clusterName = options.cluster;
  return out;
}

export function usedWaivers(waivers: readonly Waiver[], waived: readonly WaivedFinding[]): Waiver[] {
  const ids = new Set(waived.map((w) => w.waiver.id));
  return waivers.filter((w) => ids.has(w.id));
}

/** A finding with the clusters it was found in ([] for a plain-file run). */
export interface ClusterFinding extends Finding {
  clusters: string[];
}

export interface WaivedClusterFinding extends ClusterFinding {
  waiver: Waiver;
}

export interface ClusterInput {
  cluster: string;
  resources: readonly Resource[];
  kubernetesVersion?: string;
}

export interface FleetResult {
  clusters: string[];
  findings: ClusterFinding[];
  waived: WaivedClusterFinding[];
  waiversUsed: Waiver[];
  /** Every object checked, once per id across clusters. */
  resources: ResourceId[];
  diagnostics: Diagnostic[];
}

/**
 * Verifies each cluster with its own Kubernetes version, applies waivers per
 * cluster, then folds identical findings (same rule, object, field, message
 * and source line) into one with the list of clusters. Waiver status
 * (expired, unused) is judged over the whole fleet.
 */
export function verifyFleet(inputs: readonly ClusterInput[], options: VerifyOptions = {}): FleetResult {
  const locator = options.locator ?? new SourceLocator(options.fs ?? new DiskFileSystem());
  const today = options.today ?? isoDay(new Date());
  const waivers = options.waivers ?? [];
  const findings = new FindingFold<ClusterFinding>();
  const waived = new FindingFold<WaivedClusterFinding>();
  const resources = new Map<string, ResourceId>();
  const diagnostics: Diagnostic[] = [];
  const seenDiagnostics = new Set<string>();
  for (const input of inputs) {
    const clusterOptions: VerifyOptions = { ...options, locator, cluster: input.cluster };
    if (input.kubernetesVersion) clusterOptions.kubernetesVersion = input.kubernetesVersion;
    const checked = checkResources(input.resources, clusterOptions);
    const outcome = applyWaivers(checked.findings, waivers, today, input.cluster);
    for (const f of outcome.kept) findings.add(f, input.cluster, (c) => ({ ...f, clusters: c }));
    for (const w of outcome.waived) waived.add(w.finding, input.cluster, (c) => ({ ...w.finding, clusters: c, waiver: w.waiver }), w.waiver.id);
    for (const r of input.resources) resources.set(idKey(r.id), r.id);
    for (const d of checked.diagnostics) {
      const key = JSON.stringify(d);
      if (!seenDiagnostics.has(key)) diagnostics.push(d);
      seenDiagnostics.add(key);
    }
  }
  const used = waivers.filter((w) => waived.values().some((f) => f.waiver.id === w.id));
  const status = waiverStatusFindings(waivers, new Set(used.map((w) => w.id)), today).map((f) => ({ ...f, clusters: [] }));
  return {
    clusters: inputs.map((i) => i.cluster),
    findings: [...findings.values(), ...status].sort(compareFindings),
    waived: waived.values().sort(compareFindings),
    waiversUsed: used,
    resources: [...resources.values()],
    diagnostics,
  };
}

/** Findings keyed by everything but the cluster, collecting the clusters each was seen in. */
class FindingFold<T extends ClusterFinding> {
  private readonly byKey = new Map<string, T>();

  add(finding: Finding, cluster: string, make: (clusters: string[]) => T, extra = ''): void {
    const key = `${findingKey(finding)}\u0000${extra}`;
    const found = this.byKey.get(key);
    if (found) {
      if (!found.clusters.includes(cluster)) found.clusters.push(cluster);
    } else this.byKey.set(key, make([cluster]));
  }

  values(): T[] {
    return [...this.byKey.values()];
  }
}

/** Identity of a finding regardless of cluster: what a reader would call "the same problem". */
export function findingKey(f: Finding): string {
  return JSON.stringify([f.ruleId, f.severity, idKey(f.resource), f.fieldPath, f.message, f.source.file, f.source.line, f.source.column ?? 0]);
}

export function idKey(id: ResourceId): string {
  return `${id.group}/${id.version}/${id.kind}/${id.namespace}/${id.name}`;
}
