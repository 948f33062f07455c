import { permissionCheck } from '../permission-check.js';

/** Approving CSRs (approval subresource + approve on a signer) issues client certificates, e.g. for system:masters. */
export const csrApprovalCheck = permissionCheck({
  id: 'access/csr-approval',
  severity: 'high',
  title: 'approve certificate signing requests',
  description: 'update on certificatesigningrequests/approval together with approve on signers lets the holder issue client certificates for any user or group.',
  remediation: 'Leave CSR approval to the control plane and node bootstrap; remove these verbs.',
  probes: [
    { verbs: ['update', 'patch'], group: 'certificates.k8s.io', resources: ['certificatesigningrequests/approval'] },
    { verbs: ['approve'], group: 'certificates.k8s.io', resources: ['signers'] },
  ],
});
