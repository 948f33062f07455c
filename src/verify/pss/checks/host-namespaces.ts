/**
 * Host Namespaces (baseline, v1.0+): sharing the host's network, PID or IPC
 * namespace must be disallowed.
 */
import type { PodSecurityCheck, ViolationField } from '../check.js';
import type { PodView } from '../pod.js';

const NAMESPACE_FIELDS = ['hostNetwork', 'hostPID', 'hostIPC'] as const;

function hostNamespaces(pod: PodView) {
  const fields: ViolationField[] = [];
  for (const field of NAMESPACE_FIELDS) {
    if (pod.spec[field] !== true) continue;
    fields.push({ path: [...pod.specPath, field], message: `pod must not set ${field}=true`, value: true });
  }
  if (fields.length === 0) return undefined;
  const detail = NAMESPACE_FIELDS.filter((f) => pod.spec[f] === true).map((f) => `${f}=true`).join(', ');
  return { reason: 'host namespaces', detail, fields };
}

export const hostNamespacesCheck: PodSecurityCheck = {
  id: 'hostNamespaces',
  level: 'baseline',
  control: 'Host Namespaces',
  remediation: 'Remove hostNetwork, hostPID and hostIPC from the pod spec (or set them to false).',
  revisions: [{ minVersion: 0, check: hostNamespaces }],
};
