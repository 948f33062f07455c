import { permissionCheck } from '../permission-check.js';

/** Impersonating a user or group reaches `system:masters`; a ServiceAccount, everything it holds (KubiScan CRITICAL). */
export const impersonateCheck = permissionCheck({
  id: 'access/impersonate',
  severity: 'high',
  title: 'impersonate users, groups or ServiceAccounts',
  description: 'impersonate lets the holder act as another identity: a user or group (system:masters included) or a ServiceAccount and all it holds.',
  remediation: 'Remove impersonate, or limit it with resourceNames; the built-in edit and admin roles include impersonate on ServiceAccounts.',
  probes: [
    { verbs: ['impersonate'], group: '', resources: ['users', 'groups', 'serviceaccounts'] },
    { verbs: ['impersonate'], group: 'authentication.k8s.io', resources: ['userextras/scopes', 'uids'] },
  ],
  severityOf: (_held, match) => (match.resources.some((r) => r === 'users' || r === 'groups') ? 'critical' : undefined),
});
