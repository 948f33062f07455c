/** `spec.serviceAccount` is a deprecated alias; when it disagrees with serviceAccountName the result surprises. */
import { defineRule } from './define.js';
import { POD_KINDS, workloadOf } from './workloads.js';

export const deprecatedServiceAccountField = defineRule({
  name: 'deprecated-service-account-field',
  category: 'hygiene',
  severity: 'warning',
  description: 'Pods should use `serviceAccountName`, not the deprecated `serviceAccount` field.',
  remediation: 'Replace `serviceAccount` with `serviceAccountName`.',
  kinds: POD_KINDS,
  check(resource, _context, report) {
    const w = workloadOf(resource);
    if (w && w.spec.serviceAccount != null) report([...w.specPath, 'serviceAccount'], 'pod uses the deprecated serviceAccount field');
  },
});
