/**
 * Kubernetes versions as the CEL environment sees them: only major.minor
 * matters, because libraries are introduced per minor release.
 */
export interface KubeVersion {
  major: number;
  minor: number;
}

/** The newest version whose CEL environment this project models. */
export const NEWEST_MODELLED_VERSION: KubeVersion = { major: 1, minor: 34 };

const VERSION = /^v?(\d+)\.(\d+)(?:\.\d+)?(?:[-+].*)?$/;

/** `1.30`, `v1.30.2`, `1.30.0-rc.1` → {1, 30}; undefined when it is not a version. */
export function parseKubeVersion(text: string): KubeVersion | undefined {
  const m = VERSION.exec(text.trim());
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]) };
}

/** The version to model for `text`: parsed, else the newest modelled one. */
export function kubeVersionOr(text: string | undefined): KubeVersion {
  return (text === undefined ? undefined : parseKubeVersion(text)) ?? NEWEST_MODELLED_VERSION;
}

export function compareKubeVersions(a: KubeVersion, b: KubeVersion): number {
  return a.major - b.major || a.minor - b.minor;
}

export function formatKubeVersion(v: KubeVersion): string {
  return `${v.major}.${v.minor}`;
}
