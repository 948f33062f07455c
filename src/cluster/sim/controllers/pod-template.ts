/**
 * Pods made from a workload's pod template, with what the API server and the
 * owning controller add: owner reference, labels, generateName, the pod spec
 * defaults the admission chain fills in, and the initial Pending status.
 */
import type { KubeObject } from '../../types.js';
import { isObject, type JsonObject } from '../object-utils.js';
import { ownerReference, type ControllerContext } from './context.js';
import { qosClass } from './pod-status.js';

const DEFAULT_TOLERATIONS = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];

export interface PodShape {
  /** Fixed name (StatefulSet) or undefined to generate `<generateName><5 chars>`. */
  name?: string;
  generateName: string;
  labels?: Record<string, string>;
  /** Pod spec fields the controller sets (hostname, nodeName, volumes). */
  spec?: JsonObject;
}

export function podFromTemplate(ctx: ControllerContext, owner: KubeObject, template: unknown, shape: PodShape): KubeObject {
  const tpl = isObject(template) ? template : {};
  const meta = isObject(tpl.metadata) ? tpl.metadata : {};
  const podSpec = isObject(tpl.spec) ? tpl.spec : {};
  const namespace = owner.metadata.namespace;
  const name = shape.name ?? ctx.freeName(shape.generateName, 'v1', 'Pod', namespace);
  const labels = { ...(isObject(meta.labels) ? (meta.labels as Record<string, string>) : {}), ...shape.labels };
  const annotations = isObject(meta.annotations) ? (meta.annotations as Record<string, string>) : undefined;
  const spec: JsonObject = {
    restartPolicy: 'Always',
    dnsPolicy: 'ClusterFirst',
    schedulerName: 'default-scheduler',
    terminationGracePeriodSeconds: 30,
    serviceAccountName: 'default',
    serviceAccount: 'default',
    enableServiceLinks: true,
    priority: 0,
    preemptionPolicy: 'PreemptLowerPriority',
    securityContext: {},
    tolerations: DEFAULT_TOLERATIONS,
    ...podSpec,
    ...shape.spec,
  };
  const pod: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      ...(shape.name ? {} : { generateName: shape.generateName }),
      namespace,
      labels,
      ...(annotations && { annotations }),
      ownerReferences: [ownerReference(owner)],
    },
    spec,
  };
  pod.status = { phase: 'Pending', qosClass: qosClass(pod) };
  return pod;
}
