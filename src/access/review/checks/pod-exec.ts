import { permissionCheck } from '../permission-check.js';

/** Code execution in running pods: exec, attach, port-forward, ephemeral containers (kubectl debug). */
export const podExecCheck = permissionCheck({
  id: 'access/pod-exec',
  severity: 'high',
  title: 'exec into pods',
  description: 'pods/exec, pods/attach and pods/portforward (create, or get over WebSockets) and pods/ephemeralcontainers (update, patch) run code in or reach into existing pods and their ServiceAccount tokens.',
  remediation: 'Grant exec only to a break-glass role with an expiry; use logs and metrics for routine debugging.',
  probes: [
    { verbs: ['create', 'get'], group: '', resources: ['pods/exec', 'pods/attach', 'pods/portforward'] },
    { verbs: ['update', 'patch'], group: '', resources: ['pods/ephemeralcontainers'] },
  ],
});
