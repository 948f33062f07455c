/** Mounting system directories of the node exposes its credentials and configuration to the pod. */
import { defineRule } from './define.js';
import { RUNTIME_SOCKET } from './docker-socket-mount.js';
import { hostPathVolumes } from './host-paths.js';
import { POD_KINDS, workloadOf } from './workloads.js';

const SENSITIVE = new Set([
  '/', '/boot', '/dev', '/etc', '/lib', '/proc', '/sys', '/usr', '/root', '/home',
  '/var/run', '/run', '/var/lib/kubelet', '/var/lib/docker', '/var/lib/containerd', '/var/lib/etcd', '/etc/kubernetes',
]);

export const sensitiveHostMount = defineRule({
  name: 'sensitive-host-mount',
  category: 'security',
  severity: 'error',
  description: 'Pods must not mount sensitive node directories (/, /etc, /proc, /sys, /var/lib/kubelet …).',
  remediation: 'Mount only the specific file or subdirectory needed, read-only, or avoid hostPath entirely.',
  kinds: POD_KINDS,
  check(resource, _context, report) {
    const w = workloadOf(resource);
    if (!w) return;
    for (const v of hostPathVolumes(w)) {
      // The runtime socket directories have their own rule.
      if (SENSITIVE.has(v.hostPath) && !RUNTIME_SOCKET.test(v.hostPath)) {
        report(v.path, `volume "${v.name}" mounts the node directory ${v.hostPath}`);
      }
    }
  },
});
