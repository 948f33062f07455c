/**
 * Running as Non-root (restricted, v1.0+): containers must run as non-root,
 * via `runAsNonRoot: true` on the pod or on every container, and nothing may
 * set it to false. From v1.35 pods in a user namespace are exempt.
 */
import type { CheckOutcome, PodSecurityCheck, ViolationField } from '../check.js';
import { containersPhrase } from '../messages.js';
import { isSet, securityContextOf, usesUserNamespace, type ContainerRef, type PodView } from '../pod.js';
import type { FieldPath } from '../../finding.js';

function runAsNonRootPath(ref: ContainerRef): FieldPath {
  return [...ref.path, 'securityContext', 'runAsNonRoot'];
}

function runAsNonRoot(pod: PodView): CheckOutcome | undefined {
  const setters: string[] = [];
  const fields: ViolationField[] = [];
  const podValue = pod.podSecurityContext.runAsNonRoot;
  const podPath = [...pod.specPath, 'securityContext', 'runAsNonRoot'];
  if (podValue === false) {
    setters.push('pod');
    fields.push({ path: podPath, message: 'pod must not set securityContext.runAsNonRoot=false', value: false });
  }
  const explicit: string[] = [];
  const implicit: string[] = [];
  const implicitFields: ViolationField[] = [];
  for (const ref of pod.containers) {
    const value = securityContextOf(ref)?.runAsNonRoot;
    if (isSet(value)) {
      if (value !== false) continue;
      explicit.push(ref.name);
      fields.push({ path: runAsNonRootPath(ref), message: `${containersPhrase([ref.name])} must not set securityContext.runAsNonRoot=false`, value: false });
    } else if (podValue !== true) {
      implicit.push(ref.name);
      implicitFields.push({ path: runAsNonRootPath(ref), message: `pod or ${containersPhrase([ref.name])} must set securityContext.runAsNonRoot=true` });
    }
  }
  if (explicit.length > 0) setters.push(containersPhrase(explicit));
  if (setters.length > 0) {
    return { reason: 'runAsNonRoot != true', detail: `${setters.join(' and ')} must not set securityContext.runAsNonRoot=false`, fields };
  }
  if (implicit.length === 0) return undefined;
  return {
    reason: 'runAsNonRoot != true',
    detail: `pod or ${containersPhrase(implicit)} must set securityContext.runAsNonRoot=true`,
    fields: implicitFields,
  };
}

function runAsNonRootUnlessUserNamespace(pod: PodView): CheckOutcome | undefined {
  return usesUserNamespace(pod) ? undefined : runAsNonRoot(pod);
}

export const runAsNonRootCheck: PodSecurityCheck = {
  id: 'runAsNonRoot',
  level: 'restricted',
  control: 'Running as Non-root',
  remediation: 'Set spec.securityContext.runAsNonRoot: true (and do not set it to false on any container).',
  revisions: [
    { minVersion: 0, check: runAsNonRoot },
    { minVersion: 35, check: runAsNonRootUnlessUserNamespace },
  ],
};
