import { ACK_EKS_API_VERSION } from '../model.js';
import { roleNameOf } from '../teams/arn.js';
import { dnsSafeName } from '../teams/names.js';
import { CLUSTER_ADMIN_POLICY, eksPrincipals } from './eks-principals.js';
import type { GeneratedManifest, Generator } from './input.js';
import { meta } from './meta.js';

const NAME = 'access-entries';

/**
 * An ACK AccessEntry per principal (the ARN keeps its path: access entries
 * accept paths). Teams get their group and no access policy, so RBAC alone
 * decides what they may do; platform roles get AmazonEKSClusterAdminPolicy,
 * cluster-wide.
 */
export const accessEntries: Generator = {
  name: NAME,
  generate(ctx) {
    if (!ctx.accessEntries) return [];
    const { config } = ctx.input;
    const used = new Set<string>();
    return eksPrincipals(ctx).map((p): GeneratedManifest => {
      const owner = p.team ?? 'platform';
      const tag = p.role === 'break-glass' || p.role === 'platform-break-glass' ? 'break-glass' : '';
      let name = dnsSafeName('hm', owner, tag, roleNameOf(p.roleArn));
      if (used.has(name)) name = dnsSafeName('hm', owner, tag, roleNameOf(p.roleArn), p.roleArn);
      used.add(name);
      const spec = {
        clusterName: ctx.eksClusterName,
        principalARN: p.roleArn,
        type: 'STANDARD',
        username: p.username,
        kubernetesGroups: p.entryGroups,
        accessPolicies: p.clusterAdmin ? [CLUSTER_ADMIN_POLICY] : [],
      };
      const metadata = meta(name, p.team ? { generator: NAME, namespace: config.eks.namespace, team: p.team } : { generator: NAME, namespace: config.eks.namespace });
      return { at: p.at, object: { apiVersion: ACK_EKS_API_VERSION, kind: 'AccessEntry', metadata, spec } };
    });
  },
};
