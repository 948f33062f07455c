/**
 * Plain Kubernetes objects (rendered manifests or a live cluster's lists) →
 * the normalised RBAC set. Anything that is not RBAC is ignored; a malformed
 * RBAC object is reported and skipped, never guessed at.
 */
import { isArray, isObject, type JsonObject, type JsonValue } from '../../core/json.js';
import type { SourceRef } from '../../core/resource.js';
import { aggregateClusterRoles } from './aggregate.js';
import { RBAC_GROUP, type BindingDef, type LabelSelector, type PolicyRule, type RbacProblem, type RbacSet, type RoleDef, type Subject } from './types.js';

/** One object to evaluate and where it came from (estate file and line, when it came from the estate). */
export interface RbacInput {
  object: JsonObject;
  origin?: SourceRef;
  /** A default of every cluster (bootstrap policy). */
  builtIn?: boolean;
}

const ROLE_KINDS = new Set(['Role', 'ClusterRole']);
const BINDING_KINDS = new Set(['RoleBinding', 'ClusterRoleBinding']);

export function isRbacObject(obj: JsonObject): boolean {
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
  const kind = typeof obj.kind === 'string' ? obj.kind : '';
  return apiVersion.startsWith(`${RBAC_GROUP}/`) && (ROLE_KINDS.has(kind) || BINDING_KINDS.has(kind));
}

/**
 * Reads every Role, ClusterRole, RoleBinding and ClusterRoleBinding (Lists
 * expanded), computes aggregated ClusterRoles, and reports bindings whose
 * role does not exist (they grant nothing, as in a real cluster).
 * `aggregate: false` keeps rules as given (a live cluster's controller has
 * already aggregated them).
 */
export function readRbac(inputs: readonly RbacInput[], options: { aggregate?: boolean } = {}): RbacSet {
  const set: RbacSet = { roles: [], bindings: [], problems: [] };
  for (const input of inputs) for (const obj of expandList(input.object)) readOne({ ...input, object: obj }, set);
  if (options.aggregate !== false) aggregateClusterRoles(set.roles);
  reportMissingRoles(set);
  return set;
}

function expandList(obj: JsonObject): JsonObject[] {
  const kind = typeof obj.kind === 'string' ? obj.kind : '';
  if (!kind.endsWith('List') || !isArray(obj.items)) return [obj];
  return obj.items.filter(isObject).flatMap(expandList);
}

function readOne(input: RbacInput, set: RbacSet): void {
  const obj = input.object;
  if (!isRbacObject(obj)) return;
  const kind = obj.kind as string;
  const meta = isObject(obj.metadata) ? obj.metadata : {};
  const name = str(meta.name);
  const namespace = kind === 'Role' || kind === 'RoleBinding' ? str(meta.namespace) || 'default' : '';
  const where = { kind, name, namespace };
  const problem = (code: RbacProblem['code'], message: string): void => {
    set.problems.push({ code, message, object: where, ...(input.origin ? { origin: input.origin } : {}) });
  };
  if (name === '') return problem('ACCESS_INVALID_OBJECT', `${kind} without metadata.name`);
  const common = { name, namespace, builtIn: input.builtIn === true, ...(input.origin ? { origin: input.origin } : {}) };
  if (ROLE_KINDS.has(kind)) {
    set.roles.push(readRole(obj, kind as RoleDef['kind'], meta, common));
    return;
  }
  const binding = readBinding(obj, kind as BindingDef['kind'], common, problem);
  if (binding) set.bindings.push(binding);
}

function readBinding(obj: JsonObject, kind: BindingDef['kind'], common: Pick<BindingDef, 'name' | 'namespace' | 'builtIn' | 'origin'>, problem: (code: RbacProblem['code'], message: string) => void): BindingDef | undefined {
  const roleRef = isObject(obj.roleRef) ? obj.roleRef : undefined;
  if (!roleRef || str(roleRef.name) === '' || !ROLE_KINDS.has(str(roleRef.kind))) {
    problem('ACCESS_INVALID_ROLEREF', `${kind} ${common.name} has no valid roleRef (kind Role or ClusterRole, and a name)`);
    return undefined;
  }
  const subjects = (isArray(obj.subjects) ? obj.subjects : []).filter(isObject).map(readSubject);
  for (const s of subjects) {
    if (!['User', 'Group', 'ServiceAccount'].includes(s.kind)) problem('ACCESS_UNKNOWN_SUBJECT_KIND', `${kind} ${common.name}: subject kind ${s.kind} never matches`);
  }
  return { kind, ...common, roleRef: { apiGroup: str(roleRef.apiGroup), kind: str(roleRef.kind), name: str(roleRef.name) }, subjects };
}

function readRole(obj: JsonObject, kind: RoleDef['kind'], meta: JsonObject, common: Pick<RoleDef, 'name' | 'namespace' | 'builtIn' | 'origin'>): RoleDef {
  const rules = (isArray(obj.rules) ? obj.rules : []).filter(isObject).map(readRule);
  const role: RoleDef = { kind, ...common, labels: stringMap(meta.labels), rules: rules.map((rule, index) => ({ rule, index })) };
  const aggregation = kind === 'ClusterRole' && isObject(obj.aggregationRule) ? obj.aggregationRule.clusterRoleSelectors : undefined;
  if (isArray(aggregation)) role.aggregation = aggregation.filter(isObject).map(readSelector);
  return role;
}

export function readRule(obj: JsonObject): PolicyRule {
  return {
    verbs: strings(obj.verbs),
    apiGroups: strings(obj.apiGroups),
    resources: strings(obj.resources),
    resourceNames: strings(obj.resourceNames),
    nonResourceURLs: strings(obj.nonResourceURLs),
  };
}

function readSubject(obj: JsonObject): Subject {
  const subject: Subject = { kind: str(obj.kind), name: str(obj.name) };
  if (typeof obj.namespace === 'string' && obj.namespace !== '') subject.namespace = obj.namespace;
  return subject;
}

function readSelector(obj: JsonObject): LabelSelector {
  const expressions = isArray(obj.matchExpressions) ? obj.matchExpressions.filter(isObject) : [];
  return {
    matchLabels: stringMap(obj.matchLabels),
    matchExpressions: expressions.map((e) => ({ key: str(e.key), operator: str(e.operator), values: strings(e.values) })),
  };
}

function reportMissingRoles(set: RbacSet): void {
  const known = new Set(set.roles.map((r) => roleKey(r.kind, r.namespace, r.name)));
  for (const b of set.bindings) {
    // A ClusterRoleBinding cannot reference a Role: it would look in namespace '' and find nothing.
    const ns = b.roleRef.kind === 'Role' ? b.namespace : '';
    if (b.roleRef.kind === 'Role' && b.kind === 'ClusterRoleBinding') {
      set.problems.push(problemOf(b, 'ACCESS_INVALID_ROLEREF', `ClusterRoleBinding ${b.name} references Role ${b.roleRef.name}; a ClusterRoleBinding can only grant a ClusterRole`));
    } else if (b.roleRef.apiGroup !== RBAC_GROUP) {
      set.problems.push(problemOf(b, 'ACCESS_INVALID_ROLEREF', `${b.kind} ${b.name}: roleRef.apiGroup must be ${RBAC_GROUP}, not "${b.roleRef.apiGroup}"; it grants nothing`));
    } else if (!known.has(roleKey(b.roleRef.kind, ns, b.roleRef.name))) {
      const where = b.roleRef.kind === 'Role' ? ` in namespace ${b.namespace}` : '';
      set.problems.push(problemOf(b, 'ACCESS_MISSING_ROLE', `${b.kind} ${b.namespace ? `${b.namespace}/` : ''}${b.name} references ${b.roleRef.kind} ${b.roleRef.name}, which does not exist${where}; it grants nothing`));
    }
  }
}

function problemOf(b: BindingDef, code: RbacProblem['code'], message: string): RbacProblem {
  return { code, message, object: { kind: b.kind, name: b.name, namespace: b.namespace }, ...(b.origin ? { origin: b.origin } : {}) };
}

/** `ClusterRole//admin`, `Role/team-a/deployer`. */
export function roleKey(kind: string, namespace: string, name: string): string {
  return `${kind}/${namespace}/${name}`;
}

function str(value: JsonValue | undefined): string {
  return typeof value === 'string' ? value : '';
}

function strings(value: JsonValue | undefined): string[] {
  return isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function stringMap(value: JsonValue | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObject(value)) return out;
  for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  return out;
}
