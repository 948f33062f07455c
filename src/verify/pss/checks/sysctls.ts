/**
 * Sysctls (baseline): only namespaced sysctls that are isolated from other
 * pods are allowed. The safe list grows with the policy version.
 */
import type { CheckFn, PodSecurityCheck, ViolationField } from '../check.js';
import { items, objectOr, text, type PodView } from '../pod.js';

const SAFE_1_0 = [
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
];
const SAFE_1_27 = [...SAFE_1_0, 'net.ipv4.ip_local_reserved_ports'];
const SAFE_1_29 = [
  ...SAFE_1_27,
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
];
const SAFE_1_32 = [...SAFE_1_29, 'net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem'];
const SAFE_1_37 = [...SAFE_1_32, 'net.ipv4.tcp_slow_start_after_idle', 'net.ipv4.tcp_notsent_lowat'];

function sysctls(safeList: readonly string[]): CheckFn {
  const safe = new Set(safeList);
  return (pod: PodView) => {
    const forbidden: string[] = [];
    const fields: ViolationField[] = [];
    items(pod.podSecurityContext.sysctls).forEach((item, index) => {
      const name = text(objectOr(item).name);
      if (safe.has(name)) return;
      forbidden.push(name);
      fields.push({
        path: [...pod.specPath, 'securityContext', 'sysctls', index, 'name'],
        message: `pod must not set sysctl ${name}`,
        value: name,
      });
    });
    if (forbidden.length === 0) return undefined;
    return { reason: 'forbidden sysctls', detail: forbidden.join(', '), fields };
  };
}

export const sysctlsCheck: PodSecurityCheck = {
  id: 'sysctls',
  level: 'baseline',
  control: 'Sysctls',
  remediation: 'Set only safe, namespaced sysctls in spec.securityContext.sysctls (see the Pod Security Standards list for the policy version).',
  revisions: [
    { minVersion: 0, check: sysctls(SAFE_1_0) },
    { minVersion: 27, check: sysctls(SAFE_1_27) },
    { minVersion: 29, check: sysctls(SAFE_1_29) },
    { minVersion: 32, check: sysctls(SAFE_1_32) },
    { minVersion: 37, check: sysctls(SAFE_1_37) },
  ],
};
