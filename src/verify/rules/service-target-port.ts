/** A named targetPort that none of the selected pods declares gives the Service no endpoints for that port. */
import { isObject } from '../../core/json.js';
import { declaredPorts } from './container-ports.js';
import { defineRule } from './define.js';
import { selectingService } from './services.js';
import { dig, intOrString, items } from './values.js';
import { runningContainers } from './workloads.js';

export const serviceTargetPort = defineRule({
  name: 'service-target-port',
  category: 'networking',
  severity: 'error',
  description: 'A Service\'s named targetPort must be a port name declared by the pods it selects.',
  remediation: 'Use a port name from the containers\' `ports` (or the container port number) as `targetPort`.',
  kinds: ['Service'],
  check(resource, context, report) {
    const service = selectingService(resource, context);
    if (!service || service.pods.length === 0) return;
    const names = new Set<string>();
    for (const w of service.pods) {
      for (const p of declaredPorts(runningContainers(w))) if (p.name) names.add(p.name);
    }
    items(dig(resource.obj, 'spec', 'ports')).forEach((port, i) => {
      const target = intOrString(isObject(port) ? port.targetPort : undefined);
      if (typeof target === 'string' && !names.has(target)) {
        report(['spec', 'ports', i, 'targetPort'], `targetPort "${target}" is not a port name of any selected pod`);
      }
    });
  },
});
