/** Pods naming a ServiceAccount that does not exist are rejected by the apiserver. */
import { defineRule } from './define.js';
import { indexOf } from './indexes.js';
import { namespaceOf, str } from './values.js';
import { POD_KINDS, workloadOf } from './workloads.js';

export const serviceAccountMissing = defineRule({
  name: 'service-account-missing',
  category: 'reliability',
  severity: 'warning',
  description: 'The ServiceAccount a pod runs as should be part of the same set.',
  remediation: 'Add the ServiceAccount to the kustomization (or fix the name in `serviceAccountName`).',
  kinds: POD_KINDS,
  check(resource, context, report) {
    const w = workloadOf(resource);
    if (!w) return;
    const field = str(w.spec.serviceAccountName) ? 'serviceAccountName' : 'serviceAccount';
    const account = str(w.spec[field]) ?? '';
    if (account === '' || account === 'default') return;
    const ns = namespaceOf(resource);
    if (!indexOf(context).find('', 'ServiceAccount', ns, account)) {
      report([...w.specPath, field], `ServiceAccount "${account}" does not exist in namespace "${ns}"`);
    }
  },
});
