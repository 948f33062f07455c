/**
 * Reading Secrets across all namespaces reads every credential in the
 * cluster. A ClusterRole bound only by RoleBindings is namespace-scoped and
 * passes; one bound cluster-wide, or not bound in the set, is reported.
 */
import { defineRule } from './define.js';
import { indexOf } from './indexes.js';
import { coversCoreGroup, grantsAnyVerb, policyRules, RBAC_GROUP } from './rbac.js';
import { isKind } from './values.js';

export const rbacClusterSecretsRead = defineRule({
  name: 'rbac-cluster-secrets-read',
  category: 'rbac',
  severity: 'warning',
  description: 'ClusterRoles should not let subjects read Secrets in every namespace.',
  remediation: 'Use a Role (or bind the ClusterRole with RoleBindings) in the namespaces that hold the needed Secrets, or restrict it with resourceNames.',
  kinds: ['ClusterRole'],
  check(resource, context, report) {
    if (!isKind(resource, RBAC_GROUP, 'ClusterRole')) return;
    const use = indexOf(context).clusterRoleBindings(resource.name);
    if (use.namespaced && !use.cluster) return;
    for (const rule of policyRules(resource)) {
      if (!coversCoreGroup(rule) || rule.resourceNames.length > 0 || !grantsAnyVerb(rule, ['get', 'list', 'watch'])) continue;
      for (const [value, j] of rule.resources) {
        if (value === 'secrets') report([...rule.path, 'resources', j], 'ClusterRole can read Secrets in every namespace');
      }
    }
  },
});
