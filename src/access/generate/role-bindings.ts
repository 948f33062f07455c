import { baseRoleName, breakGlassBindingName, breakGlassGroup, PLATFORM_ADMIN_BINDING, PLATFORM_ADMIN_GROUP, teamBindingName, type AccessLevel, type SourcePoint } from '../model.js';
import type { GeneratedManifest, Generator } from './input.js';
import { clusterRoleRef, groupSubject, meta, RBAC_API_VERSION } from './meta.js';

const NAME = 'role-bindings';

function roleBinding(name: string, namespace: string, team: string, level: AccessLevel, group: string, at: SourcePoint): GeneratedManifest {
  return {
    at,
    object: {
      apiVersion: RBAC_API_VERSION,
      kind: 'RoleBinding',
      metadata: meta(name, { generator: NAME, namespace, team }),
      roleRef: clusterRoleRef(baseRoleName(level)),
      subjects: [groupSubject(group)],
    },
  };
}

/**
 * Per team, in each namespace of its services on the cluster: its group bound
 * to its level, and each live break-glass role's group bound to that role's
 * level. In aws-auth modes, platform admins' group is bound to cluster-admin
 * (with access entries they get AmazonEKSClusterAdminPolicy instead).
 */
export const roleBindings: Generator = {
  name: NAME,
  generate(ctx) {
    const out: GeneratedManifest[] = [];
    for (const { team, namespaces, level, breakGlass } of ctx.teams) {
      for (const ns of namespaces) {
        if (level) out.push(roleBinding(teamBindingName(team.name, level), ns, team.name, level, team.kubernetesGroup, team.at));
        for (const level of [...new Set(breakGlass.map((bg) => bg.level))]) {
          const at = breakGlass.find((bg) => bg.level === level)!.at;
          out.push(roleBinding(breakGlassBindingName(team.name, level), ns, team.name, level, breakGlassGroup(team.kubernetesGroup, level), at));
        }
      }
    }
    if (ctx.awsAuth && (ctx.input.config.platformAdmins.length > 0 || ctx.platformBreakGlass.some((bg) => !bg.systemMasters))) {
      out.push({
        at: ctx.input.config.at,
        object: {
          apiVersion: RBAC_API_VERSION,
          kind: 'ClusterRoleBinding',
          metadata: meta(PLATFORM_ADMIN_BINDING, { generator: NAME }),
          roleRef: clusterRoleRef('cluster-admin'),
          subjects: [groupSubject(PLATFORM_ADMIN_GROUP)],
        },
      });
    }
    return out;
  },
};
