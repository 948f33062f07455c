/** A probe naming a port the container does not declare can never succeed: the pod restarts or never gets ready. */
import { isObject } from '../../core/json.js';
import { defineRule } from './define.js';
import { intOrString, items, str } from './values.js';
import { POD_KINDS, workloadOf } from './workloads.js';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const HANDLERS = ['httpGet', 'tcpSocket'] as const;

export const probePort = defineRule({
  name: 'probe-port',
  category: 'reliability',
  severity: 'error',
  description: 'Probes that use a named port must name a port the container declares.',
  remediation: 'Use the name of one of the container\'s `ports` (or its number) in the probe.',
  kinds: POD_KINDS,
  check(resource, _context, report) {
    for (const c of workloadOf(resource)?.containers ?? []) {
      const names = new Set(items(c.container.ports).map((p) => (isObject(p) ? str(p.name) : undefined)).filter((n) => n !== undefined));
      for (const probe of PROBES) {
        const spec = c.container[probe];
        if (!isObject(spec)) continue;
        for (const handler of HANDLERS) {
          const port = intOrString(isObject(spec[handler]) ? spec[handler].port : undefined);
          if (typeof port === 'string' && !names.has(port)) {
            report([...c.path, probe, handler, 'port'], `container "${c.name}" ${probe} uses port "${port}", which the container does not declare`);
          }
        }
      }
    }
  },
});
