/** Advice: `app.kubernetes.io/name` is what dashboards, cost reports and selectors across tools group by. */
import { defineRule } from './define.js';
import { dig } from './values.js';
import { POD_KINDS, workloadOf } from './workloads.js';

export const NAME_LABEL = 'app.kubernetes.io/name';

export const recommendedLabels = defineRule({
  name: 'recommended-labels',
  category: 'hygiene',
  severity: 'info',
  description: `Workloads should carry the ${NAME_LABEL} label.`,
  remediation: `Add \`${NAME_LABEL}\` (e.g. with kustomize \`labels:\` and \`includeTemplates: true\`).`,
  kinds: POD_KINDS,
  check(resource, _context, report) {
    const w = workloadOf(resource);
    if (!w || w.groupKind === '/PodTemplate') return;
    if (typeof dig(resource.obj, 'metadata', 'labels', NAME_LABEL) !== 'string') {
      report(['metadata', 'labels', NAME_LABEL], `${resource.kind} has no ${NAME_LABEL} label`);
    }
  },
});
