/** Declared container ports, with their paths. */
import { isObject } from '../../core/json.js';
import type { FieldPath } from '../finding.js';
import { items, num, str } from './values.js';
import type { ContainerInfo } from './workloads.js';

export interface DeclaredPort {
  container: ContainerInfo;
  name: string | undefined;
  containerPort: number | undefined;
  /** Path of the port entry, e.g. `spec.template.spec.containers[0].ports[1]`. */
  path: FieldPath;
}

export function declaredPorts(containers: readonly ContainerInfo[]): DeclaredPort[] {
  const out: DeclaredPort[] = [];
  for (const container of containers) {
    items(container.container.ports).forEach((port, i) => {
      if (!isObject(port)) return;
      out.push({ container, name: str(port.name), containerPort: num(port.containerPort), path: [...container.path, 'ports', i] });
    });
  }
  return out;
}
