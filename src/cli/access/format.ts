/**
 * Text shared by the access subcommands: paths (binding → role → rule),
 * rules as kubectl prints them, estate locations relative to the working
 * directory, aligned columns, and folding clusters whose answers are equal.
 */
import { posix } from 'node:path';
import type { SourceRef } from '../../core/resource.js';
import type { GrantPath, PolicyRule } from '../../access/evaluate/types.js';

/** `get,list deployments.apps [web]` or `get /healthz*`. */
export function ruleText(rule: PolicyRule): string {
  const verbs = rule.verbs.join(',');
  if (rule.nonResourceURLs.length > 0) return `${verbs} ${rule.nonResourceURLs.join(',')}`;
  const targets: string[] = [];
  for (const group of rule.apiGroups) for (const resource of rule.resources) targets.push(resourceText(group, resource));
  const names = rule.resourceNames.length > 0 ? ` [${rule.resourceNames.join(',')}]` : '';
  return `${verbs} ${targets.join(',')}${names}`;
}

/** `deployments.apps/scale`, `pods`, `*.*` — kubectl's `resource.group[/sub]`. */
export function resourceText(group: string, resource: string): string {
  if (group === '') return resource;
  const slash = resource.indexOf('/');
  return slash < 0 ? `${resource}.${group}` : `${resource.slice(0, slash)}.${group}${resource.slice(slash)}`;
}

/** Text cut to `max` characters with an ellipsis. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** `RoleBinding auth/x → ClusterRole edit → rule 3 (from system:aggregate-to-edit): create pods/exec`. */
export function pathText(path: GrantPath, maxRule = Infinity): string {
  const b = path.binding;
  const r = path.role;
  const from = path.rule.aggregatedFrom ? ` (from ${path.rule.aggregatedFrom})` : '';
  return `${b.kind} ${b.namespace ? `${b.namespace}/` : ''}${b.name} → ${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name} → rule ${path.rule.index + 1}${from}: ${clip(ruleText(path.rule.rule), maxRule)}`;
}

export function scopeText(scope: string): string {
  return scope === '' ? 'cluster-wide' : scope;
}

export function originText(origin: SourceRef | undefined, cwd: string): string {
  if (!origin) return '';
  const file = origin.file.startsWith('/') ? posix.relative(cwd, origin.file) || origin.file : origin.file;
  return origin.line ? `${file}:${origin.line}` : file;
}

/** Left-aligned columns separated by two spaces; the last column is not padded. */
export function columns(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '';
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n') + '\n';
}

/**
 * Clusters grouped by an equal rendering (in first-seen order), so a fleet
 * of ten identical clusters prints one answer, headed by their names.
 */
export function foldByText<T>(items: readonly T[], clusterOf: (item: T) => string, text: (item: T) => string): { clusters: string[]; text: string }[] {
  const groups = new Map<string, string[]>();
  for (const item of items) {
    const t = text(item);
    const list = groups.get(t);
    if (list) list.push(clusterOf(item));
    else groups.set(t, [clusterOf(item)]);
  }
  return [...groups.entries()].map(([t, clusters]) => ({ clusters, text: t }));
}

export function clusterHeading(clusters: readonly string[], total: number): string {
  if (clusters.length === 1) return `cluster ${clusters[0]}`;
  if (clusters.length === total && total > 1) return `all ${total} clusters (${clusters.join(', ')})`;
  return `${clusters.length} clusters (${clusters.join(', ')})`;
}
