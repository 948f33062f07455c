/** Advice: whoever can create pods can run them as any ServiceAccount of the namespace and mount its Secrets. */
import { defineRule } from './define.js';
import { coversCoreGroup, grantsAnyVerb, policyRules, ROLE_KINDS } from './rbac.js';

export const rbacPodCreate = defineRule({
  name: 'rbac-pod-create',
  category: 'rbac',
  severity: 'info',
  description: 'Roles that can create pods can use every ServiceAccount and Secret of the namespace.',
  remediation: 'Let people create workloads through the delivery pipeline; keep pod creation for controllers.',
  kinds: ROLE_KINDS,
  check(resource, _context, report) {
    for (const rule of policyRules(resource)) {
      if (!coversCoreGroup(rule) || !grantsAnyVerb(rule, ['create'])) continue;
      for (const [value, j] of rule.resources) {
        if (value === 'pods') report([...rule.path, 'resources', j], `${resource.kind} can create pods`);
      }
    }
  },
});
