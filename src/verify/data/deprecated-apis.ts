/**
 * API versions the Kubernetes project removed, per the official "Deprecated
 * API Migration Guide" (kubernetes.io/docs/reference/using-api/deprecation-guide):
 * the version that stopped serving each one and the replacement with the
 * release it is available since; plus the release that marked each one
 * deprecated (the APIs' own lifecycle metadata, which drives the
 * apiserver's "deprecated in v1.X+, unavailable in v1.Y+" warnings).
 */

export interface RemovedApi {
  apiVersion: string;
  kind: string;
  /** Release that marked it deprecated (the apiserver warns from then on). */
  deprecatedIn: string;
  /** First Kubernetes minor that no longer serves it, e.g. `1.22`. */
  removedIn: string;
  /** What to use instead; undefined when the API has no successor. */
  replacement?: string;
  /** Release from which the replacement is available. */
  replacementSince?: string;
  /** Extra migration advice. */
  note?: string;
}

type Row = [apiVersion: string, kinds: string[], deprecatedIn: string, removedIn: string, replacement: string | undefined, since: string | undefined, note?: string];

const ROWS: Row[] = [
  // v1.16
  ['extensions/v1beta1', ['Deployment', 'DaemonSet', 'ReplicaSet'], '1.9', '1.16', 'apps/v1', '1.9'],
  ['apps/v1beta1', ['Deployment', 'StatefulSet', 'ReplicaSet'], '1.9', '1.16', 'apps/v1', '1.9'],
  ['apps/v1beta2', ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'], '1.9', '1.16', 'apps/v1', '1.9'],
  ['extensions/v1beta1', ['NetworkPolicy'], '1.9', '1.16', 'networking.k8s.io/v1', '1.8'],
  ['extensions/v1beta1', ['PodSecurityPolicy'], '1.10', '1.16', 'policy/v1beta1', '1.10', 'PodSecurityPolicy itself was removed in 1.25: use Pod Security Admission labels.'],
  // v1.22
  ['admissionregistration.k8s.io/v1beta1', ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], '1.16', '1.22', 'admissionregistration.k8s.io/v1', '1.16'],
  ['apiextensions.k8s.io/v1beta1', ['CustomResourceDefinition'], '1.16', '1.22', 'apiextensions.k8s.io/v1', '1.16'],
  ['apiregistration.k8s.io/v1beta1', ['APIService'], '1.19', '1.22', 'apiregistration.k8s.io/v1', '1.10'],
  ['authentication.k8s.io/v1beta1', ['TokenReview'], '1.19', '1.22', 'authentication.k8s.io/v1', '1.6'],
  ['authorization.k8s.io/v1beta1', ['SubjectAccessReview', 'LocalSubjectAccessReview', 'SelfSubjectAccessReview'], '1.19', '1.22', 'authorization.k8s.io/v1', '1.6'],
  ['certificates.k8s.io/v1beta1', ['CertificateSigningRequest'], '1.19', '1.22', 'certificates.k8s.io/v1', '1.19'],
  ['coordination.k8s.io/v1beta1', ['Lease'], '1.19', '1.22', 'coordination.k8s.io/v1', '1.14'],
  ['extensions/v1beta1', ['Ingress'], '1.14', '1.22', 'networking.k8s.io/v1', '1.19'],
  ['networking.k8s.io/v1beta1', ['Ingress', 'IngressClass'], '1.19', '1.22', 'networking.k8s.io/v1', '1.19'],
  ['rbac.authorization.k8s.io/v1beta1', ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], '1.17', '1.22', 'rbac.authorization.k8s.io/v1', '1.8'],
  ['scheduling.k8s.io/v1beta1', ['PriorityClass'], '1.14', '1.22', 'scheduling.k8s.io/v1', '1.14'],
  ['storage.k8s.io/v1beta1', ['CSIDriver'], '1.19', '1.22', 'storage.k8s.io/v1', '1.19'],
  ['storage.k8s.io/v1beta1', ['CSINode'], '1.17', '1.22', 'storage.k8s.io/v1', '1.17'],
  ['storage.k8s.io/v1beta1', ['StorageClass'], '1.19', '1.22', 'storage.k8s.io/v1', '1.6'],
  ['storage.k8s.io/v1beta1', ['VolumeAttachment'], '1.19', '1.22', 'storage.k8s.io/v1', '1.13'],
  // v1.25
  ['batch/v1beta1', ['CronJob'], '1.21', '1.25', 'batch/v1', '1.21'],
  ['discovery.k8s.io/v1beta1', ['EndpointSlice'], '1.21', '1.25', 'discovery.k8s.io/v1', '1.21'],
  ['events.k8s.io/v1beta1', ['Event'], '1.22', '1.25', 'events.k8s.io/v1', '1.19'],
  ['autoscaling/v2beta1', ['HorizontalPodAutoscaler'], '1.22', '1.25', 'autoscaling/v2', '1.23'],
  ['policy/v1beta1', ['PodDisruptionBudget'], '1.21', '1.25', 'policy/v1', '1.21', 'In policy/v1 an empty selector selects every pod of the namespace.'],
  ['policy/v1beta1', ['PodSecurityPolicy'], '1.21', '1.25', undefined, undefined, 'There is no replacement: enforce Pod Security Standards with pod-security.kubernetes.io namespace labels.'],
  ['node.k8s.io/v1beta1', ['RuntimeClass'], '1.22', '1.25', 'node.k8s.io/v1', '1.20'],
  // v1.26
  ['flowcontrol.apiserver.k8s.io/v1beta1', ['FlowSchema', 'PriorityLevelConfiguration'], '1.23', '1.26', 'flowcontrol.apiserver.k8s.io/v1beta3', '1.26'],
  ['autoscaling/v2beta2', ['HorizontalPodAutoscaler'], '1.23', '1.26', 'autoscaling/v2', '1.23'],
  // v1.27
  ['storage.k8s.io/v1beta1', ['CSIStorageCapacity'], '1.24', '1.27', 'storage.k8s.io/v1', '1.24'],
  // v1.29
  ['flowcontrol.apiserver.k8s.io/v1beta2', ['FlowSchema', 'PriorityLevelConfiguration'], '1.26', '1.29', 'flowcontrol.apiserver.k8s.io/v1', '1.29'],
  // v1.32
  ['flowcontrol.apiserver.k8s.io/v1beta3', ['FlowSchema', 'PriorityLevelConfiguration'], '1.29', '1.32', 'flowcontrol.apiserver.k8s.io/v1', '1.29'],
];

export const REMOVED_APIS: readonly RemovedApi[] = ROWS.flatMap(([apiVersion, kinds, deprecatedIn, removedIn, replacement, replacementSince, note]) =>
  kinds.map((kind) => {
    const api: RemovedApi = { apiVersion, kind, deprecatedIn, removedIn };
    if (replacement !== undefined) api.replacement = replacement;
    if (replacementSince !== undefined) api.replacementSince = replacementSince;
    if (note !== undefined) api.note = note;
    return api;
  }),
);

// kind → apiVersion → record: every object is looked up, so no key strings are built.
const BY_KIND = new Map<string, Map<string, RemovedApi>>();
for (const api of REMOVED_APIS) {
  let versions = BY_KIND.get(api.kind);
  if (!versions) BY_KIND.set(api.kind, (versions = new Map()));
  versions.set(api.apiVersion, api);
}

/** Every kind that has a removed apiVersion. */
export const REMOVED_KINDS: readonly string[] = [...BY_KIND.keys()];

/** The removal record for an `apiVersion` + `kind`, if the API was removed. */
export function removedApi(apiVersion: string, kind: string): RemovedApi | undefined {
  return BY_KIND.get(kind)?.get(apiVersion);
}

/** `1.30`, `v1.30.2`, `1.30+` → [1, 30]; undefined when not a version. */
export function parseMinor(version: string): [number, number] | undefined {
  const m = /^v?(\d+)\.(\d+)/.exec(version.trim());
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/** a <= b for MAJOR.MINOR versions. */
export function minorAtMost(a: string, b: string): boolean {
  const x = parseMinor(a);
  const y = parseMinor(b);
  if (!x || !y) return false;
  return x[0] < y[0] || (x[0] === y[0] && x[1] <= y[1]);
}
