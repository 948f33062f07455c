/**
 * metadata.managedFields: who owns which fields. Entries are stored in the
 * API server's own form (FieldsV1 trees) and read into path sets when a write
 * needs them. Update operations (PUT, non-apply PATCH, controller writes with
 * a manager) take the fields they changed away from everyone else and never
 * conflict; Apply operations are handled by apply.ts.
 */
import { groupOf, type KubeObject, type ManagedFieldsEntry } from '../types.js';
import { fromFieldsV1, leafFields, toFieldsV1, type FieldScope } from './field-paths.js';
import { isBuiltinGroup } from './list-types.js';
import { deepEqual, nowTimestamp } from './object-utils.js';

/** The contract's entry plus the subresource the API server records for status writers. */
export type SimManagedFieldsEntry = ManagedFieldsEntry & { subresource?: string };

/** One manager's ownership, as a path set. */
export interface ManagerFields {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion?: string;
  time?: string;
  subresource?: string;
  fields: Set<string>;
}

export function readManagers(entries: readonly ManagedFieldsEntry[] | undefined): ManagerFields[] {
  return (entries ?? []).map((e) => {
    const entry = e as SimManagedFieldsEntry;
    return { manager: entry.manager, operation: entry.operation, apiVersion: entry.apiVersion, time: entry.time, subresource: entry.subresource, fields: fromFieldsV1(entry.fieldsV1) };
  });
}

/** Back to managedFields, dropping managers that own nothing (as the API server does). */
export function writeManagers(managers: readonly ManagerFields[]): SimManagedFieldsEntry[] {
  return managers
    .filter((m) => m.fields.size > 0)
    .map((m) => {
      const entry: SimManagedFieldsEntry = { manager: m.manager, operation: m.operation };
      if (m.apiVersion) entry.apiVersion = m.apiVersion;
      if (m.time) entry.time = m.time;
      entry.fieldsType = 'FieldsV1';
      entry.fieldsV1 = toFieldsV1([...m.fields].sort());
      if (m.subresource) entry.subresource = m.subresource;
      return entry;
    });
}

export function isBuiltin(object: KubeObject): boolean {
  return isBuiltinGroup(groupOf(object.apiVersion));
}

/**
 * managedFields after an Update by `manager`: it gains every field whose value it
 * changed (or added); other managers lose those fields and any field it removed.
 */
export function recordUpdate(old: KubeObject | undefined, next: KubeObject, manager: string, subresource: 'status' | 'scale' | undefined): SimManagedFieldsEntry[] | undefined {
  const scope: FieldScope = subresource === 'status' ? 'status' : 'main';
  const builtin = isBuiltin(next);
  const after = leafFields(next, scope, builtin);
  const before = old ? leafFields(old, scope, builtin) : new Map<string, unknown>();
  const taken = new Set<string>();
  for (const [path, value] of after) {
    const itemMarker = path.endsWith('\u0000.');
    if (!before.has(path) || (!itemMarker && !deepEqual(before.get(path), value))) taken.add(path);
  }
  const dropped = [...before.keys()].filter((path) => !after.has(path));
  if (taken.size === 0 && dropped.length === 0) return old?.metadata.managedFields;
  const managers = readManagers(old?.metadata.managedFields);
  for (const m of managers) for (const path of [...taken, ...dropped]) m.fields.delete(path);
  let mine = managers.find((m) => m.manager === manager && m.operation === 'Update' && m.subresource === subresource);
  if (!mine) managers.push((mine = { manager, operation: 'Update', subresource, fields: new Set() }));
  for (const path of taken) mine.fields.add(path);
  mine.apiVersion = next.apiVersion;
  mine.time = nowTimestamp();
  return writeManagers(managers);
}

/** managedFields without timestamps: an apply that only refreshes `time` changed nothing. */
export function stripTimes(entries: readonly ManagedFieldsEntry[] | undefined): unknown {
  return entries?.map(({ time: _time, ...rest }) => rest);
}
