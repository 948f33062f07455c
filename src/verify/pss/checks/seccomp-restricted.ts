/**
 * Seccomp (restricted, v1.19+): the seccomp profile must be explicitly
 * RuntimeDefault or Localhost, on the pod or on every container. From v1.25
 * Windows pods are exempt. Replaces the baseline seccomp check.
 */
import type { CheckOutcome, PodSecurityCheck, ViolationField } from '../check.js';
import { containersPhrase, joinQuote, sortedUnique } from '../messages.js';
import { isWindowsPod, objectAt, securityContextOf, text, type PodView } from '../pod.js';
import { allowedSeccompType } from './seccomp-baseline.js';

function seccompRestricted(pod: PodView): CheckOutcome | undefined {
  const setters: string[] = [];
  const badTypes: string[] = [];
  const fields: ViolationField[] = [];
  const podProfile = objectAt(pod.podSecurityContext.seccompProfile);
  const podAllowed = podProfile !== undefined && allowedSeccompType(text(podProfile.type));
  if (podProfile && !podAllowed) {
    setters.push('pod');
    badTypes.push(text(podProfile.type));
    fields.push({
      path: [...pod.specPath, 'securityContext', 'seccompProfile', 'type'],
      message: `pod must not set securityContext.seccompProfile.type to ${joinQuote([text(podProfile.type)])}`,
      value: podProfile.type,
    });
  }
  const explicit: string[] = [];
  const implicit: string[] = [];
  const implicitFields: ViolationField[] = [];
  for (const ref of pod.containers) {
    const profile = objectAt(securityContextOf(ref)?.seccompProfile);
    if (profile) {
      if (allowedSeccompType(text(profile.type))) continue;
      explicit.push(ref.name);
      badTypes.push(text(profile.type));
      fields.push({
        path: [...ref.path, 'securityContext', 'seccompProfile', 'type'],
        message: `${containersPhrase([ref.name])} must not set securityContext.seccompProfile.type to ${joinQuote([text(profile.type)])}`,
        value: profile.type,
      });
    } else if (!podAllowed) {
      implicit.push(ref.name);
      implicitFields.push({ path: [...ref.path, 'securityContext', 'seccompProfile'], message: `pod or ${containersPhrase([ref.name])} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"` });
    }
  }
  if (explicit.length > 0) setters.push(containersPhrase(explicit));
  if (setters.length > 0) {
    return {
      reason: 'seccompProfile',
      detail: `${setters.join(' and ')} must not set securityContext.seccompProfile.type to ${joinQuote(sortedUnique(badTypes))}`,
      fields,
    };
  }
  if (implicit.length === 0) return undefined;
  return {
    reason: 'seccompProfile',
    detail: `pod or ${containersPhrase(implicit)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
    fields: implicitFields,
  };
}

function seccompRestrictedLinuxOnly(pod: PodView): CheckOutcome | undefined {
  return isWindowsPod(pod) ? undefined : seccompRestricted(pod);
}

export const seccompRestrictedCheck: PodSecurityCheck = {
  id: 'seccompProfile_restricted',
  level: 'restricted',
  control: 'Seccomp',
  remediation: 'Set spec.securityContext.seccompProfile.type: RuntimeDefault (or Localhost with a profile).',
  revisions: [
    { minVersion: 19, check: seccompRestricted, overrides: ['seccompProfile_baseline'] },
    { minVersion: 25, check: seccompRestrictedLinuxOnly, overrides: ['seccompProfile_baseline'] },
  ],
};
