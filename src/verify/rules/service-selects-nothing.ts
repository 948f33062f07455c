/** A Service whose selector matches no pod template has no endpoints: usually a label typo. */
import { defineRule } from './define.js';
import { SYSTEM_NAMESPACES } from './indexes.js';
import { selectingService } from './services.js';
import { namespaceOf } from './values.js';

export const serviceSelectsNothing = defineRule({
  name: 'service-selects-nothing',
  category: 'networking',
  severity: 'warning',
  description: 'A Service\'s selector should match the pods of some workload in its namespace.',
  remediation: 'Fix `spec.selector` to match the pod template labels of the workload it fronts.',
  kinds: ['Service'],
  check(resource, context, report) {
    const service = selectingService(resource, context);
    // Provider-managed pods (CoreDNS, kube-proxy …) in system namespaces are rarely in the set.
    if (service && service.pods.length === 0 && !SYSTEM_NAMESPACES.has(namespaceOf(resource))) {
      report(['spec', 'selector'], `no pod template in namespace "${namespaceOf(resource)}" matches the selector`);
    }
  },
});
