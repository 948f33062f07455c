/**
 * The apiserver rejects pod templates whose restartPolicy does not fit the
 * controller: Jobs need OnFailure or Never (unset means Always, which is
 * refused), long-running controllers need Always.
 */
import { defineRule } from './define.js';
import { str } from './values.js';
import { POD_KINDS, runsToCompletion, workloadOf } from './workloads.js';

export const restartPolicy = defineRule({
  name: 'restart-policy',
  category: 'reliability',
  severity: 'error',
  description: 'Pod templates must use a restartPolicy their controller accepts.',
  remediation: 'Jobs and CronJobs: set `restartPolicy: OnFailure` or `Never`. Deployments, StatefulSets, DaemonSets, ReplicaSets: `Always` (or unset).',
  kinds: POD_KINDS,
  check(resource, _context, report) {
    const w = workloadOf(resource);
    if (!w || w.groupKind === '/Pod' || w.groupKind === '/PodTemplate') return;
    const policy = str(w.spec.restartPolicy) ?? '';
    const path = [...w.specPath, 'restartPolicy'];
    if (runsToCompletion(w)) {
      if (policy !== 'OnFailure' && policy !== 'Never') {
        report(path, policy === '' ? `${resource.kind} pod template does not set restartPolicy (the default, Always, is refused)` : `${resource.kind} pod template uses restartPolicy ${policy}`);
      }
    } else if (policy !== '' && policy !== 'Always') {
      report(path, `${resource.kind} pod template uses restartPolicy ${policy}; only Always is accepted`);
    }
  },
});
