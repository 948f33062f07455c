/**
 * Host Ports (baseline, v1.0+): host ports should be disallowed entirely;
 * `ports[*].hostPort` must be unset or 0.
 */
import type { PodSecurityCheck, ViolationField } from '../check.js';
import { containersPhrase, pluralize, sortedUnique } from '../messages.js';
import { isNonZero, items, objectOr, text, type PodView } from '../pod.js';

function hostPorts(pod: PodView) {
  const bad: string[] = [];
  const ports: string[] = [];
  const fields: ViolationField[] = [];
  for (const ref of pod.containers) {
    let valid = true;
    items(ref.container.ports).forEach((item, index) => {
      const hostPort = objectOr(item).hostPort;
      if (!isNonZero(hostPort)) return;
      valid = false;
      ports.push(text(hostPort));
      fields.push({
        path: [...ref.path, 'ports', index, 'hostPort'],
        message: `${containersPhrase([ref.name])} must not use hostPort ${text(hostPort)}`,
        value: hostPort,
      });
    });
    if (!valid) bad.push(ref.name);
  }
  if (bad.length === 0) return undefined;
  // Upstream lists the ports as a sorted string set, so "10" sorts before "9".
  const list = sortedUnique(ports);
  return {
    reason: 'hostPort',
    detail: `${containersPhrase(bad)} ${pluralize('uses', 'use', bad.length)} ${pluralize('hostPort', 'hostPorts', list.length)} ${list.join(', ')}`,
    fields,
  };
}

export const hostPortsCheck: PodSecurityCheck = {
  id: 'hostPorts',
  level: 'baseline',
  control: 'Host Ports',
  remediation: 'Remove hostPort from container ports; expose the pod through a Service instead.',
  revisions: [{ minVersion: 0, check: hostPorts }],
};
