/** Without a CPU request the scheduler packs the pod as if it needed nothing. */
import { defineRule } from './define.js';
import { dig } from './values.js';
import { POD_KINDS, runningContainers, workloadOf } from './workloads.js';

export const cpuRequests = defineRule({
  name: 'cpu-requests',
  category: 'efficiency',
  severity: 'warning',
  description: 'Containers must request CPU so the scheduler can place them.',
  remediation: 'Set `resources.requests.cpu` (e.g. `100m`) from observed usage.',
  kinds: POD_KINDS,
  check(resource, _context, report) {
    const w = workloadOf(resource);
    if (!w) return;
    for (const c of runningContainers(w)) {
      // A limit without a request makes the request default to the limit.
      if (dig(c.container, 'resources', 'requests', 'cpu') != null || dig(c.container, 'resources', 'limits', 'cpu') != null) continue;
      report([...c.path, 'resources', 'requests', 'cpu'], `container "${c.name}" has no CPU request`);
    }
  },
});
