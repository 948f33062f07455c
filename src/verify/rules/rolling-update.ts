/** Recreate and OnDelete take every pod down (or never update them) on each rollout. */
import { defineRule } from './define.js';
import { dig, str } from './values.js';
import { POD_KINDS, workloadOf } from './workloads.js';

export const rollingUpdate = defineRule({
  name: 'rolling-update',
  category: 'reliability',
  severity: 'warning',
  description: 'Deployments, StatefulSets and DaemonSets should update with the RollingUpdate strategy.',
  remediation: 'Use `strategy.type: RollingUpdate` (Deployment) or `updateStrategy.type: RollingUpdate` (StatefulSet, DaemonSet).',
  kinds: POD_KINDS,
  check(resource, _context, report) {
    const w = workloadOf(resource);
    if (!w) return;
    if (w.groupKind === 'apps/Deployment') {
      const type = str(dig(resource.obj, 'spec', 'strategy', 'type'));
      if (type === 'Recreate') report(['spec', 'strategy', 'type'], 'Deployment uses the Recreate strategy: every pod stops before new ones start');
    } else if (w.groupKind === 'apps/StatefulSet' || w.groupKind === 'apps/DaemonSet') {
      const type = str(dig(resource.obj, 'spec', 'updateStrategy', 'type'));
      if (type === 'OnDelete') report(['spec', 'updateStrategy', 'type'], `${resource.kind} uses OnDelete: pods only update when deleted by hand`);
    }
  },
});
