/** Without a PodDisruptionBudget a node drain may evict every replica at once. */
import { defineRule } from './define.js';
import { indexOf } from './indexes.js';
import { POD_KINDS, workloadOf } from './workloads.js';

const KINDS = new Set(['apps/Deployment', 'apps/StatefulSet']);

export const pdbMissing = defineRule({
  name: 'pdb-missing',
  category: 'reliability',
  severity: 'warning',
  description: 'Workloads with two or more replicas should be covered by a PodDisruptionBudget.',
  remediation: 'Add a PodDisruptionBudget selecting the pod labels, e.g. with `maxUnavailable: 1`.',
  kinds: POD_KINDS,
  check(resource, context, report) {
    const w = workloadOf(resource);
    if (!w || !KINDS.has(w.groupKind)) return;
    const index = indexOf(context);
    const replicas = index.minimumReplicas(w) ?? 1;
    if (replicas < 2 || index.budgetsFor(w).length > 0) return;
    report(['spec', 'replicas'], `${resource.kind} runs ${replicas} replicas but no PodDisruptionBudget selects its pods`);
  },
});
