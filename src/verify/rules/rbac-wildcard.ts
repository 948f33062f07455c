/** Wildcards grant everything that exists now and everything added later (CIS 5.1.3). */
import { defineRule } from './define.js';
import { policyRules, ROLE_KINDS } from './rbac.js';

export const rbacWildcard = defineRule({
  name: 'rbac-wildcard',
  category: 'rbac',
  severity: 'warning',
  description: 'Roles should not use `*` in apiGroups, resources or verbs.',
  remediation: 'List the API groups, resources and verbs the subject actually needs.',
  kinds: ROLE_KINDS,
  check(resource, _context, report) {
    for (const rule of policyRules(resource)) {
      for (const field of ['apiGroups', 'resources', 'verbs'] as const) {
        for (const [value, j] of rule[field]) {
          if (value === '*') report([...rule.path, field, j], `${resource.kind} grants * in ${field}`);
        }
      }
    }
  },
});
