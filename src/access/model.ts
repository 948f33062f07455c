/**
 * The access model: what an estate says about teams and cloud identities, and
 * the conventions of the Kubernetes and EKS objects generated from it.
 *
 * Generation (src/access/generate/) writes these objects into each cluster's
 * render; evaluation, review and diff read them back as plain objects. Both
 * sides agree through this file only: names, labels, groups, usernames and the
 * shapes below. Everything here is pure data (no I/O, no estate types).
 *
 * Access generation is opt-in: it runs for an estate whose harbormaster.yaml
 * has `spec.access`. Without it, teams/ stays a reserved directory.
 */
import type { JsonObject } from '../core/json.js';

// ─── Levels ──────────────────────────────────────────────────────────────────

/**
 * What a team may do in the namespaces of the services it owns, from least to
 * most. Each level includes the one before (aggregation, see baseRoleName):
 * - view:   read the team's namespaces' objects, pod logs and events; no Secrets.
 * - deploy: view + patch/update Deployments, StatefulSets, DaemonSets, CronJobs,
 *           their `scale` subresource and HorizontalPodAutoscalers (new images,
 *           replica counts, `kubectl rollout restart|undo`). No pod create/delete.
 * - edit:   deploy + create/delete workloads, Pods, ConfigMaps, Services, PVCs,
 *           Ingresses, PDBs, HPAs; pods/exec and pods/portforward; Secrets
 *           write-only (create/update/patch/delete, never get/list/watch).
 * - admin:  edit + read Secrets, pods/attach, pods/ephemeralcontainers,
 *           ServiceAccounts, NetworkPolicies, Roles and RoleBindings — inside
 *           the team's namespaces only; never cluster-admin.
 */
export type AccessLevel = 'view' | 'deploy' | 'edit' | 'admin';

/** Ascending: a level grants everything the levels before it grant. */
export const ACCESS_LEVELS: readonly AccessLevel[] = ['view', 'deploy', 'edit', 'admin'];

// ─── Estate input (parsed and validated by the estate loader) ────────────────

/** A 1-based position in an estate file, so generated objects and findings point at what was written. */
export interface SourcePoint {
  file: string;
  line: number;
}

/** An on-call role that may act at a higher level until it expires. */
export interface BreakGlassSpec {
  /** IAM role ARN, possibly an SSO permission-set role with its aws-reserved path. */
  roleArn: string;
  level: AccessLevel;
  /** Last day it is valid, `YYYY-MM-DD` (UTC, inclusive). Expired entries are not generated. */
  expires: string;
  reason: string;
  at: SourcePoint;
}

/** One IAM role of a team (teams/<team>.yaml `spec.identities[]`, written as the ARN). */
export interface IdentitySpec {
  /** Role ARN as written (SSO roles with their `aws-reserved/sso.amazonaws.com/<region>/` path). */
  roleArn: string;
  at: SourcePoint;
}

/** teams/<team>.yaml (`kind: Team`, `apiVersion: harbormaster.dev/v1alpha1`) after validation. */
export interface TeamSpec {
  /** metadata.name, a DNS label; equals the file name without extension. */
  name: string;
  /** Absolute path of the team file. */
  file: string;
  description: string;
  /** The Kubernetes group every identity of the team is mapped to (RBAC subject, access-entry group). */
  kubernetesGroup: string;
  /** Services the team owns; each service.yaml's `owner` names this team. */
  services: string[];
  /** IAM roles of the team's people and automation (SSO permission sets, CI roles), in file order. */
  identities: IdentitySpec[];
  /** Environment name → level. Environments not listed get the estate's `defaultLevel`, or nothing. */
  access: Record<string, AccessLevel>;
  breakGlass: BreakGlassSpec[];
  at: SourcePoint;
}

export type WorkloadIdentityMode = 'irsa' | 'pod-identity';

/** service.yaml `spec.workloadIdentity`: the IAM role a service's pods run as. */
export interface WorkloadIdentity {
  roleArn: string;
  mode: WorkloadIdentityMode;
  /** ServiceAccount name in the service's namespace; defaults to the service name. */
  serviceAccount: string;
  /** Region or cluster name → role ARN, for data kept in a region; a cluster's entry wins over its region's. */
  overrides: Record<string, string>;
  at: SourcePoint;
}

/**
 * How EKS learns who is who:
 * - access-entries: ACK AccessEntry objects (cluster authentication mode API or API_AND_CONFIG_MAP);
 * - aws-auth: the legacy kube-system/aws-auth ConfigMap (CONFIG_MAP or API_AND_CONFIG_MAP);
 * - both: the two, for the migration window.
 */
export type EksMode = 'access-entries' | 'aws-auth' | 'both';

/** An estate-level break-glass role (harbormaster.yaml `spec.access.breakGlass[]`). */
export interface PlatformBreakGlassSpec {
  roleArn: string;
  expires: string;
  reason: string;
  /**
   * Map the role to `system:masters` in aws-auth (explicit opt-in; the review
   * flags it). Without it the role is bound to cluster-admin through
   * PLATFORM_ADMIN_GROUP. Access entries always use AmazonEKSClusterAdminPolicy.
   */
  systemMasters: boolean;
  at: SourcePoint;
}

/** harbormaster.yaml `spec.access` after validation. */
export interface AccessConfig {
  eks: {
    mode: EksMode;
    /** The AWS account of the clusters (12 digits). Identities in other accounts get a warning. */
    accountId: string;
    /** Namespace of the generated ACK objects (AccessEntry, PodIdentityAssociation); default kube-system. */
    namespace: string;
    /** Node instance roles, kept in aws-auth so nodes can still join (aws-auth modes only). */
    nodeRoles: string[];
  };
  /** Roles with cluster-wide admin (platform team). */
  platformAdmins: string[];
  breakGlass: PlatformBreakGlassSpec[];
  /** Level for a team in an environment its `access` does not list; absent: no access there. */
  defaultLevel?: AccessLevel;
  /** The UTC day (`YYYY-MM-DD`) expiries were judged against when the estate was loaded. */
  asOf: string;
  at: SourcePoint;
}

// ─── Conventions of generated objects ────────────────────────────────────────

export const LABEL_TEAM = 'harbormaster.dev/team';
export const LABEL_MANAGED_BY = 'app.kubernetes.io/managed-by';
export const MANAGED_BY = 'harbormaster';
/** On every generated object: which generator made it (`rbac`, `namespaces`, `access-entries`, `aws-auth`, `workload-identity`). */
export const LABEL_GENERATED_BY = 'harbormaster.dev/generated-by';

/**
 * Shared, aggregated ClusterRoles, one per level: `hm:team-base:<level>`.
 * Their `rules` are filled by the aggregation controller from every ClusterRole
 * labelled `aggregateLabel(l)=true` for l ≤ level. Harbormaster ships one rules
 * ClusterRole per level, `hm:team-rules:<level>` (labelled for its level); an
 * estate may add its own (e.g. for a CRD) by labelling a ClusterRole.
 * Evaluators of unapplied manifests must compute the union offline.
 */
export const baseRoleName = (level: AccessLevel): string => `hm:team-base:${level}`;
export const rulesRoleName = (level: AccessLevel): string => `hm:team-rules:${level}`;
export const aggregateLabel = (level: AccessLevel): string => `harbormaster.dev/aggregate-to-team-${level}`;

/**
 * Per team and namespace: RoleBinding `hm:team:<team>:<level>` in each namespace
 * of the team's services on that cluster, roleRef ClusterRole `hm:team-base:<level>`,
 * subject Group `team.kubernetesGroup`. Labels: LABEL_TEAM=<team>, managed-by.
 */
export const teamBindingName = (team: string, level: AccessLevel): string => `hm:team:${team}:${level}`;

/**
 * Break-glass of a team: RoleBinding `hm:team:<team>:break-glass:<level>` in each
 * team namespace, subject Group `breakGlassGroup(group, level)` — one group per
 * level, so two break-glass roles of one team never add up to more than each was given.
 */
export const breakGlassBindingName = (team: string, level: AccessLevel): string => `hm:team:${team}:break-glass:${level}`;
export const breakGlassGroup = (kubernetesGroup: string, level: AccessLevel): string => `${kubernetesGroup}:break-glass:${level}`;

/** Group of platform admins (and non-masters platform break-glass) in aws-auth, bound to cluster-admin. */
export const PLATFORM_ADMIN_GROUP = 'hm:platform-admins';
/** ClusterRoleBinding PLATFORM_ADMIN_GROUP → ClusterRole cluster-admin; generated only in aws-auth modes. */
export const PLATFORM_ADMIN_BINDING = 'hm:platform-admins';

/**
 * Usernames in aws-auth and access entries. Harbormaster never binds RBAC to
 * users, only to groups, so a caller-chosen session name cannot gain anything.
 */
export const teamUsername = (team: string): string => `hm:${team}:{{SessionName}}`;
export const breakGlassUsername = (team: string): string => `hm:${team}:break-glass:{{SessionName}}`;
export const PLATFORM_ADMIN_USERNAME = 'hm:platform-admin:{{SessionName}}';
export const PLATFORM_BREAK_GLASS_USERNAME = 'hm:platform-break-glass:{{SessionName}}';
/** Only ever in aws-auth, only for a platform break-glass entry with systemMasters: true. */
export const SYSTEM_MASTERS = 'system:masters';
export const NODE_USERNAME = 'system:node:{{EC2PrivateDNSName}}';
export const NODE_GROUPS: readonly string[] = ['system:bootstrappers', 'system:nodes'];

// ─── EKS identity objects ────────────────────────────────────────────────────

export const ACK_EKS_API_VERSION = 'eks.services.k8s.aws/v1alpha1';
export const EKS_POLICY_PREFIX = 'arn:aws:eks::aws:cluster-access-policy/';
export const CLUSTER_ADMIN_POLICY_ARN = `${EKS_POLICY_PREFIX}AmazonEKSClusterAdminPolicy`;

export interface AccessScope {
  type: 'cluster' | 'namespace';
  /** Only for type namespace. */
  namespaces?: string[];
}

export interface AccessPolicyAssociation {
  policyARN: string;
  accessScope: AccessScope;
}

/**
 * `kind: AccessEntry` (ACK). One per principal ARN (ARN kept with its path).
 * Named `hm-<team>-<role-name>`, `hm-<team>-break-glass-<role-name>`,
 * `hm-platform-<role-name>`, `hm-platform-break-glass-<role-name>` (lowercased,
 * DNS-safe, ≤ 63 characters with a hash when longer), in AccessConfig.eks.namespace.
 * Generated for a team only on clusters where it owns a service, and only for
 * identities with a level there (break-glass entries while not expired). Teams: kubernetesGroups [team group] (or the
 * break-glass group) and no access policies — RBAC does the fine-grained part.
 * Platform admins and platform break-glass: no groups, AmazonEKSClusterAdminPolicy, cluster scope.
 */
export interface AccessEntrySpec {
  clusterName: string;
  principalARN: string;
  type: 'STANDARD';
  username?: string;
  kubernetesGroups: string[];
  accessPolicies: AccessPolicyAssociation[];
}

/**
 * `kind: PodIdentityAssociation` (ACK), one per service with mode pod-identity,
 * named `<service>` in AccessConfig.eks.namespace. Nothing else is written into the cluster.
 */
export interface PodIdentityAssociationSpec {
  clusterName: string;
  namespace: string;
  serviceAccount: string;
  roleARN: string;
}

/**
 * IRSA: the service's ServiceAccount carries this annotation (set by a patch
 * in the service's generated kustomization; a ServiceAccount is generated,
 * labelled generated-by=service-accounts, when the service has none of that
 * name). In pod-identity mode the patch removes the annotation instead.
 */
export const IRSA_ANNOTATION = 'eks.amazonaws.com/role-arn';

/** The legacy ConfigMap: kube-system/aws-auth, `data.mapRoles` a YAML string of MapRole entries. */
export const AWS_AUTH_NAMESPACE = 'kube-system';
export const AWS_AUTH_NAME = 'aws-auth';

/**
 * One `mapRoles` entry. `rolearn` is WITHOUT the role path (aws-iam-authenticator
 * requires it): `arn:aws:iam::A:role/aws-reserved/sso.amazonaws.com/R/AWSReservedSSO_X_h`
 * becomes `arn:aws:iam::A:role/AWSReservedSSO_X_h`. Groups never include
 * `system:masters`, except a platform break-glass entry with systemMasters: true.
 */
export interface MapRole {
  rolearn: string;
  username: string;
  groups: string[];
}

/** A generated manifest: a plain Kubernetes object (apiVersion, kind, metadata, …). */
export type GeneratedObject = JsonObject;

/**
 * Where they appear: each cluster's render (so `RenderedCluster.resources`,
 * verify and deploy) holds the generated objects, from the composition's
 * `.harbormaster/clusters/<cluster>/access/<generator>.yaml` (one `v1 List`
 * per generator: namespaces, cluster-roles, role-bindings, service-accounts,
 * access-entries, pod-identity, aws-auth). Select them by LABEL_GENERATED_BY.
 * Pure generation for one cluster: `generateClusterAccess` in ./generate/index.ts.
 */
export const GENERATED_DIR_NAME = 'access';
