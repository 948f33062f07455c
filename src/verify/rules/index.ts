/**
 * The hardening and best-practice rules, in report order by theme. Each
 * rule lives in its own file; add new ones here.
 */
import type { RuleRegistry } from '../rule.js';
import type { HardeningRule } from './define.js';
import { automountServiceAccountToken } from './automount-service-account-token.js';
import { barePod } from './bare-pod.js';
import { clusterAdminBinding } from './cluster-admin-binding.js';
import { configMapRefMissing } from './configmap-ref-missing.js';
import { cpuRequests } from './cpu-requests.js';
import { criticalReplicas } from './critical-replicas.js';
import { cronJobConcurrency } from './cronjob-concurrency.js';
import { cronJobDeadline } from './cronjob-deadline.js';
import { danglingServiceMonitor } from './dangling-service-monitor.js';
import { defaultDenyNetworkPolicy } from './default-deny-network-policy.js';
import { defaultNamespace } from './default-namespace.js';
import { defaultServiceAccount } from './default-service-account.js';
import { deprecatedApi } from './deprecated-api.js';
import { deprecatedServiceAccountField } from './deprecated-service-account-field.js';
import { dockerSocketMount } from './docker-socket-mount.js';
import { duplicateEnv } from './duplicate-env.js';
import { envSecretRef } from './env-secret-ref.js';
import { hpaMinReplicas } from './hpa-min-replicas.js';
import { hpaReplicasConflict } from './hpa-replicas-conflict.js';
import { hpaTargetMissing } from './hpa-target-missing.js';
import { identicalProbes } from './identical-probes.js';
import { imageDigest } from './image-digest.js';
import { ingressBackendMissing } from './ingress-backend-missing.js';
import { ingressBackendPort } from './ingress-backend-port.js';
import { ingressTls } from './ingress-tls.js';
import { jobTtl } from './job-ttl.js';
import { latestTag } from './latest-tag.js';
import { livenessProbe } from './liveness-probe.js';
import { loadBalancerSourceRanges } from './load-balancer-source-ranges.js';
import { memoryLimit } from './memory-limit.js';
import { memoryRequests } from './memory-requests.js';
import { networkPolicySelectsNothing } from './network-policy-selects-nothing.js';
import { pdbBlocksEviction } from './pdb-blocks-eviction.js';
import { pdbMissing } from './pdb-missing.js';
import { pdbSelectsNothing } from './pdb-selects-nothing.js';
import { podSpread } from './pod-spread.js';
import { priorityClass } from './priority-class.js';
import { privilegedPort } from './privileged-port.js';
import { probePort } from './probe-port.js';
import { rbacAnonymousBinding } from './rbac-anonymous-binding.js';
import { rbacClusterSecretsRead } from './rbac-cluster-secrets-read.js';
import { rbacEscalationVerbs } from './rbac-escalation-verbs.js';
import { rbacNodesProxy } from './rbac-nodes-proxy.js';
import { rbacPodCreate } from './rbac-pod-create.js';
import { rbacPodExec } from './rbac-pod-exec.js';
import { rbacRoleMissing } from './rbac-role-missing.js';
import { rbacWildcard } from './rbac-wildcard.js';
import { readOnlyRootFilesystem } from './read-only-root-filesystem.js';
import { readinessProbe } from './readiness-probe.js';
import { recommendedLabels } from './recommended-labels.js';
import { registryAllowlist } from './registry-allowlist.js';
import { removedApiRule } from './removed-api.js';
import { restartPolicy } from './restart-policy.js';
import { rollingUpdate } from './rolling-update.js';
import { secretInConfigMap } from './secret-in-configmap.js';
import { secretLiteralEnv } from './secret-literal-env.js';
import { selectorMismatch } from './selector-mismatch.js';
import { sensitiveHostMount } from './sensitive-host-mount.js';
import { serviceAccountMissing } from './service-account-missing.js';
import { serviceExternalIps } from './service-external-ips.js';
import { serviceNodePort } from './service-node-port.js';
import { serviceSelectsNothing } from './service-selects-nothing.js';
import { serviceTargetPort } from './service-target-port.js';
import { sshPort } from './ssh-port.js';
import { statefulSetServiceName } from './statefulset-service-name.js';

export type { HardeningRule, RuleCategory } from './define.js';
export { RULE_PREFIX } from './define.js';
export { REMOVED_APIS, removedApi, type RemovedApi } from '../data/deprecated-apis.js';

export const HARDENING_RULES: readonly HardeningRule[] = [
  // security
  latestTag,
  imageDigest,
  registryAllowlist,
  readOnlyRootFilesystem,
  automountServiceAccountToken,
  defaultServiceAccount,
  dockerSocketMount,
  sensitiveHostMount,
  secretLiteralEnv,
  envSecretRef,
  secretInConfigMap,
  privilegedPort,
  sshPort,
  // efficiency / reliability
  cpuRequests,
  memoryRequests,
  memoryLimit,
  livenessProbe,
  readinessProbe,
  probePort,
  identicalProbes,
  restartPolicy,
  selectorMismatch,
  duplicateEnv,
  serviceAccountMissing,
  configMapRefMissing,
  barePod,
  pdbMissing,
  pdbSelectsNothing,
  pdbBlocksEviction,
  rollingUpdate,
  podSpread,
  criticalReplicas,
  priorityClass,
  cronJobConcurrency,
  cronJobDeadline,
  hpaTargetMissing,
  hpaMinReplicas,
  hpaReplicasConflict,
  statefulSetServiceName,
  // networking
  serviceNodePort,
  serviceExternalIps,
  loadBalancerSourceRanges,
  serviceSelectsNothing,
  serviceTargetPort,
  ingressBackendMissing,
  ingressBackendPort,
  ingressTls,
  defaultDenyNetworkPolicy,
  networkPolicySelectsNothing,
  // hygiene
  defaultNamespace,
  recommendedLabels,
  deprecatedServiceAccountField,
  jobTtl,
  danglingServiceMonitor,
  // api versions
  removedApiRule,
  deprecatedApi,
  // rbac
  rbacWildcard,
  clusterAdminBinding,
  rbacPodExec,
  rbacClusterSecretsRead,
  rbacEscalationVerbs,
  rbacNodesProxy,
  rbacPodCreate,
  rbacRoleMissing,
  rbacAnonymousBinding,
];

/** Adds every hardening rule (or those `include` accepts) to `registry`. */
export function registerHardeningRules(registry: RuleRegistry, include: (rule: HardeningRule) => boolean = () => true): RuleRegistry {
  for (const rule of HARDENING_RULES) if (include(rule)) registry.register(rule);
  return registry;
}
