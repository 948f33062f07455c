/**
 * `harbormaster access who-can VERB RESOURCE[/SUB] [NAME] [-n NS]`: every
 * subject the request is granted to, with the binding → role → rule path,
 * IAM principals mapped into groups, and EKS access policies listed apart.
 */
import { describeRequest, parseRequest, type AccessRequest, type GrantPath } from '../../access/evaluate/index.js';
import type { EffectiveWhoCan } from '../../access/eks/effective.js';
import type { PolicyGrant } from '../../access/eks/evaluate.js';
import { formatSubject } from '../../access/evaluate/subjects.js';
import type { CliIO } from '../command.js';
import type { AccessFlags } from './flags.js';
import { clusterHeading, columns, foldByText, originText, pathText, scopeText } from './format.js';
import type { AccessSource, LoadedCluster } from './source.js';

interface ClusterAnswer {
  cluster: string;
  request: AccessRequest;
  who: EffectiveWhoCan;
  warning?: string;
}

export function runWhoCan(flags: AccessFlags, source: AccessSource, io: CliIO): number {
  const [verb, resource, name] = flags.positional as [string, string, string?];
  const answers = source.clusters.map((c) => answer(c, verb, resource, name, flags));
  for (const w of new Set(answers.map((a) => a.warning).filter((w): w is string => w !== undefined))) io.stderr(`warning: ${w}\n`);
  if (flags.format === 'json') {
    io.stdout(`${JSON.stringify({ clusters: answers.map((a) => whoCanJson(a)) }, null, 2)}\n`);
    return 0;
  }
  const folded = foldByText(answers, (a) => a.cluster, (a) => whoCanTable(a, io.cwd));
  for (const group of folded) {
    const first = answers.find((a) => a.cluster === group.clusters[0])!;
    io.stdout(`who can ${describeRequest(first.request)}${where(first.request)} — ${clusterHeading(group.clusters, answers.length)}\n\n${group.text}\n`);
  }
  return 0;
}

function answer(c: LoadedCluster, verb: string, resource: string, name: string | undefined, flags: AccessFlags): ClusterAnswer {
  const parsed = parseRequest({ verb, resource, ...(name ? { name } : {}), ...(flags.namespace !== undefined ? { namespace: flags.namespace } : {}) }, c.access.catalog);
  const out: ClusterAnswer = { cluster: c.cluster, request: parsed.request, who: c.access.whoCan(parsed.request) };
  if (parsed.warning) out.warning = parsed.warning;
  return out;
}

function where(request: AccessRequest): string {
  if (request.kind === 'nonResource') return '';
  if (request.namespace === undefined) return ' in any namespace';
  return request.namespace === '' ? ' (cluster-scoped)' : ` in namespace ${request.namespace}`;
}

function whoCanTable(a: ClusterAnswer, cwd: string): string {
  const rows: string[][] = [['SUBJECT', 'SCOPE', 'PATH', 'WHERE']];
  const superusers = new Set(a.who.rbac.superuserGroups);
  for (const g of superusers) rows.push([`Group ${g}`, 'cluster-wide', 'superuser: allowed before RBAC is consulted', '']);
  const principals: string[] = [];
  // A superuser group's own bindings (the default cluster-admin one) add nothing to the line above.
  for (const s of a.who.rbac.subjects.filter((x) => !(x.subject.kind === 'Group' && superusers.has(x.subject.name)))) {
    s.paths.forEach((p, i) => rows.push([i === 0 ? formatSubject(s.subject) : '', scopeText(p.scope), pathText(p, 60), originText(p.binding.origin, cwd)]));
    const mapped = s.subject.kind === 'Group' ? (a.who.groupPrincipals.get(s.subject.name) ?? []) : [];
    if (mapped.length > 0) principals.push(`  ${formatSubject(s.subject)} ← ${mapped.map((m) => m.arn).join(', ')}`);
  }
  let text = columns(rows);
  if (principals.length > 0) text += `\nIAM principals in those groups:\n${principals.join('\n')}\n`;
  if (a.who.policies.length > 0) text += `\nEKS access policies (outside RBAC; kubectl auth can-i and impersonation do not see them):\n${policyTable(a.who.policies, cwd)}`;
  return text;
}

function policyTable(policies: readonly PolicyGrant[], cwd: string): string {
  const rows = [['PRINCIPAL', 'POLICY', 'SCOPE', 'WHERE']];
  for (const p of policies) rows.push([p.principal, p.policyName, p.namespaces.length === 0 ? 'cluster' : `namespaces ${p.namespaces.join(',')}`, originText(p.mapping.origin, cwd)]);
  return columns(rows);
}

export function pathJson(p: GrantPath): Record<string, unknown> {
  return {
    binding: { kind: p.binding.kind, namespace: p.binding.namespace || undefined, name: p.binding.name, origin: p.binding.origin },
    role: { kind: p.role.kind, namespace: p.role.namespace || undefined, name: p.role.name, origin: p.role.origin },
    rule: p.rule.rule,
    ruleIndex: p.rule.index,
    aggregatedFrom: p.rule.aggregatedFrom,
    scope: p.scope,
  };
}

function whoCanJson(a: ClusterAnswer): Record<string, unknown> {
  return {
    cluster: a.cluster,
    request: a.request,
    superuserGroups: a.who.rbac.superuserGroups,
    subjects: a.who.rbac.subjects.map((s) => ({
      ...s.subject,
      principals: s.subject.kind === 'Group' ? (a.who.groupPrincipals.get(s.subject.name) ?? []).map((m) => m.arn) : [],
      paths: s.paths.map(pathJson),
    })),
    policies: a.who.policies.map((p) => ({ principal: p.principal, policy: p.policyName, policyArn: p.policyArn, namespaces: p.namespaces, origin: p.mapping.origin, rule: p.rule })),
  };
}
