/** Without startingDeadlineSeconds, a controller outage can leave a CronJob unscheduled for good (over 100 misses). */
import { defineRule } from './define.js';
import { dig, isKind } from './values.js';

export const cronJobDeadline = defineRule({
  name: 'cronjob-deadline',
  category: 'reliability',
  severity: 'warning',
  description: 'CronJobs should set startingDeadlineSeconds.',
  remediation: 'Set `spec.startingDeadlineSeconds` (e.g. 300) to bound how late a missed run may start.',
  kinds: ['CronJob'],
  check(resource, _context, report) {
    if (isKind(resource, 'batch', 'CronJob') && dig(resource.obj, 'spec', 'startingDeadlineSeconds') == null) {
      report(['spec', 'startingDeadlineSeconds'], 'CronJob does not set startingDeadlineSeconds');
    }
  },
});
