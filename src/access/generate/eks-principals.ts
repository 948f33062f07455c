import {
  breakGlassGroup,
  breakGlassUsername,
  CLUSTER_ADMIN_POLICY_ARN,
  PLATFORM_ADMIN_GROUP,
  PLATFORM_ADMIN_USERNAME,
  PLATFORM_BREAK_GLASS_USERNAME,
  SYSTEM_MASTERS,
  teamUsername,
  type SourcePoint,
} from '../model.js';
import type { ClusterAccessContext } from './context.js';

/**
 * Every IAM role that authenticates to the cluster, with what it becomes
 * there. Access entries and aws-auth are two renderings of this one list,
 * so `both` mode can never let them disagree.
 */
export interface EksPrincipal {
  roleArn: string;
  /** Owning team, or undefined for platform roles. */
  team?: string;
  /** Short tag for object names: '', 'break-glass', 'platform', 'platform-break-glass'. */
  role: 'team' | 'break-glass' | 'platform' | 'platform-break-glass';
  username: string;
  /** Groups in aws-auth. */
  awsAuthGroups: string[];
  /** kubernetesGroups of the access entry. */
  entryGroups: string[];
  clusterAdmin: boolean;
  at: SourcePoint;
}

export function eksPrincipals(ctx: ClusterAccessContext): EksPrincipal[] {
  const { config } = ctx.input;
  const out: EksPrincipal[] = [];
  config.platformAdmins.forEach((roleArn) => {
    out.push({ roleArn, role: 'platform', username: PLATFORM_ADMIN_USERNAME, awsAuthGroups: [PLATFORM_ADMIN_GROUP], entryGroups: [], clusterAdmin: true, at: config.at });
  });
  for (const bg of ctx.platformBreakGlass) {
    const awsAuthGroups = [bg.systemMasters ? SYSTEM_MASTERS : PLATFORM_ADMIN_GROUP];
    out.push({ roleArn: bg.roleArn, role: 'platform-break-glass', username: PLATFORM_BREAK_GLASS_USERNAME, awsAuthGroups, entryGroups: [], clusterAdmin: true, at: bg.at });
  }
  for (const { team, level, breakGlass } of ctx.teams) {
    if (level) {
      for (const id of team.identities) {
        const groups = [team.kubernetesGroup];
        out.push({ roleArn: id.roleArn, team: team.name, role: 'team', username: teamUsername(team.name), awsAuthGroups: groups, entryGroups: groups, clusterAdmin: false, at: id.at });
      }
    }
    for (const bg of breakGlass) {
      const groups = [breakGlassGroup(team.kubernetesGroup, bg.level)];
      out.push({ roleArn: bg.roleArn, team: team.name, role: 'break-glass', username: breakGlassUsername(team.name), awsAuthGroups: groups, entryGroups: groups, clusterAdmin: false, at: bg.at });
    }
  }
  return out;
}

export const CLUSTER_ADMIN_POLICY = { policyARN: CLUSTER_ADMIN_POLICY_ARN, accessScope: { type: 'cluster' } };
