/**
 * Offline ValidatingAdmissionPolicy evaluation over a cluster's rendered
 * set: every object is admitted as a CREATE, against every binding whose
 * policy (and own matchResources) match it, and each decision becomes a
 * Finding `vap/<policy>`. validationActions set the severity: Deny →
 * error, Warn → warning, Audit → info (the strongest one when several).
 */
import type { JsonObject } from '../../core/json.js';
import type { Resource } from '../../core/resource.js';
import { DENY_ALL, objectToCel, toCel, type AuthorizationPolicy } from '../cel/index.js';
import { compareFindings, findingFor, type Finding, type Severity } from '../finding.js';
import { KindCatalog } from './catalog.js';
import type { CompiledPolicy } from './compile.js';
import { decide, type Decision } from './decide.js';
import type { PolicySet } from './load.js';
import { matchesResources, type NamespaceLabels } from './match.js';
import { ParamIndex } from './params.js';
import { admissionRequest, isNamespaceObject, namespaceView, OFFLINE_USER, requestVariable, type AdmissionRequest, type UserInfo } from './request.js';
import { labelsOf } from './selector.js';
import type { PolicyBinding, ValidationAction } from './types.js';

export const VAP_CATEGORY = 'admission-policy';
export const VAP_RULE_PREFIX = 'vap/';

export interface PolicyContext {
  /** The cluster's version (`1.30`, `v1.30.2`): selects the CEL environment. Unset: the newest modelled. */
  kubernetesVersion?: string;
  /** Namespace of namespaced objects that set none (kubectl's default). Default `default`. */
  defaultNamespace?: string;
  /** `request.userInfo` and the authorizer's subject. */
  user?: UserInfo;
  /** Answers `authorizer` checks; by default everything is denied. */
  authorization?: AuthorizationPolicy;
}

const SEVERITY: Record<ValidationAction, Severity> = { Deny: 'error', Warn: 'warning', Audit: 'info' };
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function severityOf(actions: readonly ValidationAction[]): Severity {
  return actions.map((a) => SEVERITY[a]).sort((a, b) => RANK[a] - RANK[b])[0] ?? 'error';
}

function namespaceIndex(resources: readonly Resource[]): Map<string, JsonObject> {
  const out = new Map<string, JsonObject>();
  for (const r of resources) if (isNamespaceObject(r) && r.name) out.set(r.name, namespaceView(r.obj, r.name));
  return out;
}

function decisionFinding(request: AdmissionRequest, policy: CompiledPolicy, binding: PolicyBinding, decision: Decision): Finding {
  const where = `ValidatingAdmissionPolicy ${policy.policy.name}, binding ${binding.name}${decision.param ? `, params ${decision.param.name}` : ''}`;
  return findingFor(request.resource, {
    ruleId: `${VAP_RULE_PREFIX}${policy.policy.name}`,
    severity: severityOf(binding.validationActions),
    category: VAP_CATEGORY,
    path: [],
    message: decision.message,
    remediation: decision.kind === 'violation'
      ? `Change the object so that \`${decision.expression ?? ''}\` holds (${where}).`
      : `The policy cannot be evaluated for this object and its failurePolicy is Fail; fix the policy or the object (${where}).`,
  });
}

/**
 * Compile problems specific to this version (not reported when loading), as findings on the policy object:
 * this cluster's apiserver would refuse the policy.
 */
export function policyCompileFindings(set: PolicySet, version: string | undefined): Finding[] {
  const compiled = set.compiledFor(version);
  const findings: Finding[] = [];
  for (const policy of compiled.values()) {
    for (const problem of policy.problems) {
      if (set.isReported(policy.policy.name, problem)) continue;
      findings.push(findingFor(policy.policy.resource, {
        ruleId: `${VAP_RULE_PREFIX}${policy.policy.name}`,
        severity: 'error',
        category: VAP_CATEGORY,
        path: problem.source.path,
        message: `does not compile for Kubernetes ${version ?? 'latest'}: ${problem.error}`,
        remediation: 'Use only CEL functions available in the cluster\'s Kubernetes version.',
      }));
    }
  }
  return findings;
}

/** Every finding, in report order: decisions on the objects, and version-specific compile problems on the policies. */
export function evaluatePolicies(set: PolicySet, resources: readonly Resource[], context: PolicyContext = {}): Finding[] {
  const findings = policyCompileFindings(set, context.kubernetesVersion);
  for (const list of decisionsByResource(set, resources, context).values()) findings.push(...list);
  return findings.sort(compareFindings);
}

interface Evaluation {
  pairs: { binding: PolicyBinding; policy: CompiledPolicy }[];
  catalog: KindCatalog;
  params: ParamIndex;
  namespaceObject(name: string): JsonObject;
  namespaceLabels: NamespaceLabels;
  defaultNamespace: string;
  user: UserInfo;
  authorization: AuthorizationPolicy;
}

/** The findings about each object of `resources` (objects without findings are absent). */
export function decisionsByResource(set: PolicySet, resources: readonly Resource[], context: PolicyContext = {}): Map<Resource, Finding[]> {
  const compiled = set.compiledFor(context.kubernetesVersion);
  const byResource = new Map<Resource, Finding[]>();
  const pairs = [...set.bindings]
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((binding) => {
      const policy = compiled.get(binding.policyName);
      // The apiserver refuses a policy whose expressions do not compile: it never evaluates.
      return policy && policy.problems.length === 0 ? [{ binding, policy }] : [];
    });
  if (pairs.length === 0) return byResource;
  const defaultNamespace = context.defaultNamespace ?? 'default';
  const catalog = new KindCatalog(resources);
  const namespaces = namespaceIndex(resources);
  // A namespace not in the set is taken as a bare one, with the label the apiserver gives every namespace.
  const namespaceObject = (name: string): JsonObject => {
    let ns = namespaces.get(name);
    if (!ns) namespaces.set(name, (ns = namespaceView({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }, name)));
    return ns;
  };
  const evaluation: Evaluation = {
    pairs,
    catalog,
    params: new ParamIndex(resources, catalog, defaultNamespace),
    namespaceObject,
    namespaceLabels: (req) => (isNamespaceObject(req.resource) ? req.labels : req.namespaced ? labelsOf(namespaceObject(req.namespace)) : undefined),
    defaultNamespace,
    user: context.user ?? OFFLINE_USER,
    authorization: context.authorization ?? DENY_ALL,
  };
  for (const resource of resources) {
    const findings = admit(resource, evaluation);
    if (findings.length > 0) byResource.set(resource, findings);
  }
  return byResource;
}

/** One object through every binding, as a CREATE. */
function admit(resource: Resource, e: Evaluation): Finding[] {
  const request = admissionRequest(resource, e.catalog, e.defaultNamespace);
  const findings: Finding[] = [];
  let cel: { object: Record<string, unknown>; request: unknown } | undefined;
  for (const { binding, policy } of e.pairs) {
    if (!matchesResources(policy.policy.matchConstraints, request, e.namespaceLabels)) continue;
    if (binding.matchResources && !matchesResources(binding.matchResources, request, e.namespaceLabels)) continue;
    cel ??= { object: objectToCel(request.object), request: toCel(requestVariable(request, e.user)) };
    const decisions = decide({
      compiled: policy,
      binding,
      request,
      celObject: cel.object,
      celRequest: cel.request,
      params: e.params.resolve(policy.policy, binding, request),
      namespaceObject: request.namespaced ? e.namespaceObject(request.namespace) : null,
      user: e.user,
      authorization: e.authorization,
    });
    for (const d of decisions) findings.push(decisionFinding(request, policy, binding, d));
  }
  return findings;
}
