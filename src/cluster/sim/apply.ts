/**
 * Server-side apply (PATCH application/apply-patch+yaml): ownership,
 * conflicts, co-ownership and release of fields, following the rules of
 * structured-merge-diff as the API server reports them:
 * - applying a different value to a field another manager owns is a 409
 *   Conflict naming that manager, unless `force` takes the field over;
 * - applying the same value makes the caller a co-owner;
 * - fields the caller applied before and leaves out now are removed unless
 *   another manager owns them; a list item goes unless another manager owns
 *   the item itself (owning one of its fields through an Update is not
 *   enough), and the removed fields leave every manager's set;
 * - an apply that changes nothing keeps resourceVersion and generation.
 */
import type { KubeObject } from '../types.js';
import { mergeApplied, removeFields } from './apply-merge.js';
import { displayPath, isWithin, leafFields, SEP } from './field-paths.js';
import { isBuiltin, readManagers, writeManagers, type ManagerFields } from './managed-fields.js';
import { deepEqual, isObject, nowTimestamp, type JsonObject } from './object-utils.js';
import { ApiError, type StatusCause } from './status-errors.js';

export interface ApplyRequest {
  /** The stored object, or undefined when the apply creates it. */
  live: KubeObject | undefined;
  /** The applied configuration, already checked against the URL. */
  applied: KubeObject;
  manager: string;
  force: boolean;
}

/** The object to store (with its managedFields) for an apply; throws a 409 ApiError on conflicts. */
export function computeApply(request: ApplyRequest): KubeObject {
  const { live, manager } = request;
  const applied = withoutNulls(request.applied) as KubeObject;
  const builtin = isBuiltin(applied);
  const appliedFields = leafFields(applied, 'main', builtin);
  const mine: ManagerFields = { manager, operation: 'Apply', apiVersion: applied.apiVersion, time: nowTimestamp(), fields: new Set(appliedFields.keys()) };
  if (!live) return withManagers(applied, [mine]);

  const managers = readManagers(live.metadata.managedFields);
  const previous = managers.find(isApplyOf(manager));
  const others = managers.filter((m) => m !== previous);
  const conflicts = findConflicts(live, appliedFields, others, builtin);
  if (conflicts.length && !request.force) throw conflictError(conflicts);
  for (const { owner, path } of conflicts) owner.fields.delete(path);

  let merged = mergeApplied(live, applied, '', builtin) as JsonObject;
  merged.metadata = { ...live.metadata, ...mergeMetadata(live, applied, builtin) };
  const released = releasedFields(previous, mine, others);
  const owners = [mine, ...others];
  merged = removeFields(merged, released, (path) => owners.some((m) => m.fields.has(path)));
  forgetRemovedItems(others, released);
  if (previous) mine.time = sameFields(previous.fields, mine.fields) ? previous.time : mine.time;
  const next = previous ? managers.map((m) => (m === previous ? mine : m)) : [...managers, mine];
  return withManagers(merged as KubeObject, next);
}

/** A null in an apply configuration means "not set" (manifests often carry `creationTimestamp: null`). Copies only what changes. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(withoutNulls);
    return items.every((item, i) => item === value[i]) ? value : items;
  }
  if (!isObject(value)) return value;
  let out: JsonObject | undefined;
  for (const [key, child] of Object.entries(value)) {
    const cleaned = child === null ? undefined : withoutNulls(child);
    if (cleaned === child) continue;
    out ??= { ...value };
    if (cleaned === undefined) delete out[key];
    else out[key] = cleaned;
  }
  return out ?? value;
}

function isApplyOf(manager: string) {
  return (m: ManagerFields) => m.manager === manager && m.operation === 'Apply' && !m.subresource;
}

function mergeMetadata(live: KubeObject, applied: KubeObject, builtin: boolean): JsonObject {
  const out: JsonObject = {};
  for (const field of ['labels', 'annotations', 'ownerReferences', 'finalizers'] as const) {
    const value = (applied.metadata as unknown as JsonObject)[field];
    if (value !== undefined) out[field] = mergeApplied((live.metadata as unknown as JsonObject)[field], value, field, builtin);
  }
  return out;
}

interface Conflict {
  owner: ManagerFields;
  path: string;
}

function findConflicts(live: KubeObject, appliedFields: Map<string, unknown>, others: ManagerFields[], builtin: boolean): Conflict[] {
  const liveFields = leafFields(live, 'main', builtin);
  const conflicts: Conflict[] = [];
  for (const [path, value] of appliedFields) {
    if (isItemMarker(path)) continue;
    if (liveFields.has(path) && deepEqual(liveFields.get(path), value)) continue; // same value: co-ownership
    for (const owner of others) if (owner.fields.has(path)) conflicts.push({ owner, path });
  }
  return conflicts;
}

/**
 * Fields the manager applied last time and not now, that nobody else keeps
 * alive. A field is kept alive by anyone owning it or something under it; a
 * list item (its `.` marker) only by someone owning the item itself, as the
 * API server does: an Update that changed one field of an item does not keep
 * the item when its applier drops it.
 */
function releasedFields(previous: ManagerFields | undefined, mine: ManagerFields, others: ManagerFields[]): string[] {
  if (!previous) return [];
  const released: string[] = [];
  for (const path of previous.fields) {
    if (mine.fields.has(path)) continue;
    if (isItemMarker(path)) {
      const item = path.slice(0, -ITEM_MARKER.length);
      if (ownsWithin(mine.fields, item) || others.some((o) => o.fields.has(path))) continue;
    } else if (ownsWithin(mine.fields, path) || others.some((o) => ownsWithin(o.fields, path))) continue;
    released.push(path);
  }
  return released;
}

const ITEM_MARKER = `${SEP}.`;

function isItemMarker(path: string): boolean {
  return path.endsWith(ITEM_MARKER);
}

function ownsWithin(fields: Set<string>, base: string): boolean {
  for (const path of fields) if (isWithin(path, base)) return true;
  return false;
}

/** Removed items take every manager's fields inside them along (the API server drops removed fields from all sets). */
function forgetRemovedItems(managers: ManagerFields[], released: string[]): void {
  const items = released.filter(isItemMarker).map((path) => path.slice(0, -ITEM_MARKER.length));
  if (items.length === 0) return;
  for (const manager of managers) {
    for (const path of manager.fields) if (items.some((item) => isWithin(path, item))) manager.fields.delete(path);
  }
}

function sameFields(a: Set<string>, b: Set<string>): boolean {
  if (a.size !== b.size) return false;
  for (const path of a) if (!b.has(path)) return false;
  return true;
}

function withManagers(object: KubeObject, managers: ManagerFields[]): KubeObject {
  return { ...object, metadata: { ...object.metadata, managedFields: writeManagers(managers) } };
}

/** The API server's 409 for apply conflicts: one cause per field, naming the manager. */
function conflictError(conflicts: Conflict[]): ApiError {
  const causes: StatusCause[] = conflicts.map(({ owner, path }) => ({
    type: 'FieldManagerConflict',
    message: `conflict with "${owner.manager}"${owner.subresource ? ` with subresource "${owner.subresource}"` : ''} using ${owner.apiVersion ?? 'v1'}`,
    field: displayPath(path),
  }));
  const byManager = new Map<string, string[]>();
  for (const cause of causes) byManager.set(cause.message, [...(byManager.get(cause.message) ?? []), cause.field!]);
  const parts = [...byManager].map(([message, fields]) => (fields.length === 1 ? `${message}: ${fields[0]}` : `${message.replace(/^conflict/, 'conflicts')}:\n${fields.map((f) => `- ${f}`).join('\n')}`));
  const count = conflicts.length;
  return new ApiError('Conflict', `Apply failed with ${count} conflict${count === 1 ? '' : 's'}: ${parts.join('\n')}`, { causes });
}
