/** Finished Jobs and their pods stay forever unless something cleans them up. */
import { defineRule } from './define.js';
import { dig, isKind } from './values.js';

export const jobTtl = defineRule({
  name: 'job-ttl',
  category: 'hygiene',
  severity: 'warning',
  description: 'Standalone Jobs should set ttlSecondsAfterFinished.',
  remediation: 'Set `spec.ttlSecondsAfterFinished` (e.g. 86400) so the Job is removed after it finishes.',
  kinds: ['Job'],
  check(resource, _context, report) {
    // Jobs made by a CronJob are pruned by its history limits.
    if (!isKind(resource, 'batch', 'Job') || dig(resource.obj, 'metadata', 'ownerReferences') != null) return;
    if (dig(resource.obj, 'spec', 'ttlSecondsAfterFinished') == null) {
      report(['spec', 'ttlSecondsAfterFinished'], 'Job does not set ttlSecondsAfterFinished');
    }
  },
});
