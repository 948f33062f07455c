/**
 * Pods accept traffic from anywhere in the cluster until some NetworkPolicy
 * selects them. A namespace-wide policy (empty podSelector, Ingress) makes
 * "deny unless allowed" the default. Reported once per namespace: on the
 * Namespace object when it is in the set, else on its first workload.
 */
import { defineRule } from './define.js';
import { indexOf, SYSTEM_NAMESPACES } from './indexes.js';
import { isKind, namespaceOf } from './values.js';
import { POD_KINDS, workloadOf } from './workloads.js';

export const defaultDenyNetworkPolicy = defineRule({
  name: 'default-deny-network-policy',
  category: 'networking',
  severity: 'warning',
  description: 'Every namespace running pods should have a default-deny ingress NetworkPolicy.',
  remediation: 'Add a NetworkPolicy with `podSelector: {}` and `policyTypes: [Ingress]` to the namespace, then allow what is needed.',
  kinds: [...POD_KINDS, 'Namespace'],
  check(resource, context, report) {
    const isNamespace = isKind(resource, '', 'Namespace');
    if (!isNamespace && !workloadOf(resource)) return;
    const ns = isNamespace ? resource.name : namespaceOf(resource);
    if (SYSTEM_NAMESPACES.has(ns)) return;
    const index = indexOf(context);
    if (index.namespaceReporter(ns) !== resource || index.isIsolated(ns)) return;
    // A Namespace object without workloads in the set still gets reported: pods will run there.
    report(['metadata', isNamespace ? 'name' : 'namespace'], `namespace "${ns}" has no default-deny ingress NetworkPolicy`);
  },
});
