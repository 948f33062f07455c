/**
 * Capabilities (baseline, v1.0+): adding capabilities beyond the container
 * runtime's default set must be disallowed.
 */
import type { PodSecurityCheck, ViolationField } from '../check.js';
import { containersPhrase, joinQuote, sortedUnique } from '../messages.js';
import { items, objectOr, securityContextOf, text, type PodView } from '../pod.js';

/** The default capability set of container runtimes; names are compared exactly (no CAP_ prefix). */
export const BASELINE_ALLOWED_CAPABILITIES: ReadonlySet<string> = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD',
  'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);

function capabilitiesBaseline(pod: PodView) {
  const bad: string[] = [];
  const forbidden: string[] = [];
  const fields: ViolationField[] = [];
  for (const ref of pod.containers) {
    const added = items(objectOr(securityContextOf(ref)?.capabilities).add);
    let valid = true;
    added.forEach((cap, index) => {
      const name = text(cap);
      if (BASELINE_ALLOWED_CAPABILITIES.has(name)) return;
      valid = false;
      forbidden.push(name);
      fields.push({
        path: [...ref.path, 'securityContext', 'capabilities', 'add', index],
        message: `${containersPhrase([ref.name])} must not include ${joinQuote([name])} in securityContext.capabilities.add`,
        value: cap,
      });
    });
    if (!valid) bad.push(ref.name);
  }
  if (bad.length === 0) return undefined;
  return {
    reason: 'non-default capabilities',
    detail: `${containersPhrase(bad)} must not include ${joinQuote(sortedUnique(forbidden))} in securityContext.capabilities.add`,
    fields,
  };
}

export const capabilitiesBaselineCheck: PodSecurityCheck = {
  id: 'capabilities_baseline',
  level: 'baseline',
  control: 'Capabilities',
  remediation: `Add only default capabilities (${[...BASELINE_ALLOWED_CAPABILITIES].join(', ')}) in securityContext.capabilities.add.`,
  revisions: [{ minVersion: 0, check: capabilitiesBaseline }],
};
