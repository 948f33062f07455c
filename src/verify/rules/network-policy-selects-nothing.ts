/** A NetworkPolicy whose podSelector matches no pods enforces nothing: usually a label typo. */
import { defineRule } from './define.js';
import { indexOf, SYSTEM_NAMESPACES } from './indexes.js';
import { isEmptySelector, parseLabelSelector } from './selectors.js';
import { dig, isKind, namespaceOf } from './values.js';

export const networkPolicySelectsNothing = defineRule({
  name: 'network-policy-selects-nothing',
  category: 'networking',
  severity: 'warning',
  description: 'A NetworkPolicy\'s podSelector should match the pods of some workload in its namespace.',
  remediation: 'Fix `spec.podSelector` to match the pod template labels of the workload it is meant for.',
  kinds: ['NetworkPolicy'],
  check(resource, context, report) {
    if (!isKind(resource, 'networking.k8s.io', 'NetworkPolicy')) return;
    const selector = parseLabelSelector(dig(resource.obj, 'spec', 'podSelector'));
    if (!selector || isEmptySelector(selector)) return;
    const ns = namespaceOf(resource);
    if (SYSTEM_NAMESPACES.has(ns)) return; // provider-managed pods are rarely in the set
    if (!indexOf(context).podTemplates(ns).some(selector)) {
      report(['spec', 'podSelector'], `no pod template in namespace "${ns}" matches the podSelector`);
    }
  },
});
