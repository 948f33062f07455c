/** The default concurrencyPolicy, Allow, starts a new run while the last one is still going. */
import { defineRule } from './define.js';
import { dig, isKind } from './values.js';

export const cronJobConcurrency = defineRule({
  name: 'cronjob-concurrency',
  category: 'reliability',
  severity: 'warning',
  description: 'CronJobs should choose a concurrencyPolicy explicitly.',
  remediation: 'Set `spec.concurrencyPolicy: Forbid` (or Replace; Allow only if runs may overlap).',
  kinds: ['CronJob'],
  check(resource, _context, report) {
    if (isKind(resource, 'batch', 'CronJob') && dig(resource.obj, 'spec', 'concurrencyPolicy') == null) {
      report(['spec', 'concurrencyPolicy'], 'CronJob does not set concurrencyPolicy, so runs may overlap');
    }
  },
});
