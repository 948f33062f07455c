/**
 * /proc Mount Type (baseline): the default /proc masks reduce the attack
 * surface, so `securityContext.procMount` must be unset or `Default`. From
 * v1.35, pods in a user namespace (`hostUsers: false`) may unmask /proc.
 */
import type { CheckOutcome, PodSecurityCheck, ViolationField } from '../check.js';
import { containersPhrase, joinQuote, sortedUnique } from '../messages.js';
import { isSet, securityContextOf, text, usesUserNamespace, type PodView } from '../pod.js';

/** Shared with the restricted revision, which never relaxes. */
export function defaultProcMountOnly(pod: PodView): CheckOutcome | undefined {
  const bad: string[] = [];
  const types: string[] = [];
  const fields: ViolationField[] = [];
  for (const ref of pod.containers) {
    const procMount = securityContextOf(ref)?.procMount;
    if (!isSet(procMount) || procMount === 'Default') continue;
    bad.push(ref.name);
    types.push(text(procMount));
    fields.push({
      path: [...ref.path, 'securityContext', 'procMount'],
      message: `${containersPhrase([ref.name])} must not set securityContext.procMount to ${joinQuote([text(procMount)])}`,
      value: procMount,
    });
  }
  if (bad.length === 0) return undefined;
  return {
    reason: 'procMount',
    detail: `${containersPhrase(bad)} must not set securityContext.procMount to ${joinQuote(sortedUnique(types))}`,
    fields,
  };
}

function procMountRelaxedForUserNamespaces(pod: PodView): CheckOutcome | undefined {
  return usesUserNamespace(pod) ? undefined : defaultProcMountOnly(pod);
}

export const procMountBaselineCheck: PodSecurityCheck = {
  id: 'procMount',
  level: 'baseline',
  control: '/proc Mount Type',
  remediation: 'Remove securityContext.procMount (or set it to Default); Unmasked is allowed only for pods with hostUsers: false (baseline, v1.35+).',
  revisions: [
    { minVersion: 0, check: defaultProcMountOnly },
    { minVersion: 35, check: procMountRelaxedForUserNamespaces },
  ],
};
