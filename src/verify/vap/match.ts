/**
 * Does a policy (or binding) match a request? The apiserver's order:
 * namespaceSelector, objectSelector, excludeResourceRules, resourceRules.
 * Rules match on operation, group, version, plural resource (with the
 * wildcard and subresource forms), scope and resourceNames; with matchPolicy
 * Equivalent a rule also matches the same group and resource at another
 * version (the apiserver would convert the object to that version).
 */
import type { AdmissionRequest } from './request.js';
import { isEmptySelector, matchesSelector } from './selector.js';
import type { MatchResources, ResourceRule } from './types.js';

const has = (list: readonly string[], value: string) => list.includes('*') || list.includes(value);

function scopeMatches(rule: ResourceRule, req: AdmissionRequest): boolean {
  const isNamespaceKind = req.plural === 'namespaces' && req.group === '';
  switch (rule.scope) {
    case 'Namespaced':
      return !isNamespaceKind && req.namespaced;
    case 'Cluster':
      return isNamespaceKind || !req.namespaced;
    default:
      return true;
  }
}

function resourceMatches(patterns: readonly string[], req: AdmissionRequest): boolean {
  const full = req.subresource ? `${req.plural}/${req.subresource}` : req.plural;
  return patterns.some((p) => {
    if (p === '*/*' || p === full) return true;
    if (p === '*') return req.subresource === '';
    const [res, sub] = p.split('/', 2) as [string, string | undefined];
    if (sub === undefined || req.subresource === '') return false;
    return (res === '*' || res === req.plural) && (sub === '*' || sub === req.subresource);
  });
}

export function ruleMatches(rule: ResourceRule, req: AdmissionRequest, anyVersion = false): boolean {
  return (
    has(rule.operations, req.operation) &&
    has(rule.apiGroups, req.group) &&
    (anyVersion || has(rule.apiVersions, req.version)) &&
    resourceMatches(rule.resources, req) &&
    scopeMatches(rule, req) &&
    (rule.resourceNames.length === 0 || rule.resourceNames.includes(req.name))
  );
}

function rulesMatch(rules: readonly ResourceRule[], req: AdmissionRequest, policy: MatchResources['matchPolicy']): boolean {
  if (rules.some((rule) => ruleMatches(rule, req))) return true;
  return policy === 'Equivalent' && rules.some((rule) => ruleMatches(rule, req, true));
}

/** Labels used for the namespaceSelector: the namespace's, or for a Namespace object its own; undefined = cluster-scoped. */
export type NamespaceLabels = (req: AdmissionRequest) => Readonly<Record<string, string>> | undefined;

export function matchesResources(match: MatchResources, req: AdmissionRequest, namespaceLabels: NamespaceLabels): boolean {
  if (!isEmptySelector(match.namespaceSelector)) {
    const labels = namespaceLabels(req);
    if (labels !== undefined && !matchesSelector(match.namespaceSelector, labels)) return false;
  }
  if (!matchesSelector(match.objectSelector, req.labels)) return false;
  if (rulesMatch(match.excludeResourceRules, req, match.matchPolicy)) return false;
  if (match.resourceRules.length === 0) return true;
  return rulesMatch(match.resourceRules, req, match.matchPolicy);
}
