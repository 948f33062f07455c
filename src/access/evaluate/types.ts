/**
 * The RBAC model the evaluator works on: Roles, ClusterRoles and their
 * bindings read from plain Kubernetes objects (rendered or live), plus the
 * shapes of a request and of the answer ("which binding, role and rule").
 */
import type { SourceRef } from '../../core/resource.js';

/** rbac.authorization.k8s.io/v1 PolicyRule; absent lists are empty. */
export interface PolicyRule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

export type SubjectKind = 'User' | 'Group' | 'ServiceAccount';

export interface Subject {
  /** Unknown kinds are kept (they never match) so they can be reported. */
  kind: SubjectKind | string;
  name: string;
  /** ServiceAccounts only; empty in a RoleBinding means the binding's namespace. */
  namespace?: string;
}

export interface RoleRef {
  apiGroup: string;
  kind: string;
  name: string;
}

/** `{matchLabels, matchExpressions}` of a ClusterRole aggregation selector. */
export interface LabelSelector {
  matchLabels: Record<string, string>;
  matchExpressions: { key: string; operator: string; values: string[] }[];
}

/** One rule as the evaluator keeps it: where it came from when aggregated. */
export interface RoleRule {
  rule: PolicyRule;
  /** 0-based position in the role's (effective) rules. */
  index: number;
  /** The ClusterRole the rule was aggregated from, when the role aggregates. */
  aggregatedFrom?: string;
}

export type RoleKind = 'Role' | 'ClusterRole';
export type BindingKind = 'RoleBinding' | 'ClusterRoleBinding';

export interface RoleDef {
  kind: RoleKind;
  name: string;
  /** '' for a ClusterRole. */
  namespace: string;
  labels: Record<string, string>;
  /** Effective rules: a ClusterRole with an aggregationRule holds the union of the roles it selects. */
  rules: RoleRule[];
  aggregation?: LabelSelector[];
  origin?: SourceRef;
  /** Part of every cluster (bootstrap policy), not of the estate. */
  builtIn: boolean;
}

export interface BindingDef {
  kind: BindingKind;
  name: string;
  /** '' for a ClusterRoleBinding. */
  namespace: string;
  roleRef: RoleRef;
  subjects: Subject[];
  origin?: SourceRef;
  builtIn: boolean;
}

/** The RBAC objects of one cluster, normalised. */
export interface RbacSet {
  roles: RoleDef[];
  bindings: BindingDef[];
  /** Objects that could not be read (malformed) and bindings whose role is missing. */
  problems: RbacProblem[];
}

export interface RbacProblem {
  code: 'ACCESS_MISSING_ROLE' | 'ACCESS_INVALID_OBJECT' | 'ACCESS_INVALID_ROLEREF' | 'ACCESS_UNKNOWN_SUBJECT_KIND';
  message: string;
  object: { kind: string; name: string; namespace: string };
  origin?: SourceRef;
}

/** A resource request, as the API server's authorizer sees it. */
export interface ResourceRequest {
  kind: 'resource';
  verb: string;
  apiGroup: string;
  resource: string;
  /** '' when none. */
  subresource: string;
  /** '' for create, list, watch and deletecollection without a field selector. */
  name: string;
  /**
   * The request's namespace: '' for a cluster-scoped resource or an
   * all-namespaces request (only ClusterRoleBindings apply). who-can accepts
   * `undefined` too: "in any namespace".
   */
  namespace?: string;
}

export interface NonResourceRequest {
  kind: 'nonResource';
  verb: string;
  path: string;
}

export type AccessRequest = ResourceRequest | NonResourceRequest;

/** The authenticated identity of a request. */
export interface UserInfo {
  name: string;
  groups: string[];
}

/** Why something is allowed: binding → role → rule, and where that holds. */
export interface GrantPath {
  binding: { kind: BindingKind; name: string; namespace: string; origin?: SourceRef; builtIn: boolean };
  /** The binding's subject entry that matched. */
  subject: Subject;
  role: { kind: RoleKind; name: string; namespace: string; origin?: SourceRef; builtIn: boolean };
  rule: RoleRule;
  /** Namespace the grant holds in; '' = every namespace and cluster-scoped objects. */
  scope: string;
}

/** can-i's answer. */
export interface Decision {
  allowed: boolean;
  /** The user is in `system:masters`: allowed before RBAC is consulted. */
  superuser: boolean;
  /** Every path that grants the request (empty when denied or superuser only). */
  paths: GrantPath[];
  /** When denied: what came close (a rule for another verb, a binding in another namespace, …). */
  hints: string[];
}

export interface SubjectGrants {
  subject: Subject;
  paths: GrantPath[];
}

/** who-can's answer. */
export interface WhoCanResult {
  /** Groups that bypass RBAC altogether (`system:masters`). */
  superuserGroups: string[];
  subjects: SubjectGrants[];
}

export const SUPERUSER_GROUP = 'system:masters';
export const RBAC_GROUP = 'rbac.authorization.k8s.io';
