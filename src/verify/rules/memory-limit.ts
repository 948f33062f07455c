/** A container without a memory limit can take the node's memory and get its neighbours OOM-killed. */
import { defineRule } from './define.js';
import { dig } from './values.js';
import { POD_KINDS, runningContainers, workloadOf } from './workloads.js';

export const memoryLimit = defineRule({
  name: 'memory-limit',
  category: 'reliability',
  severity: 'warning',
  description: 'Containers must set a memory limit.',
  remediation: 'Set `resources.limits.memory`, typically equal to or a little above the memory request.',
  kinds: POD_KINDS,
  check(resource, _context, report) {
    const w = workloadOf(resource);
    if (!w) return;
    for (const c of runningContainers(w)) {
      if (dig(c.container, 'resources', 'limits', 'memory') != null) continue;
      report([...c.path, 'resources', 'limits', 'memory'], `container "${c.name}" has no memory limit`);
    }
  },
});
