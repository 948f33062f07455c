/** escalate, bind and impersonate let a subject give itself (or act with) more rights than it has. */
import { defineRule } from './define.js';
import { policyRules, ROLE_KINDS } from './rbac.js';

const VERBS = new Set(['escalate', 'bind', 'impersonate']);

export const rbacEscalationVerbs = defineRule({
  name: 'rbac-escalation-verbs',
  category: 'rbac',
  severity: 'error',
  description: 'Roles must not grant the escalate, bind or impersonate verbs.',
  remediation: 'Remove the verb; if a controller truly needs it, restrict it with resourceNames and waive the finding with a reason.',
  kinds: ROLE_KINDS,
  check(resource, _context, report) {
    for (const rule of policyRules(resource)) {
      for (const [verb, j] of rule.verbs) {
        if (VERBS.has(verb)) report([...rule.path, 'verbs', j], `${resource.kind} grants the ${verb} verb`);
      }
    }
  },
});
