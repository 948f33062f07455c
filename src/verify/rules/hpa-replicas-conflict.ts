/** When an HPA manages a workload, a `spec.replicas` in the manifest resets the scale on every apply. */
import { defineRule } from './define.js';
import { indexOf } from './indexes.js';
import { dig } from './values.js';
import { isReplicated, POD_KINDS, workloadOf } from './workloads.js';

export const hpaReplicasConflict = defineRule({
  name: 'hpa-replicas-conflict',
  category: 'reliability',
  severity: 'warning',
  description: 'Workloads scaled by a HorizontalPodAutoscaler should not set spec.replicas.',
  remediation: 'Remove `spec.replicas` and let the HPA\'s `minReplicas` decide the floor.',
  kinds: POD_KINDS,
  check(resource, context, report) {
    const w = workloadOf(resource);
    if (!w || !isReplicated(w) || dig(resource.obj, 'spec', 'replicas') == null) return;
    const hpas = indexOf(context).autoscalersOf(resource);
    if (hpas.length > 0) report(['spec', 'replicas'], `${resource.kind} sets replicas but HorizontalPodAutoscaler "${hpas[0]?.name}" scales it`);
  },
});
