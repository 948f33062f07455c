/**
 * ClusterRole aggregation, computed offline. In a cluster the aggregation
 * controller overwrites an aggregating role's rules with the union of the
 * rules of every ClusterRole its selectors match (itself excluded, roles in
 * name order, duplicates dropped); chains (view → edit → admin) converge as
 * the controller re-runs. Here: the same union, iterated to a fixed point.
 */
import { matchesLabelSelector, type Requirement } from '../../render/label-selector.js';
import type { LabelSelector, PolicyRule, RoleDef, RoleRule } from './types.js';

export function aggregateClusterRoles(roles: RoleDef[]): void {
  const clusterRoles = roles.filter((r) => r.kind === 'ClusterRole').sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const aggregating = clusterRoles.filter((r) => r.aggregation !== undefined);
  if (aggregating.length === 0) return;
  const requirements = new Map(aggregating.map((r) => [r, r.aggregation!.map(toRequirements)]));
  for (const role of aggregating) role.rules = [];
  // Each pass can only add rules; a chain of n aggregating roles settles within n + 1 passes.
  for (let pass = 0; pass <= aggregating.length; pass++) {
    let changed = false;
    for (const role of aggregating) {
      const next = unionOfSelected(role, clusterRoles, requirements.get(role)!);
      if (next.length !== role.rules.length) changed = true;
      role.rules = next;
    }
    if (!changed) return;
  }
}

function unionOfSelected(role: RoleDef, clusterRoles: readonly RoleDef[], selectors: readonly (Requirement[] | undefined)[]): RoleRule[] {
  const out: RoleRule[] = [];
  const seen = new Set<string>();
  for (const selector of selectors) {
    if (!selector) continue;
    for (const other of clusterRoles) {
      if (other === role || !matchesLabelSelector(selector, other.labels)) continue;
      for (const r of other.rules) {
        const key = ruleKey(r.rule);
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ rule: r.rule, index: out.length, aggregatedFrom: r.aggregatedFrom ?? other.name });
      }
    }
  }
  return out;
}

const RULE_KEYS = new WeakMap<PolicyRule, string>();

/** Rules are equal when their fields are (the controller's ruleExists); the key is computed once per rule. */
function ruleKey(rule: PolicyRule): string {
  let key = RULE_KEYS.get(rule);
  if (key === undefined) RULE_KEYS.set(rule, (key = JSON.stringify(rule)));
  return key;
}

const OPERATORS: Record<string, Requirement['operator']> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' };

/** A structured selector as label requirements; undefined (matches nothing) for an unknown operator. */
export function toRequirements(selector: LabelSelector): Requirement[] | undefined {
  const out: Requirement[] = Object.entries(selector.matchLabels).map(([key, value]) => ({ key, operator: '=', values: [value] }));
  for (const e of selector.matchExpressions) {
    const operator = OPERATORS[e.operator];
    if (!operator) return undefined;
    out.push({ key: e.key, operator, values: e.values });
  }
  return out;
}
