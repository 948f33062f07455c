/**
 * /proc Mount Type (restricted, v1.35+): restricted keeps requiring the
 * default /proc masks even in user namespaces, replacing the relaxed
 * baseline revision.
 */
import type { PodSecurityCheck } from '../check.js';
import { defaultProcMountOnly } from './proc-mount-baseline.js';

export const procMountRestrictedCheck: PodSecurityCheck = {
  id: 'procMount_restricted',
  level: 'restricted',
  control: '/proc Mount Type',
  remediation: 'Remove securityContext.procMount (or set it to Default) on every container.',
  revisions: [{ minVersion: 35, check: defaultProcMountOnly, overrides: ['procMount'] }],
};
