import { objectKey, type KubeObject } from '../../cluster/types.js';
import type { ChangeCounts, StrategyName } from '../plan/types.js';
import { compare, objectHash, type ObjectHasher } from './canonical.js';
import { differences, formatPath } from './diff.js';
import { generatorBaseName, isConfigKind, referenceKind } from './references.js';

/**
 * What a deploy changes on each cluster, against the last-good manifests, and
 * whether it is config-only: then the estate's `config` strategy (a faster
 * path) applies instead of the full canary.
 */
export type ChangeAction = 'create' | 'update' | 'prune';

export interface ObjectChange {
  key: string;
  /** `Deployment auth/auth-api`, `ClusterRole view-all`. */
  label: string;
  action: ChangeAction;
  /** A ConfigMap/Secret, a workload whose only change is a renamed ConfigMap/Secret reference, or a replaced one pruned. */
  configOnly: boolean;
  /** The first differing field of an update. */
  field?: string;
}

export interface ClusterChange {
  cluster: string;
  /** False on a cluster's first deploy. */
  hasLastGood: boolean;
  counts: ChangeCounts;
  changes: ObjectChange[];
}

export interface Classification {
  strategy: StrategyName;
  /** One line: why this strategy. */
  reason: string;
  clusters: Map<string, ClusterChange>;
}

export function classifyChange(
  desired: ReadonlyMap<string, readonly KubeObject[]>,
  lastGood: ReadonlyMap<string, readonly KubeObject[]>,
  hashOf: ObjectHasher = objectHash,
): Classification {
  const clusters = new Map<string, ClusterChange>();
  for (const [cluster, objects] of desired) clusters.set(cluster, compareCluster(cluster, objects, lastGood.get(cluster), hashOf));
  const { strategy, reason } = decide([...clusters.values()]);
  return { strategy, reason, clusters };
}

/** Compares one cluster's desired manifests with its last-good ones (none: a first deploy, everything is created). */
export function compareCluster(cluster: string, desired: readonly KubeObject[], lastGood: readonly KubeObject[] | undefined, hashOf: ObjectHasher = objectHash): ClusterChange {
  const before = new Map((lastGood ?? []).map((o) => [objectKey(o), o]));
  const after = new Map(desired.map((o) => [objectKey(o), o]));
  const counts: ChangeCounts = { create: 0, update: 0, unchanged: 0, prune: 0 };
  const changes: ObjectChange[] = [];
  for (const [key, object] of after) {
    const old = before.get(key);
    if (!old) {
      counts.create++;
      changes.push({ key, label: labelOf(object), action: 'create', configOnly: isConfigKind(object.apiVersion, object.kind) });
    } else if (hashOf(old) === hashOf(object)) counts.unchanged++;
    else {
      counts.update++;
      changes.push(updateOf(key, old, object, after));
    }
  }
  for (const [key, object] of before) {
    if (after.has(key)) continue;
    counts.prune++;
    changes.push({ key, label: labelOf(object), action: 'prune', configOnly: false });
  }
  markReplacedConfig(changes, before, after);
  return { cluster, hasLastGood: lastGood !== undefined, counts, changes };
}

function updateOf(key: string, old: KubeObject, object: KubeObject, after: ReadonlyMap<string, KubeObject>): ObjectChange {
  const diffs = differences(old, object);
  const change: ObjectChange = { key, label: labelOf(object), action: 'update', configOnly: false, field: formatPath(diffs[0]?.path ?? []) };
  if (isConfigKind(object.apiVersion, object.kind)) change.configOnly = true;
  else change.configOnly = diffs.length > 0 && diffs.every((d) => isConfigRename(d.path, d.before, d.after, object, after));
  return change;
}

/** A reference that now names another ConfigMap/Secret which the desired manifests do hold. */
function isConfigRename(path: (string | number)[], before: unknown, after: unknown, object: KubeObject, desired: ReadonlyMap<string, KubeObject>): boolean {
  const kind = referenceKind(path);
  if (!kind || typeof before !== 'string' || typeof after !== 'string') return false;
  return desired.has(objectKey({ apiVersion: 'v1', kind, name: after, namespace: object.metadata.namespace }));
}

/** A pruned ConfigMap/Secret is config-only when a new one replaces it: same generator name, or a reference moved off it. */
function markReplacedConfig(changes: ObjectChange[], before: ReadonlyMap<string, KubeObject>, after: ReadonlyMap<string, KubeObject>): void {
  const created = changes.filter((c) => c.action === 'create' && c.configOnly).map((c) => after.get(c.key)!);
  for (const change of changes) {
    if (change.action !== 'prune') continue;
    const old = before.get(change.key)!;
    if (!isConfigKind(old.apiVersion, old.kind)) continue;
    const base = generatorBaseName(old.metadata.name);
    change.configOnly = created.some(
      (o) => o.kind === old.kind && o.metadata.namespace === old.metadata.namespace && generatorBaseName(o.metadata.name) === base,
    );
  }
}

function decide(clusters: ClusterChange[]): { strategy: StrategyName; reason: string } {
  const first = clusters.filter((c) => !c.hasLastGood).map((c) => c.cluster);
  if (first.length > 0) return { strategy: 'default', reason: `first deploy: no last-good manifests for ${names(first)}` };
  const changed = clusters.filter((c) => c.changes.length > 0);
  if (changed.length === 0) return { strategy: 'default', reason: `nothing changed: desired manifests equal the last-good ones in ${plural(clusters.length, 'cluster')}` };
  const other = changed.flatMap((c) => c.changes.filter((ch) => !ch.configOnly));
  if (other.length > 0) return { strategy: 'default', reason: defaultReason(other) };
  const all = changed.flatMap((c) => c.changes);
  // A generated ConfigMap gets a new name per content (and per cluster): count it once, by the name it was given.
  const config = new Set(all.filter((ch) => ch.action !== 'prune' && !isWorkload(ch)).map((ch) => generatorBaseName(ch.key)));
  const renamed = new Set(all.filter(isWorkload).map((ch) => ch.key));
  const refs = renamed.size > 0 ? ` (${plural(renamed.size, 'object')} only ${renamed.size === 1 ? 'follows' : 'follow'} a rename)` : '';
  return { strategy: 'config', reason: `only ConfigMaps/Secrets changed: ${plural(config.size, 'object')} in ${plural(changed.length, 'cluster')}${refs}` };
}

/** Names the object that changed in the most clusters. */
function defaultReason(other: ObjectChange[]): string {
  const byKey = new Map<string, ObjectChange[]>();
  for (const change of other) byKey.set(`${change.action} ${change.key}`, [...(byKey.get(`${change.action} ${change.key}`) ?? []), change]);
  // Most clusters first; then an update over a create over a prune, as the likelier cause.
  const rank = (changes: ObjectChange[]): number => ['update', 'create', 'prune'].indexOf(changes[0]!.action);
  const [top, ...rest] = [...byKey.entries()].sort(([a, x], [b, y]) => y.length - x.length || rank(x) - rank(y) || compare(a, b));
  const [, changes] = top!;
  const c = changes[0]!;
  const verb = c.action === 'create' ? 'created' : c.action === 'prune' ? 'pruned' : 'changed';
  const field = c.field ? ` (${c.field})` : '';
  const more = rest.length > 0 ? ` and ${plural(rest.length, 'more object')}` : '';
  return `${c.label} ${verb} in ${plural(changes.length, 'cluster')}${field}${more}`;
}

function isWorkload(change: ObjectChange): boolean {
  return change.action === 'update' && !/^\/(ConfigMap|Secret)\//.test(change.key);
}

export function labelOf(object: KubeObject): string {
  const ns = object.metadata.namespace;
  return `${object.kind} ${ns ? `${ns}/` : ''}${object.metadata.name}`;
}

function names(list: string[]): string {
  return list.length <= 3 ? list.join(', ') : `${list.length} clusters`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
