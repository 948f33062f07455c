/**
 * Lookup tables over an RBAC set, built once per cluster so a query touches
 * only what can match: rules by (apiGroup, resource) token (wildcards are
 * tokens too), bindings by the role they reference, bindings by subject.
 * What every answer repeats (subject keys, path descriptors) is computed here
 * once, not per query.
 */
import { roleKey } from './read.js';
import { resolvedSubject, subjectKey } from './subjects.js';
import type { BindingDef, GrantPath, RbacSet, RoleDef, RoleRule, Subject } from './types.js';

export interface RoleEntry {
  role: RoleDef;
  key: string;
  descriptor: GrantPath['role'];
}

export interface RuleRef {
  role: RoleEntry;
  rule: RoleRule;
}

export interface SubjectSlot {
  /** As written in the binding. */
  subject: Subject;
  /** ServiceAccount namespace filled in from the binding. */
  resolved: Subject;
  key: string;
}

export interface BindingEntry {
  binding: BindingDef;
  descriptor: GrantPath['binding'];
  /** Subjects of a kind RBAC knows (User, Group, ServiceAccount). */
  subjects: SubjectSlot[];
  /** ClusterRoleBindings first, then namespace and name: the order paths are listed in. */
  order: string;
}

export interface SubjectEntry {
  binding: BindingEntry;
  subject: SubjectSlot;
}

export interface RbacTables {
  roles: Map<string, RoleEntry>;
  /** By the key of the role a binding resolves to (a Role in the binding's namespace, or a ClusterRole). */
  bindingsByRole: Map<string, BindingEntry[]>;
  /** By `subjectKey` (ServiceAccount namespaces resolved against the binding). */
  bindingsBySubject: Map<string, SubjectEntry[]>;
  /** By `apiGroup \0 resource` exactly as written in rules (`*` and `*\/sub` included). */
  resourceRules: Map<string, RuleRef[]>;
  nonResourceRules: RuleRef[];
}

const KNOWN_KINDS = new Set(['User', 'Group', 'ServiceAccount']);

export function resourceToken(apiGroup: string, resource: string): string {
  return `${apiGroup}\u0000${resource}`;
}

/** The role a binding grants, by key: a RoleBinding's Role lives in the binding's namespace. */
export function boundRoleKey(binding: BindingDef): string {
  return binding.roleRef.kind === 'Role' ? roleKey('Role', binding.namespace, binding.roleRef.name) : roleKey('ClusterRole', '', binding.roleRef.name);
}

export function buildTables(set: RbacSet): RbacTables {
  const tables: RbacTables = { roles: new Map(), bindingsByRole: new Map(), bindingsBySubject: new Map(), resourceRules: new Map(), nonResourceRules: [] };
  for (const role of set.roles) {
    const entry = roleEntry(role);
    tables.roles.set(entry.key, entry);
    for (const rule of role.rules) indexRule(tables, { role: entry, rule });
  }
  for (const binding of set.bindings) {
    if (!bindingCanGrant(binding)) continue;
    const entry = bindingEntry(binding);
    push(tables.bindingsByRole, boundRoleKey(binding), entry);
    for (const slot of entry.subjects) push(tables.bindingsBySubject, slot.key, { binding: entry, subject: slot });
  }
  return tables;
}

/** A ClusterRoleBinding to a Role and a roleRef outside rbac.authorization.k8s.io grant nothing. */
export function bindingCanGrant(binding: BindingDef): boolean {
  if (binding.roleRef.apiGroup !== 'rbac.authorization.k8s.io') return false;
  return !(binding.kind === 'ClusterRoleBinding' && binding.roleRef.kind === 'Role');
}

export function roleEntry(role: RoleDef): RoleEntry {
  const descriptor: GrantPath['role'] = { kind: role.kind, name: role.name, namespace: role.namespace, builtIn: role.builtIn, ...(role.origin ? { origin: role.origin } : {}) };
  return { role, key: roleKey(role.kind, role.namespace, role.name), descriptor };
}

export function bindingEntry(binding: BindingDef): BindingEntry {
  const descriptor: GrantPath['binding'] = { kind: binding.kind, name: binding.name, namespace: binding.namespace, builtIn: binding.builtIn, ...(binding.origin ? { origin: binding.origin } : {}) };
  const subjects = binding.subjects
    .filter((s) => KNOWN_KINDS.has(s.kind))
    .map((subject) => ({ subject, resolved: resolvedSubject(subject, binding.namespace), key: subjectKey(subject, binding.namespace) }));
  const order = `${binding.kind === 'ClusterRoleBinding' ? 0 : 1}\u0000${binding.namespace}\u0000${binding.name}`;
  return { binding, descriptor, subjects, order };
}

function indexRule(tables: RbacTables, ref: RuleRef): void {
  const { rule } = ref.rule;
  if (rule.nonResourceURLs.length > 0) tables.nonResourceRules.push(ref);
  const tokens = new Set<string>();
  for (const group of rule.apiGroups) for (const resource of rule.resources) tokens.add(resourceToken(group, resource));
  for (const token of tokens) push(tables.resourceRules, token, ref);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
