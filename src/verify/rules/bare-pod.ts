/** A Pod without a controller is not recreated when its node goes away. */
import { defineRule } from './define.js';
import { dig, isKind } from './values.js';

export const barePod = defineRule({
  name: 'bare-pod',
  category: 'reliability',
  severity: 'warning',
  description: 'Pods should be managed by a controller (Deployment, StatefulSet, Job …).',
  remediation: 'Wrap the pod spec in a Deployment (long-running) or a Job (run to completion).',
  kinds: ['Pod'],
  check(resource, _context, report) {
    if (isKind(resource, '', 'Pod') && dig(resource.obj, 'metadata', 'ownerReferences') == null) {
      report(['kind'], 'Pod is not managed by a controller');
    }
  },
});
