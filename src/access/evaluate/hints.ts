/**
 * Why a request is denied, in terms a reviewer can act on: which bindings
 * name the identity at all, rules that come close (another verb, named
 * objects only), grants that hold in other namespaces, bindings to roles
 * that do not exist.
 */
import type { RbacEvaluator } from './evaluator.js';
import { boundRoleKey } from './index-build.js';
import { apiGroupMatches, combinedResource, resourceMatches, ruleAllows, verbMatches } from './match.js';
import { appliesInNamespace } from './scope.js';
import type { AccessRequest, PolicyRule, ResourceRequest, UserInfo } from './types.js';

const MAX_HINTS = 6;

export function denialHints(evaluator: RbacEvaluator, user: UserInfo, request: AccessRequest): string[] {
  const hints: string[] = [];
  const named = evaluator.bindingsOf(user);
  if (named.length === 0) {
    hints.push(`no binding names User ${user.name}${user.groups.length ? ` or its groups (${user.groups.join(', ')})` : ''}`);
    return hints;
  }
  const namespace = request.kind === 'resource' ? (request.namespace ?? '') : '';
  const elsewhere = new Set<string>();
  for (const { binding } of named) {
    const role = evaluator.tables.roles.get(boundRoleKey(binding))?.role;
    const label = `${binding.kind} ${binding.namespace ? `${binding.namespace}/` : ''}${binding.name} → ${binding.roleRef.kind} ${binding.roleRef.name}`;
    if (!role) hints.push(`${label}: the role does not exist, so the binding grants nothing`);
    else if (role.rules.some((r) => ruleAllows(r.rule, request)) && !appliesInNamespace(binding, namespace)) elsewhere.add(binding.namespace);
    else if (request.kind === 'resource') hints.push(...nearMisses(label, role.rules.map((r) => r.rule), request));
  }
  if (elsewhere.size > 0) hints.unshift(elsewhereHint([...elsewhere].sort(), namespace));
  if (hints.length === 0) hints.push(`${named.length} binding${named.length > 1 ? 's name' : ' names'} this identity; none has a rule for ${describe(request)}`);
  return [...new Set(hints)].slice(0, MAX_HINTS);
}

function elsewhereHint(namespaces: readonly string[], namespace: string): string {
  const where = namespace === '' ? 'cluster-wide (a RoleBinding never grants cluster-wide or cluster-scoped access)' : `in namespace ${namespace}`;
  return `allowed in namespace${namespaces.length > 1 ? 's' : ''} ${namespaces.join(', ')} by RoleBinding, but not ${where}`;
}

/** Rules for the same resource that allow another verb, or only named objects. */
function nearMisses(label: string, rules: readonly PolicyRule[], request: ResourceRequest): string[] {
  const out: string[] = [];
  const target = combinedResource(request);
  for (const rule of rules) {
    if (!apiGroupMatches(rule, request.apiGroup) || !resourceMatches(rule, target, request.subresource)) continue;
    if (!verbMatches(rule, request.verb)) out.push(`${label} allows ${rule.verbs.join(',')} on ${target}, not ${request.verb}`);
    else if (rule.resourceNames.length > 0) out.push(`${label} allows ${request.verb} ${target} only for the names ${rule.resourceNames.join(', ')}${nameHint(request.verb, request.name)}`);
  }
  return out;
}

function nameHint(verb: string, name: string): string {
  if (name !== '') return ` (asked for ${name})`;
  if (verb === 'create' || verb === 'deletecollection') return ` (${verb} requests carry no name, so resourceNames can never allow them)`;
  if (verb === 'list' || verb === 'watch') return ` (${verb} carries a name only with the field selector metadata.name=NAME)`;
  return ' (the request names no object)';
}

export function describe(request: AccessRequest): string {
  if (request.kind === 'nonResource') return `${request.verb} ${request.path}`;
  const group = request.apiGroup === '' ? '' : `.${request.apiGroup}`;
  return `${request.verb} ${request.resource}${group}${request.subresource ? `/${request.subresource}` : ''}${request.name ? ` ${request.name}` : ''}`;
}
