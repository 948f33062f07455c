import { permissionCheck } from '../permission-check.js';

/** A webhook configuration sees (and can change or block) every object it selects. */
export const webhookConfigCheck = permissionCheck({
  id: 'access/webhook-config',
  severity: 'high',
  title: 'write admission webhook configurations',
  description: 'Writing validating or mutating webhook configurations lets the holder intercept, rewrite or deny every matching request, Secrets included.',
  remediation: 'Only the controllers that own webhooks (cert-manager, Kyverno, …) should write them, with resourceNames.',
  probes: [
    {
      verbs: ['create', 'update', 'patch', 'delete'],
      group: 'admissionregistration.k8s.io',
      resources: ['validatingwebhookconfigurations', 'mutatingwebhookconfigurations'],
    },
  ],
});
