/**
 * Running as Non-root user (restricted, v1.23+): `runAsUser` may not be 0
 * on the pod or any container. From v1.35 pods in a user namespace are exempt.
 */
import type { CheckOutcome, PodSecurityCheck, ViolationField } from '../check.js';
import { containersPhrase } from '../messages.js';
import { isZero, securityContextOf, usesUserNamespace, type PodView } from '../pod.js';

function runAsUser(pod: PodView): CheckOutcome | undefined {
  const setters: string[] = [];
  const fields: ViolationField[] = [];
  if (isZero(pod.podSecurityContext.runAsUser)) {
    setters.push('pod');
    fields.push({ path: [...pod.specPath, 'securityContext', 'runAsUser'], message: 'pod must not set runAsUser=0', value: 0 });
  }
  const bad: string[] = [];
  for (const ref of pod.containers) {
    if (!isZero(securityContextOf(ref)?.runAsUser)) continue;
    bad.push(ref.name);
    fields.push({ path: [...ref.path, 'securityContext', 'runAsUser'], message: `${containersPhrase([ref.name])} must not set runAsUser=0`, value: 0 });
  }
  if (bad.length > 0) setters.push(containersPhrase(bad));
  if (setters.length === 0) return undefined;
  return { reason: 'runAsUser=0', detail: `${setters.join(' and ')} must not set runAsUser=0`, fields };
}

function runAsUserUnlessUserNamespace(pod: PodView): CheckOutcome | undefined {
  return usesUserNamespace(pod) ? undefined : runAsUser(pod);
}

export const runAsUserCheck: PodSecurityCheck = {
  id: 'runAsUser',
  level: 'restricted',
  control: 'Running as Non-root user',
  remediation: 'Set runAsUser to a non-zero UID (or leave it unset) on the pod and every container.',
  revisions: [
    { minVersion: 23, check: runAsUser },
    { minVersion: 35, check: runAsUserUnlessUserNamespace },
  ],
};
