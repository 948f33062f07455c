/** A container-runtime socket gives whoever holds it root on the node. */
import { defineRule } from './define.js';
import { hostPathVolumes } from './host-paths.js';
import { POD_KINDS, workloadOf } from './workloads.js';

/** Socket files (and the directories holding them) of the common runtimes. */
export const RUNTIME_SOCKET = /(^|\/)(docker|containerd|crio|cri-dockerd|dockershim)\.sock$|^\/(var\/)?run\/(containerd|crio|docker)$/;

export const dockerSocketMount = defineRule({
  name: 'docker-socket-mount',
  category: 'security',
  severity: 'error',
  description: 'Pods must not mount the container runtime socket.',
  remediation: 'Remove the hostPath volume; build images with a rootless builder instead of the node\'s runtime.',
  kinds: POD_KINDS,
  check(resource, _context, report) {
    const w = workloadOf(resource);
    if (!w) return;
    for (const v of hostPathVolumes(w)) {
      if (RUNTIME_SOCKET.test(v.hostPath)) report(v.path, `volume "${v.name}" mounts the container runtime socket ${v.hostPath}`);
    }
  },
});
