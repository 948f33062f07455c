/**
 * The straightforward evaluator: walk every binding for every question, as
 * the API server's VisitRulesFor and kubectl-who-can do (roles looked up by
 * name, as a lister would). Kept as the reference the indexed evaluator is
 * tested against, and as the benchmark's baseline.
 */
import { compareSubjects, grantPath, sortPaths } from './evaluator.js';
import { boundRoleKey, bindingCanGrant } from './index-build.js';
import { ruleAllows } from './match.js';
import { roleKey } from './read.js';
import { appliesInNamespace, requestNamespace } from './scope.js';
import { subjectAppliesTo, subjectKey, resolvedSubject } from './subjects.js';
import { SUPERUSER_GROUP, type AccessRequest, type RbacSet, type RoleDef, type SubjectGrants, type UserInfo, type WhoCanResult } from './types.js';

export class NaiveEvaluator {
  private readonly roles = new Map<string, RoleDef>();

  constructor(private readonly set: RbacSet) {
    for (const role of set.roles) this.roles.set(roleKey(role.kind, role.namespace, role.name), role);
  }

  canI(user: UserInfo, request: AccessRequest): boolean {
    if (user.groups.includes(SUPERUSER_GROUP)) return true;
    const ns = requestNamespace(request) ?? '';
    for (const binding of this.set.bindings) {
      if (!bindingCanGrant(binding) || !appliesInNamespace(binding, ns)) continue;
      if (!binding.subjects.some((s) => subjectAppliesTo(user, s, binding.namespace))) continue;
      const role = this.roles.get(boundRoleKey(binding));
      if (role?.rules.some((r) => ruleAllows(r.rule, request))) return true;
    }
    return false;
  }

  whoCan(request: AccessRequest): WhoCanResult {
    const ns = requestNamespace(request);
    const bySubject = new Map<string, SubjectGrants>();
    for (const binding of this.set.bindings) {
      if (!bindingCanGrant(binding) || (ns !== undefined && !appliesInNamespace(binding, ns))) continue;
      const role = this.roles.get(boundRoleKey(binding));
      if (!role) continue;
      const rules = role.rules.filter((r) => ruleAllows(r.rule, request));
      if (rules.length === 0) continue;
      for (const subject of binding.subjects) {
        if (!['User', 'Group', 'ServiceAccount'].includes(subject.kind)) continue;
        const key = subjectKey(subject, binding.namespace);
        let entry = bySubject.get(key);
        if (!entry) bySubject.set(key, (entry = { subject: resolvedSubject(subject, binding.namespace), paths: [] }));
        for (const rule of rules) entry.paths.push(grantPath(binding, subject, role, rule));
      }
    }
    for (const s of bySubject.values()) sortPaths(s.paths);
    const subjects = [...bySubject.values()].sort((a, b) => compareSubjects(a.subject, b.subject));
    return { superuserGroups: [SUPERUSER_GROUP], subjects };
  }
}
