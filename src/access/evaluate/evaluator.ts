/**
 * The RBAC evaluator: can-i (one identity, one request) and who-can (every
 * subject a request is granted to), over indexed tables. Semantics are the
 * API server's RBAC authorizer (VisitRulesFor + RuleAllows), plus the
 * `system:masters` group that is allowed before RBAC is consulted.
 */
import { denialHints } from './hints.js';
import { bindingEntry, boundRoleKey, buildTables, resourceToken, roleEntry, type BindingEntry, type RbacTables, type RoleEntry, type RuleRef, type SubjectSlot } from './index-build.js';
import { ruleAllows } from './match.js';
import { readRbac, type RbacInput } from './read.js';
import { appliesInNamespace, requestNamespace } from './scope.js';
import { parseServiceAccountUsername, subjectKey } from './subjects.js';
import { SUPERUSER_GROUP, type AccessRequest, type BindingDef, type Decision, type GrantPath, type RbacSet, type RoleDef, type RoleRule, type Subject, type SubjectGrants, type UserInfo, type WhoCanResult } from './types.js';

export class RbacEvaluator {
  readonly set: RbacSet;
  readonly tables: RbacTables;

  constructor(set: RbacSet) {
    this.set = set;
    this.tables = buildTables(set);
  }

  static fromObjects(inputs: readonly RbacInput[], options: { aggregate?: boolean } = {}): RbacEvaluator {
    return new RbacEvaluator(readRbac(inputs, options));
  }

  /** Is `user` allowed `request`? With every granting path, or hints when not. */
  canI(user: UserInfo, request: AccessRequest): Decision {
    const superuser = user.groups.includes(SUPERUSER_GROUP);
    const ns = requestNamespace(request) ?? '';
    const found: Found[] = [];
    for (const { binding, subject } of this.subjectEntries(user)) {
      if (!appliesInNamespace(binding.binding, ns)) continue;
      const role = this.tables.roles.get(boundRoleKey(binding.binding));
      if (!role) continue;
      for (const rule of role.role.rules) if (ruleAllows(rule.rule, request)) found.push({ binding, subject, role, rule });
    }
    const paths = toPaths(found);
    const allowed = superuser || paths.length > 0;
    return { allowed, superuser, paths, hints: allowed ? [] : denialHints(this, user, request) };
  }

  /** The decision alone, stopping at the first rule that allows (as the authorizer does). */
  allows(user: UserInfo, request: AccessRequest): boolean {
    if (user.groups.includes(SUPERUSER_GROUP)) return true;
    const ns = requestNamespace(request) ?? '';
    for (const { binding } of this.subjectEntries(user)) {
      if (!appliesInNamespace(binding.binding, ns)) continue;
      const role = this.tables.roles.get(boundRoleKey(binding.binding));
      if (role && role.role.rules.some((r) => ruleAllows(r.rule, request))) return true;
    }
    return false;
  }

  /**
   * Every subject the request is granted to, with the paths. A resource
   * request with `namespace` undefined asks "in any namespace": RoleBindings
   * of every namespace count, each path scoped to its namespace.
   */
  whoCan(request: AccessRequest): WhoCanResult {
    const bySubject = new Map<string, { subject: Subject; found: Found[] }>();
    const ns = requestNamespace(request);
    for (const [role, rules] of this.matchingRules(request)) {
      for (const binding of this.tables.bindingsByRole.get(role.key) ?? []) {
        if (ns !== undefined && !appliesInNamespace(binding.binding, ns)) continue;
        for (const subject of binding.subjects) {
          let entry = bySubject.get(subject.key);
          if (!entry) bySubject.set(subject.key, (entry = { subject: subject.resolved, found: [] }));
          for (const rule of rules) entry.found.push({ binding, subject, role, rule });
        }
      }
    }
    const subjects: SubjectGrants[] = [...bySubject.values()].map((e) => ({ subject: e.subject, paths: toPaths(e.found) }));
    subjects.sort((a, b) => compareSubjects(a.subject, b.subject));
    return { superuserGroups: [SUPERUSER_GROUP], subjects };
  }

  /** Every (binding, subject, role, rule) of the cluster: what review and diff walk. */
  *grants(): Generator<GrantPath> {
    for (const entries of this.tables.bindingsByRole.values()) {
      for (const binding of entries) {
        const role = this.tables.roles.get(boundRoleKey(binding.binding));
        if (!role) continue;
        for (const subject of binding.subjects) for (const rule of role.role.rules) yield pathOf({ binding, subject, role, rule });
      }
    }
  }

  /** The bindings that name this identity (by user, group or ServiceAccount), ClusterRoleBindings first. */
  bindingsOf(user: UserInfo): { binding: BindingDef; subject: Subject }[] {
    return this.subjectEntries(user).map((e) => ({ binding: e.binding.binding, subject: e.subject.subject }));
  }

  private subjectEntries(user: UserInfo): { binding: BindingEntry; subject: SubjectSlot }[] {
    const keys = [subjectKey({ kind: 'User', name: user.name }), ...user.groups.map((g) => subjectKey({ kind: 'Group', name: g }))];
    const sa = parseServiceAccountUsername(user.name);
    if (sa) keys.push(subjectKey({ kind: 'ServiceAccount', name: sa.name, namespace: sa.namespace }));
    const out = keys.flatMap((k) => this.tables.bindingsBySubject.get(k) ?? []);
    return out.sort((a, b) => (a.binding.order < b.binding.order ? -1 : a.binding.order > b.binding.order ? 1 : 0));
  }

  /** Roles with at least one rule allowing the request, and those rules (in rule order). */
  private matchingRules(request: AccessRequest): Map<RoleEntry, RoleRule[]> {
    const out = new Map<RoleEntry, RoleRule[]>();
    const seen = new Set<RuleRef>();
    const visit = (refs: readonly RuleRef[] | undefined): void => {
      for (const ref of refs ?? []) {
        if (seen.has(ref)) continue;
        seen.add(ref);
        if (!ruleAllows(ref.rule.rule, request)) continue;
        const list = out.get(ref.role);
        if (list) list.push(ref.rule);
        else out.set(ref.role, [ref.rule]);
      }
    };
    if (request.kind === 'nonResource') visit(this.tables.nonResourceRules);
    else {
      const combined = request.subresource === '' ? request.resource : `${request.resource}/${request.subresource}`;
      const groups = request.apiGroup === '*' ? ['*'] : [request.apiGroup, '*'];
      for (const group of groups) {
        visit(this.tables.resourceRules.get(resourceToken(group, '*')));
        visit(this.tables.resourceRules.get(resourceToken(group, combined)));
        if (request.subresource !== '') visit(this.tables.resourceRules.get(resourceToken(group, `*/${request.subresource}`)));
      }
    }
    for (const list of out.values()) list.sort((a, b) => a.index - b.index);
    return out;
  }
}

interface Found {
  binding: BindingEntry;
  subject: SubjectSlot;
  role: RoleEntry;
  rule: RoleRule;
}

function pathOf(f: Found): GrantPath {
  return { binding: f.binding.descriptor, subject: f.subject.resolved, role: f.role.descriptor, rule: f.rule, scope: f.binding.binding.kind === 'ClusterRoleBinding' ? '' : f.binding.binding.namespace };
}

function toPaths(found: Found[]): GrantPath[] {
  found.sort((a, b) => compareOrder(a.binding.order, a.role.role.name, a.rule.index, b.binding.order, b.role.role.name, b.rule.index));
  return found.map(pathOf);
}

function compareOrder(bindingA: string, roleA: string, ruleA: number, bindingB: string, roleB: string, ruleB: number): number {
  if (bindingA !== bindingB) return bindingA < bindingB ? -1 : 1;
  if (roleA !== roleB) return roleA < roleB ? -1 : 1;
  return ruleA - ruleB;
}

/** A path built from plain definitions (for evaluators without tables). */
export function grantPath(binding: BindingDef, subject: Subject, role: RoleDef, rule: RoleRule): GrantPath {
  const b = bindingEntry(binding);
  const slot = b.subjects.find((s) => s.subject === subject) ?? { subject, resolved: subject, key: '' };
  return pathOf({ binding: b, subject: slot, role: roleEntry(role), rule });
}

/** Cluster-wide grants first, then by namespace, binding, role and rule (the order can-i and who-can list paths in). */
export function sortPaths(paths: GrantPath[]): void {
  const order = (p: GrantPath): string => `${p.binding.kind === 'ClusterRoleBinding' ? 0 : 1}\u0000${p.binding.namespace}\u0000${p.binding.name}`;
  paths.sort((a, b) => compareOrder(order(a), a.role.name, a.rule.index, order(b), b.role.name, b.rule.index));
}

const KIND_ORDER: Record<string, number> = { Group: 0, User: 1, ServiceAccount: 2 };

export function compareSubjects(a: Subject, b: Subject): number {
  const k = (KIND_ORDER[a.kind] ?? 3) - (KIND_ORDER[b.kind] ?? 3);
  if (k !== 0) return k;
  const ka = `${a.namespace ?? ''}/${a.name}`;
  const kb = `${b.namespace ?? ''}/${b.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
