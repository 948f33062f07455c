/** One rule per kind, looked up by `group/Kind`; kinds not listed get the generic condition rule. */
import type { KubeObject } from '../../cluster/types.js';
import { groupOf } from '../../cluster/types.js';
import { crdRule } from './crd.js';
import { daemonSetRule } from './daemonset.js';
import { deploymentRule } from './deployment.js';
import { alwaysCurrentRule, conditionsRule } from './generic.js';
import { jobRule } from './job.js';
import { podRule } from './pod.js';
import { pvcRule } from './pvc.js';
import { replicaSetRule } from './replicaset.js';
import { serviceRule } from './service.js';
import { statefulSetRule } from './statefulset.js';
import type { HealthRule } from './types.js';

export const HEALTH_RULES: readonly HealthRule[] = [
  deploymentRule,
  statefulSetRule,
  daemonSetRule,
  replicaSetRule,
  podRule,
  jobRule,
  pvcRule,
  serviceRule,
  crdRule,
  alwaysCurrentRule,
];

const byKind = new Map<string, HealthRule>();
for (const rule of HEALTH_RULES) {
  for (const kind of rule.kinds) {
    if (byKind.has(kind)) throw new Error(`two health rules for ${kind}`);
    byKind.set(kind, rule);
  }
}

/** The rule for an object's kind, or the generic condition rule. */
export function ruleFor(object: Pick<KubeObject, 'apiVersion' | 'kind'>): HealthRule {
  return byKind.get(`${groupOf(object.apiVersion)}/${object.kind}`) ?? conditionsRule;
}
