/**
 * The defaults the API server fills in on write, for the kinds where they
 * matter to rollouts and health (replicas, strategies, Service clusterIP and
 * port protocol). One function per kind; each returns a new object, copying
 * only the branches it fills (stored objects are frozen).
 */
import { createHash } from 'node:crypto';
import { groupOf, type KubeObject } from '../types.js';
import { isObject, type JsonObject } from './object-utils.js';

type Defaulter = (object: KubeObject) => KubeObject;

/** `object` with `value` at `path` when nothing is there; copies along the path only when it writes. */
function withDefault<T extends JsonObject>(object: T, path: readonly string[], value: unknown): T {
  const [head, ...rest] = path;
  if (head === undefined) return object;
  const current = object[head];
  if (rest.length === 0) return current === undefined ? { ...object, [head]: value } : object;
  if (current !== undefined && !isObject(current)) return object;
  const child = withDefault((current ?? {}) as JsonObject, rest, value);
  return child === current ? object : { ...object, [head]: child };
}

function defaults(object: KubeObject, entries: Array<[string[], unknown]>): KubeObject {
  let out = object;
  for (const [path, value] of entries) out = withDefault(out, path, value);
  return out;
}

const podTemplatePorts: Defaulter = (object) => {
  const spec = isObject(object.spec) ? object.spec : undefined;
  const template = spec && isObject(spec.template) ? spec.template : undefined;
  const podSpec = template && isObject(template.spec) ? template.spec : undefined;
  if (!podSpec || !Array.isArray(podSpec.containers)) return object;
  const containers = podSpec.containers.map((c: unknown) => (isObject(c) && Array.isArray(c.ports) ? { ...c, ports: c.ports.map((p: unknown) => (isObject(p) ? withDefault(p, ['protocol'], 'TCP') : p)) } : c));
  return { ...object, spec: { ...spec, template: { ...template, spec: { ...podSpec, containers } } } };
};

const deployment: Defaulter = (object) => {
  const strategy = isObject(object.spec) && isObject(object.spec.strategy) ? object.spec.strategy : undefined;
  const rolling = !strategy || strategy.type === undefined || strategy.type === 'RollingUpdate';
  const out = defaults(object, [
    [['spec', 'replicas'], 1],
    [['spec', 'revisionHistoryLimit'], 10],
    [['spec', 'progressDeadlineSeconds'], 600],
    [['spec', 'strategy', 'type'], 'RollingUpdate'],
  ]);
  return podTemplatePorts(rolling ? defaults(out, [[['spec', 'strategy', 'rollingUpdate'], { maxUnavailable: '25%', maxSurge: '25%' }]]) : out);
};

const statefulSet: Defaulter = (object) =>
  podTemplatePorts(
    defaults(object, [
      [['spec', 'replicas'], 1],
      [['spec', 'podManagementPolicy'], 'OrderedReady'],
      [['spec', 'revisionHistoryLimit'], 10],
      [['spec', 'updateStrategy'], { type: 'RollingUpdate', rollingUpdate: { partition: 0 } }],
    ]),
  );

const daemonSet: Defaulter = (object) =>
  podTemplatePorts(
    defaults(object, [
      [['spec', 'revisionHistoryLimit'], 10],
      [['spec', 'updateStrategy'], { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } }],
    ]),
  );

const job: Defaulter = (object) =>
  podTemplatePorts(
    defaults(object, [
      [['spec', 'parallelism'], 1],
      [['spec', 'completions'], 1],
      [['spec', 'backoffLimit'], 6],
      [['spec', 'completionMode'], 'NonIndexed'],
      [['spec', 'suspend'], false],
    ]),
  );

/** A stable address in 10.96.0.0/12 from the Service's identity (no allocator state to keep). */
function clusterIPFor(object: KubeObject): string {
  const digest = createHash('sha256').update(`${object.metadata.namespace}/${object.metadata.name}`).digest();
  return `10.${96 + (digest[0]! & 0x0f)}.${digest[1]}.${1 + (digest[2]! % 254)}`;
}

const service: Defaulter = (object) => {
  const spec = isObject(object.spec) ? object.spec : {};
  const type = spec.type ?? 'ClusterIP';
  let out = defaults(object, [
    [['spec', 'type'], 'ClusterIP'],
    [['spec', 'sessionAffinity'], 'None'],
  ]);
  if (type !== 'ExternalName') {
    const ip = spec.clusterIP ?? clusterIPFor(object);
    out = defaults(out, [
      [['spec', 'clusterIP'], ip],
      [['spec', 'clusterIPs'], [ip]],
      [['spec', 'internalTrafficPolicy'], 'Cluster'],
      [['spec', 'ipFamilies'], ['IPv4']],
      [['spec', 'ipFamilyPolicy'], 'SingleStack'],
    ]);
  }
  const ports = isObject(out.spec) && Array.isArray(out.spec.ports) ? out.spec.ports : undefined;
  if (!ports) return out;
  const filled = ports.map((p: unknown) => (isObject(p) ? withDefault(withDefault(p, ['protocol'], 'TCP'), ['targetPort'], p.port) : p));
  return { ...out, spec: { ...(out.spec as JsonObject), ports: filled } };
};

/** Namespaces carry their own name as a label (1.21+), the `kubernetes` finalizer and phase Active. */
const namespace: Defaulter = (object) =>
  defaults(object, [
    [['metadata', 'labels', 'kubernetes.io/metadata.name'], object.metadata.name],
    [['spec', 'finalizers'], ['kubernetes']],
    [['status', 'phase'], 'Active'],
  ]);

const DEFAULTERS: Readonly<Record<string, Defaulter>> = {
  '/Namespace': namespace,
  'apps/Deployment': deployment,
  'apps/StatefulSet': statefulSet,
  'apps/DaemonSet': daemonSet,
  'batch/Job': job,
  '/Service': service,
};

/** The object with the API server's defaults for its kind filled in. */
export function withDefaults(object: KubeObject): KubeObject {
  const defaulter = DEFAULTERS[`${groupOf(object.apiVersion)}/${object.kind}`];
  return defaulter ? defaulter(object) : object;
}
