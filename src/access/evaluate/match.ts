/**
 * Rule matching, exactly as Kubernetes' rbac/v1 evaluation helpers and the
 * RBAC authorizer's RuleAllows: no deny rules, `*` only where Kubernetes
 * accepts it, `*\/sub` for one subresource of any resource, a trailing `*`
 * on non-resource URLs as a prefix match.
 */
import type { AccessRequest, PolicyRule, ResourceRequest } from './types.js';

export const VERB_ALL = '*';
export const API_GROUP_ALL = '*';
export const RESOURCE_ALL = '*';
export const NON_RESOURCE_ALL = '*';

export function verbMatches(rule: PolicyRule, verb: string): boolean {
  return rule.verbs.some((v) => v === VERB_ALL || v === verb);
}

export function apiGroupMatches(rule: PolicyRule, group: string): boolean {
  return rule.apiGroups.some((g) => g === API_GROUP_ALL || g === group);
}

/**
 * `combined` is `resource` or `resource/subresource`. `*` matches every
 * resource and subresource; `*\/scale` matches the scale subresource of any
 * resource; `pods/*` is not a wildcard (it matches only a literal `pods/*`).
 */
export function resourceMatches(rule: PolicyRule, combined: string, subresource: string): boolean {
  for (const r of rule.resources) {
    if (r === RESOURCE_ALL || r === combined) return true;
    if (subresource === '') continue;
    if (r.length === subresource.length + 2 && r.startsWith('*/') && r.endsWith(subresource)) return true;
  }
  return false;
}

/** No resourceNames: any name (and requests without one). Otherwise the request must name one of them. */
export function resourceNameMatches(rule: PolicyRule, name: string): boolean {
  return rule.resourceNames.length === 0 || rule.resourceNames.includes(name);
}

/** `*`, exact, or a pattern ending in `*` whose prefix (all trailing stars removed) starts the path. */
export function nonResourceURLMatches(rule: PolicyRule, path: string): boolean {
  for (const url of rule.nonResourceURLs) {
    if (url === NON_RESOURCE_ALL || url === path) return true;
    if (url.endsWith('*') && path.startsWith(url.replace(/\*+$/, ''))) return true;
  }
  return false;
}

export function combinedResource(request: Pick<ResourceRequest, 'resource' | 'subresource'>): string {
  return request.subresource === '' ? request.resource : `${request.resource}/${request.subresource}`;
}

/** The authorizer's RuleAllows. */
export function ruleAllows(rule: PolicyRule, request: AccessRequest): boolean {
  if (request.kind === 'resource') {
    return (
      verbMatches(rule, request.verb) &&
      apiGroupMatches(rule, request.apiGroup) &&
      resourceMatches(rule, combinedResource(request), request.subresource) &&
      resourceNameMatches(rule, request.name)
    );
  }
  return verbMatches(rule, request.verb) && nonResourceURLMatches(rule, request.path);
}
