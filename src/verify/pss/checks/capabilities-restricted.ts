/**
 * Capabilities (restricted, v1.22+): containers must drop ALL capabilities
 * and may add back only NET_BIND_SERVICE. From v1.25 Windows pods are
 * exempt. Replaces the baseline capabilities check.
 */
import type { CheckOutcome, PodSecurityCheck, ViolationField } from '../check.js';
import { containersPhrase, joinQuote, sortedUnique } from '../messages.js';
import { isWindowsPod, items, objectAt, securityContextOf, text, type PodView } from '../pod.js';

const ALL = 'ALL';
const NET_BIND_SERVICE = 'NET_BIND_SERVICE';

function capabilitiesRestricted(pod: PodView): CheckOutcome | undefined {
  const missingDropAll: string[] = [];
  const addingForbidden: string[] = [];
  const forbidden: string[] = [];
  const fields: ViolationField[] = [];
  for (const ref of pod.containers) {
    const caps = objectAt(securityContextOf(ref)?.capabilities);
    if (!caps || !items(caps.drop).some((c) => text(c) === ALL)) {
      missingDropAll.push(ref.name);
      fields.push({ path: [...ref.path, 'securityContext', 'capabilities', 'drop'], message: `${containersPhrase([ref.name])} must set securityContext.capabilities.drop=["ALL"]` });
    }
    let added = false;
    items(caps?.add).forEach((cap, index) => {
      if (text(cap) === NET_BIND_SERVICE) return;
      added = true;
      forbidden.push(text(cap));
      fields.push({
        path: [...ref.path, 'securityContext', 'capabilities', 'add', index],
        message: `${containersPhrase([ref.name])} must not include ${joinQuote([text(cap)])} in securityContext.capabilities.add`,
        value: cap,
      });
    });
    if (added) addingForbidden.push(ref.name);
  }
  const details: string[] = [];
  if (missingDropAll.length > 0) details.push(`${containersPhrase(missingDropAll)} must set securityContext.capabilities.drop=["ALL"]`);
  if (addingForbidden.length > 0) {
    details.push(`${containersPhrase(addingForbidden)} must not include ${joinQuote(sortedUnique(forbidden))} in securityContext.capabilities.add`);
  }
  if (details.length === 0) return undefined;
  return { reason: 'unrestricted capabilities', detail: details.join('; '), fields };
}

function capabilitiesRestrictedLinuxOnly(pod: PodView): CheckOutcome | undefined {
  // Pod validation rejects capabilities on Windows pods, so there is nothing to restrict.
  return isWindowsPod(pod) ? undefined : capabilitiesRestricted(pod);
}

export const capabilitiesRestrictedCheck: PodSecurityCheck = {
  id: 'capabilities_restricted',
  level: 'restricted',
  control: 'Capabilities',
  remediation: 'Set securityContext.capabilities.drop: ["ALL"] on every container and add back at most NET_BIND_SERVICE.',
  revisions: [
    { minVersion: 22, check: capabilitiesRestricted, overrides: ['capabilities_baseline'] },
    { minVersion: 25, check: capabilitiesRestrictedLinuxOnly, overrides: ['capabilities_baseline'] },
  ],
};
