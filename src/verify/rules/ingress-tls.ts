/** Advice: an Ingress without TLS serves its hosts over plain HTTP. */
import { defineRule } from './define.js';
import { dig, isKind } from './values.js';

export const ingressTls = defineRule({
  name: 'ingress-tls',
  category: 'networking',
  severity: 'info',
  description: 'Ingresses should terminate TLS for their hosts.',
  remediation: 'Add `spec.tls` with the hosts and a certificate Secret (e.g. issued by cert-manager).',
  kinds: ['Ingress'],
  check(resource, _context, report) {
    if (!isKind(resource, 'networking.k8s.io', 'Ingress') && !isKind(resource, 'extensions', 'Ingress')) return;
    const tls = dig(resource.obj, 'spec', 'tls');
    if (!Array.isArray(tls) || tls.length === 0) report(['spec', 'tls'], 'Ingress has no TLS configuration');
  },
});
