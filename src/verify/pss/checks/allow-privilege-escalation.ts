/**
 * Privilege Escalation (restricted, v1.8+): every container must set
 * `allowPrivilegeEscalation: false`. From v1.25 Windows pods are exempt.
 */
import type { CheckOutcome, PodSecurityCheck, ViolationField } from '../check.js';
import { containersPhrase } from '../messages.js';
import { isWindowsPod, securityContextOf, type PodView } from '../pod.js';

function allowPrivilegeEscalation(pod: PodView): CheckOutcome | undefined {
  const bad: string[] = [];
  const fields: ViolationField[] = [];
  for (const ref of pod.containers) {
    const value = securityContextOf(ref)?.allowPrivilegeEscalation;
    if (value === false) continue;
    bad.push(ref.name);
    const field: ViolationField = {
      path: [...ref.path, 'securityContext', 'allowPrivilegeEscalation'],
      message: `${containersPhrase([ref.name])} must set securityContext.allowPrivilegeEscalation=false`,
    };
    if (value !== undefined) field.value = value;
    fields.push(field);
  }
  if (bad.length === 0) return undefined;
  return {
    reason: 'allowPrivilegeEscalation != false',
    detail: `${containersPhrase(bad)} must set securityContext.allowPrivilegeEscalation=false`,
    fields,
  };
}

function allowPrivilegeEscalationLinuxOnly(pod: PodView): CheckOutcome | undefined {
  return isWindowsPod(pod) ? undefined : allowPrivilegeEscalation(pod);
}

export const allowPrivilegeEscalationCheck: PodSecurityCheck = {
  id: 'allowPrivilegeEscalation',
  level: 'restricted',
  control: 'Privilege Escalation',
  remediation: 'Set securityContext.allowPrivilegeEscalation: false on every container.',
  revisions: [
    { minVersion: 8, check: allowPrivilegeEscalation },
    { minVersion: 25, check: allowPrivilegeEscalationLinuxOnly },
  ],
};
