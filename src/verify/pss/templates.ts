/**
 * Where a pod lives inside an object: a Pod itself, or the pod template of a
 * workload controller (the kinds the upstream admission extracts pod specs
 * from). Paths are kept so findings point into the enclosing object.
 */
import { isObject, type JsonObject } from '../../core/json.js';
import { parseApiVersion } from '../../core/resource-id.js';
import type { FieldPath } from '../finding.js';
import type { PodInput } from './pod.js';

/** Path of the pod template inside each supported kind, keyed by `group/kind`. */
const TEMPLATE_PATHS: ReadonlyMap<string, FieldPath> = new Map<string, FieldPath>([
  ['/ReplicationController', ['spec', 'template']],
  ['/PodTemplate', ['template']],
  ['apps/Deployment', ['spec', 'template']],
  ['apps/StatefulSet', ['spec', 'template']],
  ['apps/DaemonSet', ['spec', 'template']],
  ['apps/ReplicaSet', ['spec', 'template']],
  ['batch/Job', ['spec', 'template']],
  ['batch/CronJob', ['spec', 'jobTemplate', 'spec', 'template']],
]);

/** Whether objects of this group/kind carry a pod (so a verify rule should look at them). */
export function carriesPod(group: string, kind: string): boolean {
  return (group === '' && kind === 'Pod') || TEMPLATE_PATHS.has(`${group}/${kind}`);
}

/** The pod inside `obj`, or `undefined` when the kind has none (or its template is missing). */
export function podOf(obj: JsonObject): PodInput | undefined {
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
  const kind = typeof obj.kind === 'string' ? obj.kind : '';
  const { group } = parseApiVersion(apiVersion);
  if (group === '' && kind === 'Pod') return podAt(obj, []);
  const templatePath = TEMPLATE_PATHS.get(`${group}/${kind}`);
  if (!templatePath) return undefined;
  let node: JsonObject = obj;
  for (const key of templatePath) {
    const next = node[key as string];
    if (!isObject(next)) return undefined;
    node = next;
  }
  return podAt(node, templatePath);
}

function podAt(node: JsonObject, base: FieldPath): PodInput {
  const pod: PodInput = {
    spec: isObject(node.spec) ? node.spec : {},
    specPath: [...base, 'spec'],
    metadataPath: [...base, 'metadata'],
  };
  if (isObject(node.metadata)) pod.metadata = node.metadata;
  return pod;
}
