/**
 * A PodDisruptionBudget that allows no disruption blocks node drains and
 * cluster upgrades until someone deletes it by hand.
 */
import { defineRule } from './define.js';
import { indexOf } from './indexes.js';
import { parseLabelSelector } from './selectors.js';
import { dig, intOrString, isKind, namespaceOf } from './values.js';

export const pdbBlocksEviction = defineRule({
  name: 'pdb-blocks-eviction',
  category: 'reliability',
  severity: 'warning',
  description: 'A PodDisruptionBudget must allow at least one pod to be evicted.',
  remediation: 'Use `maxUnavailable: 1` (or a minAvailable below the replica count).',
  kinds: ['PodDisruptionBudget'],
  check(resource, context, report) {
    if (!isKind(resource, 'policy', 'PodDisruptionBudget')) return;
    const spec = resource.obj.spec;
    const maxUnavailable = intOrString(dig(spec, 'maxUnavailable'));
    if (maxUnavailable === 0 || maxUnavailable === '0%') {
      report(['spec', 'maxUnavailable'], `maxUnavailable ${maxUnavailable} allows no eviction`);
      return;
    }
    const minAvailable = intOrString(dig(spec, 'minAvailable'));
    if (minAvailable === '100%') {
      report(['spec', 'minAvailable'], 'minAvailable 100% allows no eviction');
      return;
    }
    if (typeof minAvailable !== 'number' || minAvailable === 0) return;
    const selector = parseLabelSelector(dig(spec, 'selector'));
    if (!selector) return;
    const index = indexOf(context);
    let pods = 0;
    for (const w of index.podTemplates(namespaceOf(resource)).select(selector)) {
      const replicas = w.groupKind === '/Pod' ? 1 : index.minimumReplicas(w);
      if (replicas === undefined) return; // DaemonSets, Jobs …: the pod count is not known here
      pods += replicas;
    }
    if (pods > 0 && minAvailable >= pods) {
      report(['spec', 'minAvailable'], `minAvailable ${minAvailable} is not below the ${pods} selected pod(s), so no pod can be evicted`);
    }
  },
});
