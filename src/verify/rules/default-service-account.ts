/** The `default` ServiceAccount is shared by every pod of the namespace, so any grant to it is a grant to all. */
import { defineRule } from './define.js';
import { str } from './values.js';
import { POD_KINDS, workloadOf } from './workloads.js';

export const defaultServiceAccount = defineRule({
  name: 'default-service-account',
  category: 'security',
  severity: 'warning',
  description: 'Pods should run as a dedicated ServiceAccount, not the namespace default.',
  remediation: 'Create a ServiceAccount for the workload and set `serviceAccountName` to it.',
  kinds: POD_KINDS,
  check(resource, _context, report) {
    const w = workloadOf(resource);
    if (!w) return;
    const account = str(w.spec.serviceAccountName) || str(w.spec.serviceAccount) || '';
    if (account === '' || account === 'default') {
      report([...w.specPath, 'serviceAccountName'], 'pod runs as the namespace\'s default service account');
    }
  },
});
