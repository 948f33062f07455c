import type { Path } from './diff.js';

export type ConfigKind = 'ConfigMap' | 'Secret';

/**
 * Where a pod template names a ConfigMap or Secret. When only these change
 * (kustomize's hash-suffixed generator names), the workload changed only to
 * pick up new configuration: a config-only change.
 */
const POD_SPEC = String.raw`^spec(?:\.jobTemplate\.spec)?(?:\.template\.spec)?`;
const CONTAINERS = String.raw`\.(?:containers|initContainers|ephemeralContainers)\[\]`;

const REFERENCES: { suffix: string; kind: ConfigKind }[] = [
  { suffix: String.raw`${CONTAINERS}\.envFrom\[\]\.configMapRef\.name`, kind: 'ConfigMap' },
  { suffix: String.raw`${CONTAINERS}\.envFrom\[\]\.secretRef\.name`, kind: 'Secret' },
  { suffix: String.raw`${CONTAINERS}\.env\[\]\.valueFrom\.configMapKeyRef\.name`, kind: 'ConfigMap' },
  { suffix: String.raw`${CONTAINERS}\.env\[\]\.valueFrom\.secretKeyRef\.name`, kind: 'Secret' },
  { suffix: String.raw`\.volumes\[\]\.configMap\.name`, kind: 'ConfigMap' },
  { suffix: String.raw`\.volumes\[\]\.secret\.secretName`, kind: 'Secret' },
  { suffix: String.raw`\.volumes\[\]\.projected\.sources\[\]\.configMap\.name`, kind: 'ConfigMap' },
  { suffix: String.raw`\.volumes\[\]\.projected\.sources\[\]\.secret\.name`, kind: 'Secret' },
  { suffix: String.raw`\.imagePullSecrets\[\]\.name`, kind: 'Secret' },
];

const MATCHERS = REFERENCES.map((r) => ({ pattern: new RegExp(`${POD_SPEC}${r.suffix}$`), kind: r.kind }));

/** The kind a path of a pod-bearing object refers to, if it is a ConfigMap/Secret reference. */
export function referenceKind(path: Path): ConfigKind | undefined {
  const shape = path.map((seg) => (typeof seg === 'number' ? '[]' : seg)).join('.').replaceAll('.[]', '[]');
  return MATCHERS.find((m) => m.pattern.test(shape))?.kind;
}

export function isConfigKind(apiVersion: string, kind: string): kind is ConfigKind {
  return apiVersion === 'v1' && (kind === 'ConfigMap' || kind === 'Secret');
}

/** `auth-api-config-7g2h9k5b4d` → `auth-api-config`: the name a kustomize generator was given. */
export function generatorBaseName(name: string): string {
  return name.replace(/-[a-z0-9]{10}$/, '');
}
