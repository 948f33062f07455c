/**
 * How server-side apply treats each list of a built-in kind: associative lists
 * merge item by item on their keys, sets by value, atomic lists as a whole.
 * The table is keyed by field name and mirrors `x-kubernetes-list-type`,
 * `x-kubernetes-list-map-keys` and `x-kubernetes-patch-merge-key` of the
 * Kubernetes 1.26 OpenAPI. Where one field name has several meanings
 * (`ports` of a Service vs a container, `addresses`), the first key present
 * in the items decides. Lists of custom resources are atomic (the CRD schema's
 * own list types are not read).
 */

export type ListType = { type: 'map'; keys: readonly string[] } | { type: 'set' } | { type: 'atomic' };

const MAP_KEYS: Readonly<Record<string, ReadonlyArray<readonly string[]>>> = {
  addresses: [['type']],
  claims: [['name']],
  conditions: [['type']],
  containers: [['name']],
  drivers: [['name']],
  env: [['name']],
  ephemeralContainers: [['name']],
  hostAliases: [['ip']],
  imagePullSecrets: [['name']],
  initContainers: [['name']],
  items: [['name']],
  ownerReferences: [['uid']],
  podIPs: [['ip']],
  ports: [
    ['containerPort', 'protocol'],
    ['port', 'protocol'],
  ],
  resourceClaims: [['name']],
  schedulingGates: [['name']],
  secrets: [['name']],
  topologySpreadConstraints: [['topologyKey', 'whenUnsatisfiable']],
  volumeDevices: [['devicePath']],
  volumeMounts: [['mountPath']],
  volumes: [['name']],
  webhooks: [['name']],
};

const SET_FIELDS = new Set(['finalizers', 'addresses', 'apiGroups', 'failed', 'namespaces', 'nonResourceURLs', 'resources', 'succeeded', 'values', 'verbs', 'volumeLifecycleModes']);

const ATOMIC: ListType = { type: 'atomic' };
const SET: ListType = { type: 'set' };

/** The list type of field `name` holding `items`; `builtin` is false for custom resources. */
export function listTypeOf(name: string, items: readonly unknown[], builtin: boolean): ListType {
  if (!builtin) return name === 'finalizers' ? SET : ATOMIC;
  const first = items[0];
  if (first !== null && typeof first === 'object' && !Array.isArray(first)) {
    for (const keys of MAP_KEYS[name] ?? []) if (keys[0]! in first) return { type: 'map', keys };
    return ATOMIC;
  }
  if (first === undefined) return MAP_KEYS[name] ? { type: 'map', keys: MAP_KEYS[name]![0]! } : SET_FIELDS.has(name) ? SET : ATOMIC;
  return SET_FIELDS.has(name) ? SET : ATOMIC;
}

/** Defaults the API server fills before merging, needed to compute item keys of objects that leave them out. */
const KEY_DEFAULTS: Readonly<Record<string, unknown>> = { protocol: 'TCP' };

/** The key object of an associative-list item, e.g. `{"containerPort":80,"protocol":"TCP"}`. */
export function itemKey(item: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const key: Record<string, unknown> = {};
  for (const k of keys) {
    const value = item[k] ?? KEY_DEFAULTS[k];
    if (value !== undefined) key[k] = value;
  }
  return key;
}

/** Built-in API groups: core, unqualified (`apps`, `batch`, …) and `*.k8s.io`; custom resources live elsewhere. */
export function isBuiltinGroup(group: string): boolean {
  return !group.includes('.') || group.endsWith('.k8s.io');
}
