/** Binding a port below 1024 needs root or NET_BIND_SERVICE; a high port with a Service in front needs neither. */
import { declaredPorts } from './container-ports.js';
import { defineRule } from './define.js';
import { POD_KINDS, runningContainers, workloadOf } from './workloads.js';

export const privilegedPort = defineRule({
  name: 'privileged-port',
  category: 'security',
  severity: 'warning',
  description: 'Containers should not listen on privileged ports (below 1024).',
  remediation: 'Listen on a port of 1024 or above and map the well-known port in the Service (`port: 80`, `targetPort: 8080`).',
  kinds: POD_KINDS,
  check(resource, _context, report) {
    const w = workloadOf(resource);
    if (!w) return;
    for (const p of declaredPorts(runningContainers(w))) {
      if (p.containerPort !== undefined && p.containerPort > 0 && p.containerPort < 1024) {
        report([...p.path, 'containerPort'], `container "${p.container.name}" listens on privileged port ${p.containerPort}`);
      }
    }
  },
});
