/**
 * The Service backends an Ingress routes to, in both API shapes:
 * networking.k8s.io/v1 (`service: {name, port: {number|name}}`) and the
 * removed v1beta1 one (`serviceName`, `servicePort`).
 */
import type { JsonValue } from '../../core/json.js';
import type { Resource } from '../../core/resource.js';
import type { FieldPath } from '../finding.js';
import { dig, intOrString, isKind, items, str } from './values.js';

export interface IngressBackend {
  service: string;
  /** Service port number or name; undefined when not given. */
  port: number | string | undefined;
  /** Path of the service name field. */
  namePath: FieldPath;
  /** Path of the port field. */
  portPath: FieldPath;
}

export function ingressBackends(resource: Resource): IngressBackend[] {
  if (!isKind(resource, 'networking.k8s.io', 'Ingress') && !isKind(resource, 'extensions', 'Ingress')) return [];
  const out: IngressBackend[] = [];
  const spec = resource.obj.spec;
  addBackend(out, dig(spec, 'defaultBackend'), ['spec', 'defaultBackend']);
  addBackend(out, dig(spec, 'backend'), ['spec', 'backend']);
  items(dig(spec, 'rules')).forEach((rule, i) => {
    items(dig(rule, 'http', 'paths')).forEach((path, j) => {
      addBackend(out, dig(path, 'backend'), ['spec', 'rules', i, 'http', 'paths', j, 'backend']);
    });
  });
  return out;
}

function addBackend(out: IngressBackend[], backend: JsonValue | undefined, at: FieldPath): void {
  const v1 = dig(backend, 'service');
  if (v1 !== undefined) {
    const name = str(dig(v1, 'name'));
    if (!name) return;
    const number = dig(v1, 'port', 'number');
    const portField = number != null ? 'number' : 'name';
    out.push({
      service: name,
      port: intOrString(dig(v1, 'port', portField)),
      namePath: [...at, 'service', 'name'],
      portPath: [...at, 'service', 'port', portField],
    });
    return;
  }
  const legacy = str(dig(backend, 'serviceName'));
  if (legacy) {
    out.push({ service: legacy, port: intOrString(dig(backend, 'servicePort')), namePath: [...at, 'serviceName'], portPath: [...at, 'servicePort'] });
  }
}
