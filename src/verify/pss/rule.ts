/**
 * The Pod Security verify rule: every pod and pod template is checked
 * against the level and version its namespace enforces (namespace labels,
 * else the caller's default), and each offending field becomes a Finding.
 */
import type { JsonObject } from '../../core/json.js';
import type { Resource } from '../../core/resource.js';
import { findingFor, type Finding } from '../finding.js';
import type { Rule, VerifyContext } from '../rule.js';
import { checkPod, podSecurityEvaluator } from './check-pod.js';
import { objectOr } from './pod.js';
import { DEFAULT_POLICY, ENFORCE_LEVEL_LABEL, resolveNamespacePolicy, type PodSecurityPolicy, type ResolvedPolicy } from './policy.js';
import { podOf } from './templates.js';

export const POD_SECURITY_RULE_ID = 'pod-security';
export const POD_SECURITY_CATEGORY = 'pod-security';

export interface PodSecurityRuleOptions {
  /** Policy for namespaces without labels (and for objects whose namespace is not in the set). */
  defaultPolicy?: PodSecurityPolicy;
  /** Namespace used for namespaced objects that set none (kubectl's default). */
  defaultNamespace?: string;
}

/** The policy enforced on `namespace`, from its labels when the Namespace object is in the set. */
export function policyForNamespace(namespace: string, context: VerifyContext, defaults: PodSecurityPolicy = DEFAULT_POLICY): ResolvedPolicy {
  const ns: JsonObject | undefined = context.namespaces.get(namespace);
  if (!ns) return { policy: { ...defaults }, problems: [] };
  return resolveNamespacePolicy(objectOr(objectOr(ns.metadata).labels), defaults);
}

/** The apiserver accepts invalid PodSecurity labels but enforces restricted/latest instead; say so. */
function invalidLabelFindings(namespace: Resource, defaults: PodSecurityPolicy): Finding[] {
  const labels = objectOr(objectOr(namespace.obj.metadata).labels);
  return resolveNamespacePolicy(labels, defaults).problems.map((problem) =>
    findingFor(namespace, {
      ruleId: `${POD_SECURITY_RULE_ID}/invalid-label`,
      severity: 'warning',
      category: POD_SECURITY_CATEGORY,
      path: ['metadata', 'labels', problem.label],
      message: `${problem.label}=${JSON.stringify(problem.value)} is not valid; the apiserver enforces ${JSON.stringify(problem.usedInstead)} instead`,
      remediation: problem.label === ENFORCE_LEVEL_LABEL
        ? 'Use one of privileged, baseline, restricted.'
        : 'Use latest or a version such as v1.30.',
    }),
  );
}

export function podSecurityRule(options: PodSecurityRuleOptions = {}): Rule {
  const defaults = options.defaultPolicy ?? DEFAULT_POLICY;
  const defaultNamespace = options.defaultNamespace ?? 'default';
  return {
    id: POD_SECURITY_RULE_ID,
    category: POD_SECURITY_CATEGORY,
    severity: 'error',
    description: 'Pods and pod templates must satisfy the Pod Security Standard their namespace enforces.',
    check(resource: Resource, context: VerifyContext): Finding[] {
      if (resource.kind === 'Namespace' && resource.id.group === '') return invalidLabelFindings(resource, defaults);
      const pod = podOf(resource.obj);
      if (!pod) return [];
      const { policy } = policyForNamespace(resource.namespace || defaultNamespace, context, defaults);
      const findings: Finding[] = [];
      for (const violation of checkPod(pod, policy.level, policy.version, podSecurityEvaluator())) {
        for (const field of violation.fields) {
          findings.push(findingFor(resource, {
            ruleId: `${POD_SECURITY_RULE_ID}/${violation.checkId}`,
            severity: 'error',
            category: POD_SECURITY_CATEGORY,
            path: field.path,
            message: `${violation.control} (${policy.level}): ${field.message}`,
            remediation: violation.remediation,
          }));
        }
      }
      return findings;
    },
  };
}
