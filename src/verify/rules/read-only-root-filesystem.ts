/** A writable root filesystem lets an intruder drop tools and persist changes inside the container. */
import { defineRule } from './define.js';
import { dig } from './values.js';
import { POD_KINDS, runningContainers, workloadOf } from './workloads.js';

export const readOnlyRootFilesystem = defineRule({
  name: 'read-only-root-filesystem',
  category: 'security',
  severity: 'warning',
  description: 'Containers should run with a read-only root filesystem.',
  remediation: 'Set `securityContext.readOnlyRootFilesystem: true` and mount an emptyDir where the process must write (e.g. /tmp).',
  kinds: POD_KINDS,
  check(resource, _context, report) {
    const w = workloadOf(resource);
    if (!w) return;
    for (const c of runningContainers(w)) {
      if (dig(c.container, 'securityContext', 'readOnlyRootFilesystem') !== true) {
        report([...c.path, 'securityContext', 'readOnlyRootFilesystem'], `container "${c.name}" does not set readOnlyRootFilesystem: true`);
      }
    }
  },
});
