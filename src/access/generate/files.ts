import type { JsonObject } from '../../core/json.js';
import type { SourcePoint } from '../model.js';
import type { ClusterAccess } from './index.js';
import type { IrsaPatch } from './irsa.js';

/** One generated manifest file: a single `v1 List` document, so it reads as one YAML document like a kustomization. */
export interface AccessListFile {
  /** File name inside the cluster's access directory, e.g. `role-bindings.yaml`. */
  file: string;
  list: JsonObject;
  /** `items[i]` stands for `at[i]`. */
  at: SourcePoint[];
}

export function accessListFiles(access: ClusterAccess): AccessListFile[] {
  return access.files.map((f) => ({
    file: `${f.name}.yaml`,
    list: { apiVersion: 'v1', kind: 'List', items: f.manifests.map((m) => m.object) },
    at: f.manifests.map((m) => m.at),
  }));
}

/**
 * kustomize `patches` entries for the IRSA annotation of the service's own
 * ServiceAccount. Setting it is one strategic-merge patch. Removing it (null:
 * pod-identity mode) cannot be one: kustomize keeps a null annotation as the
 * string "null", and a JSON-patch `remove` fails when the key is absent. So the
 * key is first set, then removed — correct whether or not it was there.
 */
export function irsaPatchEntries(patch: IrsaPatch, annotation: string): JsonObject[] {
  const target = { kind: 'ServiceAccount', name: patch.serviceAccount };
  const value = patch.roleArn ?? 'removed';
  const set = [
    'apiVersion: v1',
    'kind: ServiceAccount',
    'metadata:',
    `  name: ${JSON.stringify(patch.serviceAccount)}`,
    '  annotations:',
    `    ${annotation}: ${JSON.stringify(value)}`,
  ].join('\n');
  if (patch.roleArn !== null) return [{ target, patch: set }];
  const pointer = `/metadata/annotations/${annotation.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  return [{ target, patch: set }, { target, patch: JSON.stringify([{ op: 'remove', path: pointer }]) }];
}
