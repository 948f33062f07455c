/** Advice: an autoscaler allowed down to one replica gives up availability during quiet hours. */
import { defineRule } from './define.js';
import { dig, isKind, num } from './values.js';

export const hpaMinReplicas = defineRule({
  name: 'hpa-min-replicas',
  category: 'reliability',
  severity: 'info',
  description: 'HorizontalPodAutoscalers should keep at least two replicas.',
  remediation: 'Set `spec.minReplicas` to 2 or more.',
  kinds: ['HorizontalPodAutoscaler'],
  check(resource, _context, report) {
    if (!isKind(resource, 'autoscaling', 'HorizontalPodAutoscaler')) return;
    const min = num(dig(resource.obj, 'spec', 'minReplicas')) ?? 1;
    if (min < 2) report(['spec', 'minReplicas'], `minReplicas is ${min}`);
  },
});
