/**
 * Privileged Containers (baseline, v1.0+): privileged containers disable
 * most security mechanisms, so `securityContext.privileged` may not be true.
 */
import type { PodSecurityCheck, ViolationField } from '../check.js';
import { containersPhrase } from '../messages.js';
import { securityContextOf, type PodView } from '../pod.js';

function privileged(pod: PodView) {
  const bad: string[] = [];
  const fields: ViolationField[] = [];
  for (const ref of pod.containers) {
    if (securityContextOf(ref)?.privileged !== true) continue;
    bad.push(ref.name);
    fields.push({
      path: [...ref.path, 'securityContext', 'privileged'],
      message: `${containersPhrase([ref.name])} must not set securityContext.privileged=true`,
      value: true,
    });
  }
  if (bad.length === 0) return undefined;
  return { reason: 'privileged', detail: `${containersPhrase(bad)} must not set securityContext.privileged=true`, fields };
}

export const privilegedCheck: PodSecurityCheck = {
  id: 'privileged',
  level: 'baseline',
  control: 'Privileged Containers',
  remediation: 'Remove securityContext.privileged from every container (or set it to false).',
  revisions: [{ minVersion: 0, check: privileged }],
};
