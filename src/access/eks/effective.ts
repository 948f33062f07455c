/**
 * One cluster's effective access: RBAC (with the built-in roles when the
 * objects are rendered, not live) united with EKS access policies, and the
 * IAM → Kubernetes identity mappings that decide who a caller is.
 */
import { withDefaults } from '../defaults/index.js';
import { RbacEvaluator } from '../evaluate/evaluator.js';
import type { RbacInput } from '../evaluate/read.js';
import { ResourceCatalog, type ApiResource } from '../evaluate/resources.js';
import type { AccessRequest, Decision, UserInfo, WhoCanResult } from '../evaluate/types.js';
import { policyGrants, whoCanByPolicy, type PolicyGrant } from './evaluate.js';
import { principalsByGroup, resolveIdentity, type Caller, type ResolvedIdentity } from './identity.js';
import { readIdentityMappings, type IdentityMapping, type IdentityMappings } from './mappings.js';

export interface ClusterAccessOptions {
  /** Add the built-in ClusterRoles and bindings (rendered configuration): true. A live cluster lists its own. */
  defaults?: boolean;
  /** Compute aggregated ClusterRoles (default true; a live cluster's controller has done it). */
  aggregate?: boolean;
  /** Resources beyond the built-in table and the inputs' CRDs (a live cluster's discovery). */
  resources?: readonly ApiResource[];
}

export interface EffectiveDecision {
  allowed: boolean;
  rbac: Decision;
  /** Access policies that allow it (only for callers resolved through an access entry). */
  policies: PolicyGrant[];
}

export interface EffectiveWhoCan {
  rbac: WhoCanResult;
  policies: PolicyGrant[];
  /** Kubernetes group → IAM mappings that put principals in it. */
  groupPrincipals: Map<string, IdentityMapping[]>;
}

export class ClusterAccess {
  readonly rbac: RbacEvaluator;
  readonly identities: IdentityMappings;
  readonly catalog: ResourceCatalog;

  constructor(
    readonly cluster: string,
    readonly inputs: readonly RbacInput[],
    options: ClusterAccessOptions = {},
  ) {
    const all = options.defaults === false ? [...inputs] : withDefaults(inputs);
    this.rbac = RbacEvaluator.fromObjects(all, { aggregate: options.aggregate !== false });
    this.identities = readIdentityMappings(inputs);
    this.catalog = ResourceCatalog.withCrds(
      inputs.map((i) => i.object),
      options.resources ?? [],
    );
  }

  /** A Kubernetes identity (`--as`/`--as-group`): RBAC only, as impersonation drops access policies. */
  canI(user: UserInfo, request: AccessRequest): EffectiveDecision {
    const rbac = this.rbac.canI(user, request);
    return { allowed: rbac.allowed, rbac, policies: [] };
  }

  /** An IAM principal: resolved through access entries / aws-auth, then RBAC ∪ its access policies. */
  canIAsPrincipal(caller: Caller, request: AccessRequest): { identity?: ResolvedIdentity; decision?: EffectiveDecision } {
    const identity = resolveIdentity(caller, this.identities.mappings);
    if (!identity) return {};
    const rbac = this.rbac.canI({ name: identity.username, groups: identity.groups }, request);
    const policies = policyGrants(identity.mapping, identity.policies, request);
    return { identity, decision: { allowed: rbac.allowed || policies.length > 0, rbac, policies } };
  }

  whoCan(request: AccessRequest): EffectiveWhoCan {
    return {
      rbac: this.rbac.whoCan(request),
      policies: whoCanByPolicy(this.identities.mappings, request),
      groupPrincipals: principalsByGroup(this.identities.mappings),
    };
  }
}
