import { permissionCheck } from '../permission-check.js';

const WORKLOADS = ['deployments', 'daemonsets', 'statefulsets', 'replicasets'];

/** Whoever creates a pod (directly or through a controller) runs it as any ServiceAccount of the namespace. */
export const workloadCreateCheck = permissionCheck({
  id: 'access/workload-create',
  severity: 'high',
  title: 'create pods or workloads',
  description: 'Creating pods or pod controllers runs code as any ServiceAccount in the namespace (and, without Pod Security, privileged or with host mounts); update and patch can change the pod template the same way.',
  remediation: 'Keep workload writes to the namespaces a team owns, enforce Pod Security there, and prefer patch on named objects (rollouts) to create.',
  probes: [
    { verbs: ['create'], group: '', resources: ['pods', 'replicationcontrollers'] },
    { verbs: ['create'], group: 'apps', resources: WORKLOADS },
    { verbs: ['create'], group: 'batch', resources: ['jobs', 'cronjobs'] },
    { verbs: ['update', 'patch'], group: '', resources: ['pods', 'replicationcontrollers'] },
    { verbs: ['update', 'patch'], group: 'apps', resources: WORKLOADS },
    { verbs: ['update', 'patch'], group: 'batch', resources: ['jobs', 'cronjobs'] },
  ],
  // Changing an existing template is a step down from creating anything anywhere in the namespace.
  severityOf: (_held, match) => (match.verbs.includes('create') ? undefined : 'medium'),
});
