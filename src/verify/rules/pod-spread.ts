/** Replicas the scheduler may put on one node (or zone) all fail together with it. */
import { defineRule } from './define.js';
import { indexOf } from './indexes.js';
import { dig } from './values.js';
import { POD_KINDS, workloadOf } from './workloads.js';

const KINDS = new Set(['apps/Deployment', 'apps/StatefulSet']);

export const podSpread = defineRule({
  name: 'pod-spread',
  category: 'reliability',
  severity: 'warning',
  description: 'Workloads with two or more replicas should spread them with topologySpreadConstraints or pod anti-affinity.',
  remediation: 'Add `topologySpreadConstraints` over `kubernetes.io/hostname` and/or `topology.kubernetes.io/zone` selecting the pod labels.',
  kinds: POD_KINDS,
  check(resource, context, report) {
    const w = workloadOf(resource);
    if (!w || !KINDS.has(w.groupKind)) return;
    const replicas = indexOf(context).minimumReplicas(w) ?? 1;
    if (replicas < 2) return;
    const spreads = Array.isArray(w.spec.topologySpreadConstraints) && w.spec.topologySpreadConstraints.length > 0;
    if (spreads || dig(w.spec, 'affinity', 'podAntiAffinity') != null) return;
    report([...w.specPath, 'topologySpreadConstraints'], `${resource.kind} runs ${replicas} replicas with no topology spread or pod anti-affinity`);
  },
});
