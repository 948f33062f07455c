/** Identical liveness and readiness probes restart pods that only needed to be taken out of rotation. */
import { jsonEqual } from '../../core/json.js';
import { defineRule } from './define.js';
import { POD_KINDS, serviceContainers, workloadOf } from './workloads.js';

export const identicalProbes = defineRule({
  name: 'identical-probes',
  category: 'reliability',
  severity: 'warning',
  description: 'Liveness and readiness probes should differ: readiness gates traffic, liveness restarts.',
  remediation: 'Make the liveness probe more tolerant (other endpoint, higher failureThreshold) than the readiness probe.',
  kinds: POD_KINDS,
  check(resource, _context, report) {
    const w = workloadOf(resource);
    if (!w) return;
    for (const c of serviceContainers(w)) {
      const liveness = c.container.livenessProbe;
      if (liveness != null && jsonEqual(liveness, c.container.readinessProbe)) {
        report([...c.path, 'livenessProbe'], `container "${c.name}" has identical liveness and readiness probes`);
      }
    }
  },
});
