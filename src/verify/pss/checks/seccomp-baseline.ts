/**
 * Seccomp (baseline): the seccomp profile may not be explicitly set to
 * Unconfined. Before v1.19 the profile lived in alpha annotations; from
 * v1.19 the `seccompProfile` fields are checked.
 */
import type { PodSecurityCheck, ViolationField } from '../check.js';
import { compareStrings, containersPhrase, joinQuote, pluralize, quote, sortedUnique } from '../messages.js';
import { annotationsOf, objectAt, securityContextOf, text, type PodView } from '../pod.js';

export const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
export const SECCOMP_CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';

export function allowedSeccompType(type: string): boolean {
  return type === 'RuntimeDefault' || type === 'Localhost';
}

function allowedAnnotationValue(value: string): boolean {
  return value === 'runtime/default' || value === 'docker/default' || value.startsWith('localhost/');
}

function seccompAnnotations(pod: PodView) {
  const annotations = annotationsOf(pod);
  if (Object.keys(annotations).length === 0) return undefined;
  const forbidden = new Map<string, ViolationField>();
  const inspect = (key: string) => {
    if (!(key in annotations)) return;
    const value = text(annotations[key]);
    if (allowedAnnotationValue(value)) return;
    forbidden.set(`${key}=${quote(value)}`, {
      path: [...pod.metadataPath, 'annotations', key],
      message: `annotation ${key} must not be ${quote(value)}`,
      value,
    });
  };
  inspect(SECCOMP_POD_ANNOTATION);
  for (const ref of pod.containers) inspect(SECCOMP_CONTAINER_ANNOTATION_PREFIX + ref.name);
  if (forbidden.size === 0) return undefined;
  const list = [...forbidden.keys()].sort(compareStrings);
  return {
    reason: 'seccompProfile',
    detail: `forbidden ${pluralize('annotation', 'annotations', list.length)} ${list.join(', ')}`,
    fields: [...forbidden.values()],
  };
}

function seccompFields(pod: PodView) {
  const setters: string[] = [];
  const badTypes: string[] = [];
  const fields: ViolationField[] = [];
  const podProfile = objectAt(pod.podSecurityContext.seccompProfile);
  if (podProfile && !allowedSeccompType(text(podProfile.type))) {
    setters.push('pod');
    badTypes.push(text(podProfile.type));
    fields.push({
      path: [...pod.specPath, 'securityContext', 'seccompProfile', 'type'],
      message: `pod must not set securityContext.seccompProfile.type to ${joinQuote([text(podProfile.type)])}`,
      value: podProfile.type,
    });
  }
  const bad: string[] = [];
  for (const ref of pod.containers) {
    const profile = objectAt(securityContextOf(ref)?.seccompProfile);
    if (!profile || allowedSeccompType(text(profile.type))) continue;
    bad.push(ref.name);
    badTypes.push(text(profile.type));
    fields.push({
      path: [...ref.path, 'securityContext', 'seccompProfile', 'type'],
      message: `${containersPhrase([ref.name])} must not set securityContext.seccompProfile.type to ${joinQuote([text(profile.type)])}`,
      value: profile.type,
    });
  }
  if (bad.length > 0) setters.push(containersPhrase(bad));
  if (setters.length === 0) return undefined;
  return {
    reason: 'seccompProfile',
    detail: `${setters.join(' and ')} must not set securityContext.seccompProfile.type to ${joinQuote(sortedUnique(badTypes))}`,
    fields,
  };
}

export const seccompBaselineCheck: PodSecurityCheck = {
  id: 'seccompProfile_baseline',
  level: 'baseline',
  control: 'Seccomp',
  remediation: 'Set seccompProfile.type to RuntimeDefault or Localhost (or leave it unset); never Unconfined.',
  revisions: [
    { minVersion: 0, check: seccompAnnotations },
    { minVersion: 19, check: seccompFields },
  ],
};
