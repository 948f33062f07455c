/** Advice: without a priority class every pod is equal when the cluster is full, so the wrong ones get preempted. */
import { defineRule } from './define.js';
import { POD_KINDS, workloadOf } from './workloads.js';

export const priorityClass = defineRule({
  name: 'priority-class',
  category: 'reliability',
  severity: 'info',
  description: 'Pods should name a priorityClassName.',
  remediation: 'Set `priorityClassName` to one of the estate\'s PriorityClasses.',
  kinds: POD_KINDS,
  check(resource, _context, report) {
    const w = workloadOf(resource);
    if (!w || w.groupKind === '/PodTemplate') return;
    if (!w.spec.priorityClassName) report([...w.specPath, 'priorityClassName'], 'pod sets no priorityClassName');
  },
});
