/**
 * `harbormaster access can-i VERB RESOURCE[/SUB] [NAME] [-n NS] --as USER
 * [--as-group G]… | --as-role ARN`: yes or no per cluster, with the path that
 * allows it or what came close. `--as-role` resolves the IAM role through
 * access entries / aws-auth and adds its EKS access policies. Exit 0 when
 * allowed in every cluster, 1 otherwise (as kubectl auth can-i).
 */
import { describeRequest, impersonatedUser, parseRequest, type AccessRequest } from '../../access/evaluate/index.js';
import type { EffectiveDecision } from '../../access/eks/effective.js';
import type { ResolvedIdentity } from '../../access/eks/identity.js';
import type { CliIO } from '../command.js';
import { UsageError } from '../render.js';
import type { AccessFlags } from './flags.js';
import { clusterHeading, foldByText, originText, pathText } from './format.js';
import { pathJson } from './who-can.js';
import type { AccessSource, LoadedCluster } from './source.js';

interface ClusterVerdict {
  cluster: string;
  request: AccessRequest;
  /** For --as-role: the identity EKS gives the role, or null when nothing maps it. */
  identity?: ResolvedIdentity | null;
  decision?: EffectiveDecision;
}

export function checkCanIFlags(flags: AccessFlags): void {
  if (flags.as === undefined && flags.asRole === undefined) throw new UsageError('can-i needs --as USER (with --as-group G…) or --as-role ARN');
  if (flags.as !== undefined && flags.asRole !== undefined) throw new UsageError('--as and --as-role cannot be combined');
  if (flags.asRole !== undefined && flags.asGroups.length > 0) throw new UsageError('--as-group goes with --as; an IAM role gets its groups from its mapping');
}

export function runCanI(flags: AccessFlags, source: AccessSource, io: CliIO): number {
  const [verb, resource, name] = flags.positional as [string, string, string?];
  const verdicts = source.clusters.map((c) => verdict(c, verb, resource, name, flags));
  if (flags.format === 'json') {
    io.stdout(`${JSON.stringify({ clusters: verdicts.map(verdictJson) }, null, 2)}\n`);
  } else {
    const total = verdicts.length;
    for (const g of foldByText(verdicts, (v) => v.cluster, (v) => verdictText(v, io.cwd))) io.stdout(`${clusterHeading(g.clusters, total)}: ${g.text}\n`);
  }
  return verdicts.every((v) => v.decision?.allowed === true) ? 0 : 1;
}

function verdict(c: LoadedCluster, verb: string, resource: string, name: string | undefined, flags: AccessFlags): ClusterVerdict {
  // can-i without -n asks across all namespaces (kubectl's -A): only cluster-wide grants count.
  const { request } = parseRequest({ verb, resource, namespace: flags.namespace ?? '', ...(name ? { name } : {}) }, c.access.catalog);
  if (flags.asRole !== undefined) {
    const r = c.access.canIAsPrincipal({ arn: flags.asRole, ...(flags.sessionName ? { sessionName: flags.sessionName } : {}) }, request);
    return r.identity && r.decision ? { cluster: c.cluster, request, identity: r.identity, decision: r.decision } : { cluster: c.cluster, request, identity: null };
  }
  return { cluster: c.cluster, request, decision: c.access.canI(impersonatedUser(flags.as!, flags.asGroups), request) };
}

function verdictText(v: ClusterVerdict, cwd: string): string {
  const lines: string[] = [];
  if (v.identity === null) return `no — ${describeRequest(v.request)}: the role is in no access entry or aws-auth mapping, so it cannot authenticate\n`;
  const d = v.decision!;
  lines.push(`${d.allowed ? 'yes' : 'no'} — ${describeRequest(v.request)}${scope(v.request)}`);
  if (v.identity) {
    const m = v.identity.mapping;
    lines.push(`  as ${v.identity.username} (groups ${v.identity.groups.join(', ')}) via ${m.object.kind} ${m.object.namespace ? `${m.object.namespace}/` : ''}${m.object.name} ${where(m.origin, cwd)}`.trimEnd());
  }
  if (d.rbac.superuser) lines.push('  via Group system:masters: allowed before RBAC is consulted');
  for (const p of d.rbac.paths) lines.push(`  via ${pathText(p)} ${where(p.binding.origin, cwd)}`.trimEnd());
  for (const p of d.policies) lines.push(`  via EKS access policy ${p.policyName} (${p.namespaces.length ? `namespaces ${p.namespaces.join(',')}` : 'cluster scope'}) ${where(p.mapping.origin, cwd)}`.trimEnd());
  for (const h of d.allowed ? [] : d.rbac.hints) lines.push(`  ${h}`);
  return `${lines.join('\n')}\n`;
}

function scope(request: AccessRequest): string {
  if (request.kind === 'nonResource') return '';
  return request.namespace ? ` in namespace ${request.namespace}` : ' cluster-wide';
}

function where(origin: { file: string; line: number } | undefined, cwd: string): string {
  return origin ? `[${originText(origin, cwd)}]` : '';
}

function verdictJson(v: ClusterVerdict): Record<string, unknown> {
  const d = v.decision;
  return {
    cluster: v.cluster,
    request: v.request,
    allowed: d?.allowed ?? false,
    identity: v.identity === undefined ? undefined : v.identity === null ? null : { username: v.identity.username, groups: v.identity.groups, mapping: v.identity.mapping.object, origin: v.identity.mapping.origin },
    superuser: d?.rbac.superuser ?? false,
    paths: d?.rbac.paths.map(pathJson) ?? [],
    policies: d?.policies.map((p) => ({ policy: p.policyName, namespaces: p.namespaces, rule: p.rule })) ?? [],
    hints: d?.rbac.hints ?? [],
  };
}
