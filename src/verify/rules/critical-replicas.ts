/**
 * Advice: a workload whose priority class marks it critical should keep
 * serving through one lost node plus one rollout, i.e. run three replicas.
 */
import { defineRule } from './define.js';
import { indexOf } from './indexes.js';
import { str } from './values.js';
import { POD_KINDS, workloadOf } from './workloads.js';

const KINDS = new Set(['apps/Deployment', 'apps/StatefulSet']);

export const criticalReplicas = defineRule({
  name: 'critical-replicas',
  category: 'reliability',
  severity: 'info',
  description: 'Critical workloads (priorityClassName containing "critical") should run at least three replicas.',
  remediation: 'Set `spec.replicas` (or the HPA\'s `minReplicas`) to 3 or more.',
  kinds: POD_KINDS,
  check(resource, context, report) {
    const w = workloadOf(resource);
    if (!w || !KINDS.has(w.groupKind)) return;
    const priority = str(w.spec.priorityClassName) ?? '';
    if (!/critical/i.test(priority)) return;
    const replicas = indexOf(context).minimumReplicas(w) ?? 1;
    if (replicas < 3) report(['spec', 'replicas'], `${resource.kind} has priority class "${priority}" but runs ${replicas} replica(s)`);
  },
});
