/** A PodDisruptionBudget that selects no pods protects nothing; usually a label typo. */
import { defineRule } from './define.js';
import { indexOf, SYSTEM_NAMESPACES } from './indexes.js';
import { parseLabelSelector } from './selectors.js';
import { dig, isKind, namespaceOf } from './values.js';

export const pdbSelectsNothing = defineRule({
  name: 'pdb-selects-nothing',
  category: 'reliability',
  severity: 'warning',
  description: 'A PodDisruptionBudget should select the pods of some workload in its namespace.',
  remediation: 'Fix `spec.selector` to match the pod template labels of the workload it protects.',
  kinds: ['PodDisruptionBudget'],
  check(resource, context, report) {
    if (!isKind(resource, 'policy', 'PodDisruptionBudget')) return;
    const selector = parseLabelSelector(dig(resource.obj, 'spec', 'selector'));
    const ns = namespaceOf(resource);
    if (SYSTEM_NAMESPACES.has(ns)) return; // provider-managed pods (CoreDNS …) are rarely in the set
    if (!selector) {
      report(['spec', 'selector'], 'PodDisruptionBudget has no selector, so it selects no pods');
    } else if (!indexOf(context).podTemplates(ns).some(selector)) {
      report(['spec', 'selector'], `no pod template in namespace "${ns}" matches the selector`);
    }
  },
});
