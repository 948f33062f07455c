/** An Ingress backend port that the Service does not expose routes nowhere. */
import { isObject } from '../../core/json.js';
import { defineRule } from './define.js';
import { indexOf } from './indexes.js';
import { ingressBackends } from './ingress-backends.js';
import { dig, items, namespaceOf, num, str } from './values.js';

export const ingressBackendPort = defineRule({
  name: 'ingress-backend-port',
  category: 'networking',
  severity: 'error',
  description: 'An Ingress backend must use a port (number or name) the Service exposes.',
  remediation: 'Use one of the Service\'s `spec.ports[].port` numbers or `name`s.',
  kinds: ['Ingress'],
  check(resource, context, report) {
    const ns = namespaceOf(resource);
    const index = indexOf(context);
    for (const b of ingressBackends(resource)) {
      const service = index.find('', 'Service', ns, b.service);
      if (!service || b.port === undefined) continue;
      const ports = items(dig(service.obj, 'spec', 'ports')).filter(isObject);
      const exposed = typeof b.port === 'number' ? ports.some((p) => num(p.port) === b.port) : ports.some((p) => str(p.name) === b.port);
      if (!exposed) report(b.portPath, `Service "${b.service}" exposes no port ${typeof b.port === 'number' ? b.port : `named "${b.port}"`}`);
    }
  },
});
