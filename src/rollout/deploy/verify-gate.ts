import { diag, type Diagnostic } from '../../core/diagnostic.js';
import type { Resource } from '../../core/resource.js';
import { resolveCluster } from '../../estate/resolve.js';
import type { RenderedCluster } from '../../estate/render.js';
import type { Estate } from '../../estate/types.js';
import type { FileSystem } from '../../fs/filesystem.js';
import {
  DEFAULT_VERIFY_POLICY,
  idKey,
  isoDay,
  loadPolicies,
  parseVerifySettings,
  parseWaivers,
  resourceLabel,
  SourceLocator,
  verifyFleet,
  type ClusterFinding,
  type VerifyOptions,
  type VerifySettings,
} from '../../verify/index.js';

/**
 * `deploy --verify`: the estate's own verify settings, waivers and admission
 * policies over the manifests about to be deployed. Returns the problems that
 * stop the deploy (findings of severity error, and broken policy or waiver
 * files), each pointed at the line to edit; warnings do not stop it.
 */
export function verifyBeforeDeploy(fs: FileSystem, estate: Estate, rendered: readonly RenderedCluster[], now: Date): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const policyFiles = estate.reserved.policies ?? [];
  const locator = new SourceLocator(fs);
  const waivers = policyFiles.flatMap((file) => collect(parseWaivers(file.file, file.documents), problems).waivers);
  const settings: VerifySettings = {};
  for (const file of policyFiles) Object.assign(settings, collect(parseVerifySettings(file.file, file.documents), problems).settings);
  const policySources = uniqueResources(rendered);
  for (const file of policyFiles) locator.remember(file.file, file.documents);
  const policies = loadPolicies(policySources, { locate: (r, path) => locator.locate(r, path) });
  problems.push(...policies.diagnostics.filter((d) => d.severity === 'error'));
  if (problems.length > 0) return problems;
  const options: VerifyOptions = { podSecurity: settings.podSecurity ?? DEFAULT_VERIFY_POLICY, waivers, today: isoDay(now), locator, policies, fs };
  if (settings.allowedRegistries) options.allowedRegistries = settings.allowedRegistries;
  const inputs = rendered.map((r) => ({ cluster: r.cluster, resources: r.resources, kubernetesVersion: resolveCluster(estate, r.cluster).kubernetesVersion }));
  const fleet = verifyFleet(inputs, options);
  return fleet.findings.filter((f) => f.severity === 'error').map(toDiagnostic);
}

function collect<T extends { diagnostics: Diagnostic[] }>(parsed: T, problems: Diagnostic[]): T {
  problems.push(...parsed.diagnostics.filter((d) => d.severity === 'error'));
  return parsed;
}

/** A policy rendered into several clusters is one policy. */
function uniqueResources(rendered: readonly RenderedCluster[]): Resource[] {
  return [...new Map(rendered.flatMap((r) => r.resources).map((r) => [idKey(r.id), r])).values()];
}

function toDiagnostic(f: ClusterFinding): Diagnostic {
  const where = f.clusters.length > 0 ? ` in ${f.clusters.join(', ')}` : '';
  const at: Parameters<typeof diag>[2] = { file: f.source.file, yamlPath: f.fieldPath };
  if (f.source.line) at.line = f.source.line;
  return diag(f.ruleId, `${resourceLabel(f.resource)}${where}: ${f.message}`, at, f.remediation);
}
