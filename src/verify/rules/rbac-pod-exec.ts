/** exec/attach into pods runs commands with the pod's identity and secrets. */
import { defineRule } from './define.js';
import { coversCoreGroup, grantsAnyVerb, policyRules, ROLE_KINDS } from './rbac.js';

const SUBRESOURCES = new Set(['pods/exec', 'pods/attach', 'pods/*']);

export const rbacPodExec = defineRule({
  name: 'rbac-pod-exec',
  category: 'rbac',
  severity: 'warning',
  description: 'Roles should not grant pods/exec or pods/attach.',
  remediation: 'Grant exec only to break-glass roles, bound just in time; use logs and ephemeral debug containers otherwise.',
  kinds: ROLE_KINDS,
  check(resource, _context, report) {
    for (const rule of policyRules(resource)) {
      if (!coversCoreGroup(rule) || !grantsAnyVerb(rule, ['create', 'get'])) continue;
      for (const [value, j] of rule.resources) {
        if (SUBRESOURCES.has(value)) report([...rule.path, 'resources', j], `${resource.kind} grants ${value}`);
      }
    }
  },
});
