/**
 * Pods get an API token mounted unless told otherwise. Most workloads never
 * call the API, so the token only helps an intruder. An explicit `true`
 * (on the pod or its ServiceAccount) is a deliberate choice and passes.
 */
import { defineRule } from './define.js';
import { indexOf } from './indexes.js';
import { namespaceOf, str } from './values.js';
import { POD_KINDS, workloadOf } from './workloads.js';

export const automountServiceAccountToken = defineRule({
  name: 'automount-service-account-token',
  category: 'security',
  severity: 'warning',
  description: 'Pods should not mount a service account token implicitly.',
  remediation: 'Set `automountServiceAccountToken: false` on the pod (or its ServiceAccount); set it to true only where the API is used.',
  kinds: POD_KINDS,
  check(resource, context, report) {
    const w = workloadOf(resource);
    if (!w || w.spec.automountServiceAccountToken != null) return;
    const account = str(w.spec.serviceAccountName) || str(w.spec.serviceAccount) || 'default';
    const sa = indexOf(context).find('', 'ServiceAccount', namespaceOf(resource), account);
    if (sa && sa.obj.automountServiceAccountToken != null) return;
    report([...w.specPath, 'automountServiceAccountToken'], `pod mounts the "${account}" service account token implicitly`);
  },
});
