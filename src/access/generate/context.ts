import type { AccessLevel, BreakGlassSpec, PlatformBreakGlassSpec, TeamSpec, WorkloadIdentity } from '../model.js';
import { isExpired } from '../teams/dates.js';
import { levelIn } from '../teams/levels.js';
import type { ClusterAccessInput, ServiceOnCluster } from './input.js';

/** A team as it matters on one cluster. Teams owning nothing on the cluster are left out. */
export interface TeamOnCluster {
  team: TeamSpec;
  /** Namespaces of the team's services on this cluster, sorted. */
  namespaces: string[];
  /** Standing level in this cluster's environment; undefined: none. */
  level?: AccessLevel;
  /** Break-glass roles that have not expired. */
  breakGlass: BreakGlassSpec[];
}

export interface WorkloadOnCluster {
  service: ServiceOnCluster;
  identity: WorkloadIdentity;
  /** The role for this cluster: its own override, else its region's, else the default. */
  roleArn: string;
}

/** Everything the generators read, derived once per cluster. */
export interface ClusterAccessContext {
  input: ClusterAccessInput;
  teams: TeamOnCluster[];
  platformBreakGlass: PlatformBreakGlassSpec[];
  workloads: WorkloadOnCluster[];
  /** The cluster's name in AWS, which ACK objects carry. */
  eksClusterName: string;
  awsAuth: boolean;
  accessEntries: boolean;
  missingNamespaces: ReadonlySet<string>;
  missingServiceAccounts: ReadonlySet<string>;
}

export function clusterContext(input: ClusterAccessInput): ClusterAccessContext {
  const { config, cluster } = input;
  const mode = cluster.eks?.mode ?? config.eks.mode;
  const live = <T extends { expires: string }>(list: readonly T[]): T[] => list.filter((bg) => !isExpired(bg.expires, config.asOf));
  const teams = input.teams.flatMap((team): TeamOnCluster[] => {
    const namespaces = [...new Set(input.services.filter((s) => s.owner === team.name).map((s) => s.namespace))].sort();
    if (namespaces.length === 0) return [];
    const out: TeamOnCluster = { team, namespaces, breakGlass: live(team.breakGlass) };
    const level = levelIn(team, cluster.environment, config);
    if (level) out.level = level;
    return [out];
  });
  const workloads = input.services.flatMap((service): WorkloadOnCluster[] => {
    const identity = service.workloadIdentity;
    if (!identity) return [];
    const roleArn = identity.overrides[cluster.name] ?? identity.overrides[cluster.region] ?? identity.roleArn;
    return [{ service, identity, roleArn }];
  });
  return {
    input,
    teams,
    platformBreakGlass: live(config.breakGlass),
    workloads,
    eksClusterName: cluster.eks?.clusterName ?? cluster.name,
    awsAuth: mode !== 'access-entries',
    accessEntries: mode !== 'aws-auth',
    missingNamespaces: new Set(input.missing?.namespaces ?? []),
    missingServiceAccounts: new Set(input.missing?.serviceAccounts ?? []),
  };
}

/** What generation relies on the rest of the render to provide (see ClusterAccessInput.missing). */
export function clusterNeeds(input: ClusterAccessInput): { namespaces: string[]; serviceAccounts: string[] } {
  const ctx = clusterContext({ ...input, missing: { namespaces: [], serviceAccounts: [] } });
  const namespaces = [...new Set(ctx.teams.flatMap((t) => t.namespaces))].sort();
  const serviceAccounts = [...new Set(ctx.workloads.map((w) => `${w.service.namespace}/${w.identity.serviceAccount}`))].sort();
  return { namespaces, serviceAccounts };
}
