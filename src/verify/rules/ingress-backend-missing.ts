/** An Ingress routing to a Service that does not exist answers 503 on that path. */
import { defineRule } from './define.js';
import { indexOf } from './indexes.js';
import { ingressBackends } from './ingress-backends.js';
import { namespaceOf } from './values.js';

export const ingressBackendMissing = defineRule({
  name: 'ingress-backend-missing',
  category: 'networking',
  severity: 'warning',
  description: 'The Services an Ingress routes to should exist in its namespace.',
  remediation: 'Fix the backend service name, or add the Service to the set.',
  kinds: ['Ingress'],
  check(resource, context, report) {
    const ns = namespaceOf(resource);
    const index = indexOf(context);
    for (const b of ingressBackends(resource)) {
      if (!index.find('', 'Service', ns, b.service)) report(b.namePath, `backend Service "${b.service}" does not exist in namespace "${ns}"`);
    }
  },
});
