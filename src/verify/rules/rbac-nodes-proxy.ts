/** nodes/proxy reaches the kubelet API, which can exec into any pod on the node. */
import { defineRule } from './define.js';
import { coversCoreGroup, policyRules, ROLE_KINDS } from './rbac.js';

export const rbacNodesProxy = defineRule({
  name: 'rbac-nodes-proxy',
  category: 'rbac',
  severity: 'error',
  description: 'Roles must not grant access to nodes/proxy.',
  remediation: 'Scrape kubelet metrics through nodes/metrics (or the metrics endpoints) instead of nodes/proxy.',
  kinds: ROLE_KINDS,
  check(resource, _context, report) {
    for (const rule of policyRules(resource)) {
      if (!coversCoreGroup(rule)) continue;
      for (const [value, j] of rule.resources) {
        if (value === 'nodes/proxy' || value === 'nodes/*') report([...rule.path, 'resources', j], `${resource.kind} grants ${value}`);
      }
    }
  },
});
