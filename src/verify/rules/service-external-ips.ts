/** externalIPs let a Service capture traffic for any address (CVE-2020-8554). */
import { defineRule } from './define.js';
import { dig, isKind } from './values.js';

export const serviceExternalIps = defineRule({
  name: 'service-external-ips',
  category: 'networking',
  severity: 'error',
  description: 'Services must not set externalIPs.',
  remediation: 'Remove `spec.externalIPs`; expose the Service with a LoadBalancer or an Ingress instead.',
  kinds: ['Service'],
  check(resource, _context, report) {
    const ips = dig(resource.obj, 'spec', 'externalIPs');
    if (isKind(resource, '', 'Service') && Array.isArray(ips) && ips.length > 0) {
      report(['spec', 'externalIPs'], `Service sets externalIPs ${ips.map(String).join(', ')}`);
    }
  },
});
