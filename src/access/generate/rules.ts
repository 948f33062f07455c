import type { JsonObject } from '../../core/json.js';
import type { AccessLevel } from '../model.js';

/**
 * The rules each level adds to the one below, inside a team's namespaces
 * (the roles are only ever bound by RoleBindings, so nothing here reaches
 * cluster-scoped objects). Least privilege, level by level:
 *
 * - view reads what a team needs to follow its services, never Secrets.
 * - deploy changes images and replica counts: patch/update of the workload
 *   controllers, their scale subresource, CronJobs and HPAs. `kubectl rollout
 *   restart` and `undo` are patches. It does not create or delete Pods: a
 *   restart goes through the controller, and `create pods` would let a holder
 *   run a pod as any ServiceAccount of the namespace. (Patching a Deployment's
 *   template can still change its ServiceAccount; that is inherent to deploying.)
 * - edit adds creating and deleting workloads and their configuration, Pods
 *   (for one-off debugging), exec and port-forward, and writing Secrets
 *   without reading them (values come from the secret store, not from people).
 * - admin adds reading Secrets, attach and ephemeral containers, ServiceAccounts,
 *   NetworkPolicies and namespace RBAC. No escalate, bind or impersonate: the
 *   API server then only lets admins grant what they hold themselves.
 */
type Rule = [apiGroup: string, resources: string[], verbs: string[]];

const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'update', 'patch', 'delete'];
const CHANGE = ['patch', 'update'];

const VIEW: Rule[] = [
  ['', ['configmaps', 'endpoints', 'events', 'limitranges', 'persistentvolumeclaims', 'pods', 'pods/log', 'pods/status', 'replicationcontrollers', 'resourcequotas', 'serviceaccounts', 'services'], READ],
  ['apps', ['controllerrevisions', 'daemonsets', 'deployments', 'deployments/scale', 'replicasets', 'statefulsets', 'statefulsets/scale'], READ],
  ['autoscaling', ['horizontalpodautoscalers'], READ],
  ['batch', ['cronjobs', 'jobs'], READ],
  ['policy', ['poddisruptionbudgets'], READ],
  ['networking.k8s.io', ['ingresses', 'networkpolicies'], READ],
  ['discovery.k8s.io', ['endpointslices'], READ],
  ['events.k8s.io', ['events'], READ],
  ['metrics.k8s.io', ['pods'], ['get', 'list']],
];

const DEPLOY: Rule[] = [
  ['apps', ['daemonsets', 'deployments', 'statefulsets'], CHANGE],
  ['apps', ['deployments/scale', 'statefulsets/scale'], CHANGE],
  ['autoscaling', ['horizontalpodautoscalers'], CHANGE],
  ['batch', ['cronjobs'], CHANGE],
];

const EDIT: Rule[] = [
  ['', ['configmaps', 'persistentvolumeclaims', 'services'], WRITE],
  ['', ['pods'], ['create', 'delete']],
  ['', ['pods/eviction', 'pods/exec', 'pods/portforward'], ['create']],
  ['', ['secrets'], WRITE],
  ['apps', ['daemonsets', 'deployments', 'replicasets', 'statefulsets'], ['create', 'delete']],
  ['autoscaling', ['horizontalpodautoscalers'], ['create', 'delete']],
  ['batch', ['cronjobs', 'jobs'], WRITE],
  ['policy', ['poddisruptionbudgets'], WRITE],
  ['networking.k8s.io', ['ingresses'], WRITE],
];

const ADMIN: Rule[] = [
  ['', ['secrets'], READ],
  ['', ['pods/attach'], ['create']],
  ['', ['pods/ephemeralcontainers'], CHANGE],
  ['', ['serviceaccounts'], WRITE],
  ['networking.k8s.io', ['networkpolicies'], WRITE],
  ['rbac.authorization.k8s.io', ['rolebindings', 'roles'], [...READ, ...WRITE]],
];

const BY_LEVEL: Record<AccessLevel, Rule[]> = { view: VIEW, deploy: DEPLOY, edit: EDIT, admin: ADMIN };

/** The PolicyRules a level adds to the levels below it. */
export function rulesAddedBy(level: AccessLevel): JsonObject[] {
  return BY_LEVEL[level].map(([group, resources, verbs]) => ({ apiGroups: [group], resources: [...resources], verbs: [...verbs] }));
}
