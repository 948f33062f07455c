/** An SSH daemon in a container is a second way in that bypasses the cluster's access control and audit. */
import { declaredPorts } from './container-ports.js';
import { defineRule } from './define.js';
import { POD_KINDS, runningContainers, workloadOf } from './workloads.js';

export const sshPort = defineRule({
  name: 'ssh-port',
  category: 'security',
  severity: 'warning',
  description: 'Containers should not expose SSH (port 22).',
  remediation: 'Remove the SSH server; use `kubectl exec` or ephemeral debug containers, which are authorised and audited.',
  kinds: POD_KINDS,
  check(resource, _context, report) {
    const w = workloadOf(resource);
    if (!w) return;
    for (const p of declaredPorts(runningContainers(w))) {
      if (p.containerPort === 22) report([...p.path, 'containerPort'], `container "${p.container.name}" exposes port 22 (SSH)`);
    }
  },
});
