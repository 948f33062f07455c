import { permissionCheck } from '../permission-check.js';

/** Minting ServiceAccount tokens (TokenRequest, or service-account-token Secrets) acts as the account. */
export const tokenCreateCheck = permissionCheck({
  id: 'access/token-create',
  severity: 'high',
  title: 'create ServiceAccount tokens',
  description: 'create on serviceaccounts/token mints a token for any ServiceAccount in scope; create on Secrets can make a service-account-token Secret the controller fills in.',
  remediation: 'Remove token creation; workloads get projected tokens without it.',
  probes: [
    { verbs: ['create'], group: '', resources: ['serviceaccounts/token'] },
    { verbs: ['create'], group: '', resources: ['secrets'] },
  ],
});
