/** Without a readiness probe a pod receives traffic before it can serve it. */
import { defineRule } from './define.js';
import { POD_KINDS, runsToCompletion, serviceContainers, workloadOf } from './workloads.js';

export const readinessProbe = defineRule({
  name: 'readiness-probe',
  category: 'reliability',
  severity: 'warning',
  description: 'Long-running containers should have a readiness probe.',
  remediation: 'Add a `readinessProbe` that succeeds only when the container can serve requests.',
  kinds: POD_KINDS,
  check(resource, _context, report) {
    const w = workloadOf(resource);
    if (!w || runsToCompletion(w)) return;
    for (const c of serviceContainers(w)) {
      if (c.container.readinessProbe == null) report([...c.path, 'readinessProbe'], `container "${c.name}" has no readiness probe`);
    }
  },
});
