import type { AccessConfig, EksMode, SourcePoint, TeamSpec } from '../access/model.js';
import { accountOf, isExpired, stripRolePath } from '../access/teams/index.js';
import { diag, warning, type Diagnostic } from '../core/diagnostic.js';
import { isObject, type JsonObject } from '../core/json.js';
import type { DocChecker, YamlPath } from './checker.js';
import { EstateCode } from './codes.js';

/**
 * Checks on the identities of spec.access and teams/ taken together: each role
 * mapped once, accounts, node roles where aws-auth is written, expiries.
 */
export interface IdentityCheckInput {
  /** harbormaster.yaml's spec (shape-checked). */
  spec: JsonObject;
  c: DocChecker;
  problems: Diagnostic[];
  warnings: Diagnostic[];
}

/** One role, one mapping: EKS keeps one access entry per principal, aws-auth the first match. */
export function checkIdentities(teams: readonly TeamSpec[], access: AccessConfig, input: IdentityCheckInput): void {
  const seen = new Map<string, SourcePoint>();
  const awsAuthAt = whereAwsAuthIsWritten(access, input);
  // aws-auth matches roles without their path: two paths to one role name would collide there.
  const keyOf = (arn: string): string => (awsAuthAt ? stripRolePath(arn) : arn);
  const visit = (arn: string, at: SourcePoint): void => {
    const first = seen.get(keyOf(arn));
    if (first) input.problems.push(diag(EstateCode.DuplicateIdentity, `role ${arn} is mapped more than once`, at, `first mapped at ${first.file}:${first.line}; one role must have one meaning`));
    else seen.set(keyOf(arn), at);
    const account = accountOf(arn);
    if (account && account !== access.eks.accountId) {
      input.warnings.push(warning(EstateCode.ForeignAccount, `role ${arn} is in account ${account}, not the clusters' account ${access.eks.accountId}`, at, 'cross-account roles work with STANDARD access entries; check this is intended'));
    }
  };
  const estatePoint = (path: YamlPath): SourcePoint => ({ file: input.c.file, line: input.c.where(path).line ?? 1 });
  access.eks.nodeRoles.forEach((arn, i) => visit(arn, estatePoint(['spec', 'access', 'eks', 'nodeRoles', i])));
  access.platformAdmins.forEach((arn, i) => visit(arn, estatePoint(['spec', 'access', 'platformAdmins', i])));
  for (const bg of access.breakGlass) visit(bg.roleArn, bg.at);
  for (const spec of teams) {
    for (const id of spec.identities) visit(id.roleArn, id.at);
    for (const bg of spec.breakGlass) visit(bg.roleArn, bg.at);
  }
  if (awsAuthAt && access.eks.nodeRoles.length === 0) {
    input.warnings.push(warning(EstateCode.AwsAuthNoNodeRoles, `eks.mode ${awsAuthAt.mode} writes aws-auth, but no nodeRoles are listed`, estatePoint(awsAuthAt.path), 'list the node instance roles in spec.access.eks.nodeRoles, or nodes of node groups not using access entries cannot join'));
  }
}

/** The first mode that writes aws-auth: the fleet's, or a cluster's own (spec.clusters[].eks.mode); undefined if none does. */
function whereAwsAuthIsWritten(access: AccessConfig, input: IdentityCheckInput): { mode: EksMode; path: YamlPath } | undefined {
  if (access.eks.mode !== 'access-entries') return { mode: access.eks.mode, path: ['spec', 'access', 'eks', 'mode'] };
  const clusters = Array.isArray(input.spec.clusters) ? input.spec.clusters : [];
  for (const [i, cluster] of clusters.entries()) {
    const eks = isObject(cluster) && isObject(cluster.eks ?? null) ? (cluster.eks as JsonObject) : undefined;
    if (eks && (eks.mode === 'aws-auth' || eks.mode === 'both')) return { mode: eks.mode, path: ['spec', 'clusters', i, 'eks', 'mode'] };
  }
  return undefined;
}

export function checkExpiries(teams: readonly TeamSpec[], access: AccessConfig, warnings: Diagnostic[]): void {
  const entries = [...access.breakGlass, ...teams.flatMap((t) => t.breakGlass)];
  for (const bg of entries) {
    if (isExpired(bg.expires, access.asOf)) {
      warnings.push(warning(EstateCode.BreakGlassExpired, `break-glass role ${bg.roleArn} expired on ${bg.expires}; it is not generated`, bg.at, 'remove the entry, or renew it with a new expiry and reason'));
    }
  }
}
