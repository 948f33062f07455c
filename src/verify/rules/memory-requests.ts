/** Without a memory request the pod is scheduled as if it needed nothing, and is evicted first. */
import { defineRule } from './define.js';
import { dig } from './values.js';
import { POD_KINDS, runningContainers, workloadOf } from './workloads.js';

export const memoryRequests = defineRule({
  name: 'memory-requests',
  category: 'efficiency',
  severity: 'warning',
  description: 'Containers must request memory so the scheduler can place them.',
  remediation: 'Set `resources.requests.memory` (e.g. `128Mi`) from observed usage.',
  kinds: POD_KINDS,
  check(resource, _context, report) {
    const w = workloadOf(resource);
    if (!w) return;
    for (const c of runningContainers(w)) {
      // A limit without a request makes the request default to the limit.
      if (dig(c.container, 'resources', 'requests', 'memory') != null || dig(c.container, 'resources', 'limits', 'memory') != null) continue;
      report([...c.path, 'resources', 'requests', 'memory'], `container "${c.name}" has no memory request`);
    }
  },
});
