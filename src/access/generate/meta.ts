import type { JsonObject } from '../../core/json.js';
import { LABEL_GENERATED_BY, LABEL_MANAGED_BY, LABEL_TEAM, MANAGED_BY } from '../model.js';

export const RBAC_API_VERSION = 'rbac.authorization.k8s.io/v1';
export const RBAC_GROUP = 'rbac.authorization.k8s.io';

export interface MetaOptions {
  generator: string;
  namespace?: string;
  team?: string;
  labels?: Record<string, string>;
}

/** metadata for a generated object: name, namespace, and the labels every generated object carries. */
export function meta(name: string, options: MetaOptions): JsonObject {
  const labels: JsonObject = { [LABEL_MANAGED_BY]: MANAGED_BY, [LABEL_GENERATED_BY]: options.generator, ...options.labels };
  if (options.team) labels[LABEL_TEAM] = options.team;
  const out: JsonObject = { name };
  if (options.namespace) out.namespace = options.namespace;
  out.labels = labels;
  return out;
}

export function groupSubject(name: string): JsonObject {
  return { apiGroup: RBAC_GROUP, kind: 'Group', name };
}

export function clusterRoleRef(name: string): JsonObject {
  return { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name };
}
