/**
 * AppArmor (baseline, v1.0+): the runtime's default AppArmor profile may not
 * be disabled. Both channels are checked at every version, as upstream
 * amended its single revision when the fields arrived: the
 * `appArmorProfile.type` fields (RuntimeDefault or Localhost) and the legacy
 * `container.apparmor.security.beta.kubernetes.io/*` annotations (empty,
 * `runtime/default` or `localhost/*`).
 */
import type { PodSecurityCheck, ViolationField } from '../check.js';
import { compareStrings, containersPhrase, joinQuote, pluralize, quote, sortedUnique } from '../messages.js';
import { annotationsOf, objectAt, securityContextOf, text, type PodView } from '../pod.js';

export const APPARMOR_ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
const ALLOWED_TYPES = new Set(['RuntimeDefault', 'Localhost']);

function allowedAnnotationValue(value: string): boolean {
  return value === '' || value === 'runtime/default' || value.startsWith('localhost/');
}

function appArmor(pod: PodView) {
  const setters: string[] = [];
  const badTypes: string[] = [];
  const fields: ViolationField[] = [];
  const podProfile = objectAt(pod.podSecurityContext.appArmorProfile);
  if (podProfile && !ALLOWED_TYPES.has(text(podProfile.type))) {
    setters.push('pod');
    badTypes.push(text(podProfile.type));
    fields.push({
      path: [...pod.specPath, 'securityContext', 'appArmorProfile', 'type'],
      message: `pod must not set AppArmor profile type to ${joinQuote([text(podProfile.type)])}`,
      value: podProfile.type,
    });
  }
  const bad: string[] = [];
  for (const ref of pod.containers) {
    const profile = objectAt(securityContextOf(ref)?.appArmorProfile);
    if (!profile || ALLOWED_TYPES.has(text(profile.type))) continue;
    bad.push(ref.name);
    badTypes.push(text(profile.type));
    fields.push({
      path: [...ref.path, 'securityContext', 'appArmorProfile', 'type'],
      message: `${containersPhrase([ref.name])} must not set AppArmor profile type to ${joinQuote([text(profile.type)])}`,
      value: profile.type,
    });
  }
  if (bad.length > 0) setters.push(containersPhrase(bad));
  const badAnnotations: string[] = [];
  const annotations = annotationsOf(pod);
  for (const key of Object.keys(annotations).sort(compareStrings)) {
    const value = text(annotations[key]);
    if (!key.startsWith(APPARMOR_ANNOTATION_PREFIX) || allowedAnnotationValue(value)) continue;
    badAnnotations.push(`${key}=${quote(value)}`);
    fields.push({
      path: [...pod.metadataPath, 'annotations', key],
      message: `annotation ${key} must be "runtime/default" or "localhost/<profile>", not ${quote(value)}`,
      value,
    });
  }
  if (badAnnotations.length > 0) setters.push(pluralize('annotation', 'annotations', badAnnotations.length));
  if (setters.length === 0) return undefined;
  const values = [...sortedUnique(badTypes), ...badAnnotations];
  return {
    reason: pluralize('forbidden AppArmor profile', 'forbidden AppArmor profiles', values.length),
    detail: `${setters.join(' and ')} must not set AppArmor profile type to ${joinQuote(values)}`,
    fields,
  };
}

export const appArmorCheck: PodSecurityCheck = {
  id: 'appArmorProfile',
  level: 'baseline',
  control: 'AppArmor',
  remediation: 'Use appArmorProfile.type RuntimeDefault or Localhost (or leave it unset); never Unconfined.',
  revisions: [{ minVersion: 0, check: appArmor }],
};
