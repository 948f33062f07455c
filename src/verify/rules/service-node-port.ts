/** NodePort opens the port on every node, outside any ingress or load balancer policy. */
import { defineRule } from './define.js';
import { dig, isKind } from './values.js';

export const serviceNodePort = defineRule({
  name: 'service-node-port',
  category: 'networking',
  severity: 'warning',
  description: 'Services should not be of type NodePort.',
  remediation: 'Use `type: ClusterIP` behind an Ingress or Gateway, or `type: LoadBalancer` where external access is intended.',
  kinds: ['Service'],
  check(resource, _context, report) {
    if (isKind(resource, '', 'Service') && dig(resource.obj, 'spec', 'type') === 'NodePort') {
      report(['spec', 'type'], 'Service is of type NodePort and opens a port on every node');
    }
  },
});
