/** Without a liveness probe a hung process keeps its pod Running forever. */
import { defineRule } from './define.js';
import { POD_KINDS, runsToCompletion, serviceContainers, workloadOf } from './workloads.js';

export const livenessProbe = defineRule({
  name: 'liveness-probe',
  category: 'reliability',
  severity: 'warning',
  description: 'Long-running containers should have a liveness probe.',
  remediation: 'Add a `livenessProbe` (httpGet, tcpSocket, grpc or exec) that fails only when the process cannot recover.',
  kinds: POD_KINDS,
  check(resource, _context, report) {
    const w = workloadOf(resource);
    if (!w || runsToCompletion(w)) return;
    for (const c of serviceContainers(w)) {
      if (c.container.livenessProbe == null) report([...c.path, 'livenessProbe'], `container "${c.name}" has no liveness probe`);
    }
  },
});
