/**
 * Kinds without a rule of their own. Custom resources follow the kstatus
 * condition convention (Flux, Crossplane, cert-manager, …): Stalled=True is
 * Failed, Reconciling=True InProgress, then Ready decides; Ready=False never
 * fails (it is how controllers say "not yet"). A Ready condition written for an
 * older generation counts as not yet observed (kstatus ignores that field).
 * Kinds that have no status at all are Current once they exist.
 */
import type { KubeObject } from '../../cluster/types.js';
import { conditionOf, optionalNumber, type Condition } from './fields.js';
import type { HealthRule, HealthVerdict } from './types.js';
import { current, failedFast, inProgress } from './verdicts.js';

/** Kinds with no status to wait for (kstatus' "always Current" list, widened to other spec-only kinds). */
export const alwaysCurrentRule: HealthRule = {
  kinds: [
    '/ConfigMap', '/Secret', '/ServiceAccount', '/LimitRange', '/ResourceQuota', '/Endpoints',
    'batch/CronJob', 'policy/PodDisruptionBudget', 'networking.k8s.io/NetworkPolicy', 'networking.k8s.io/IngressClass',
    'rbac.authorization.k8s.io/Role', 'rbac.authorization.k8s.io/RoleBinding',
    'rbac.authorization.k8s.io/ClusterRole', 'rbac.authorization.k8s.io/ClusterRoleBinding',
    'scheduling.k8s.io/PriorityClass', 'storage.k8s.io/StorageClass',
    'admissionregistration.k8s.io/ValidatingWebhookConfiguration', 'admissionregistration.k8s.io/MutatingWebhookConfiguration',
    'admissionregistration.k8s.io/ValidatingAdmissionPolicy', 'admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding',
  ],
  assess({ object }) {
    return current('Exists', `${object.kind} ${object.metadata.name} exists (no status to wait for)`);
  },
};

/** The kstatus condition convention, for every kind without a rule. */
export const conditionsRule: HealthRule = {
  kinds: [],
  assess({ object }) {
    return stalledOrReconciling(object) ?? readyVerdict(object);
  },
};

/** Stalled=True → Failed, Reconciling=True → InProgress, first match in list order (as kstatus scans them). */
export function stalledOrReconciling(object: KubeObject): HealthVerdict | undefined {
  const stalled = conditionOf(object, 'Stalled');
  const reconciling = conditionOf(object, 'Reconciling');
  if (stalled?.status === 'True') return failedFast(stalled.reason ?? 'Stalled', describe(object, stalled, 'stalled'));
  if (reconciling?.status === 'True') return inProgress(reconciling.reason ?? 'Reconciling', describe(object, reconciling, 'reconciling'));
  return undefined;
}

function readyVerdict(object: KubeObject): HealthVerdict {
  const ready = conditionOf(object, 'Ready');
  if (!ready) return current('NoReadyCondition', `${object.kind} ${object.metadata.name} exists and reports no Ready condition`);
  const observed = optionalNumber(ready as unknown as Record<string, unknown>, 'observedGeneration');
  const generation = object.metadata.generation;
  if (observed !== undefined && generation !== undefined && observed < generation) {
    return inProgress('GenerationNotObserved', `${object.kind} ${object.metadata.name}: Ready reflects generation ${observed}, not ${generation}`);
  }
  if (ready.status === 'True') return current(ready.reason ?? 'Ready', describe(object, ready, 'ready'));
  return inProgress(ready.reason ?? 'NotReady', describe(object, ready, 'not ready'));
}

function describe(object: KubeObject, condition: Condition, fallback: string): string {
  return `${object.kind} ${object.metadata.name}: ${condition.message || condition.reason || fallback}`;
}
