/**
 * Pod Security levels and policy versions, and how a namespace's labels
 * resolve to the policy that is enforced on it, the way the apiserver's
 * PodSecurity admission resolves them.
 */
export type Level = 'privileged' | 'baseline' | 'restricted';

/** A policy version: a Kubernetes minor (`v1.N` → N) or `latest`. */
export type PolicyVersion = number | 'latest';

export interface PodSecurityPolicy {
  level: Level;
  version: PolicyVersion;
}

export const ENFORCE_LEVEL_LABEL = 'pod-security.kubernetes.io/enforce';
export const ENFORCE_VERSION_LABEL = 'pod-security.kubernetes.io/enforce-version';

/** The apiserver's built-in default when nothing else is configured. */
export const DEFAULT_POLICY: PodSecurityPolicy = { level: 'privileged', version: 'latest' };

const LEVELS: readonly Level[] = ['privileged', 'baseline', 'restricted'];
// Only major 1 exists; minors are decimal without leading zeros (v1.0, v1.27).
const VERSION_PATTERN = /^v1\.(0|[1-9][0-9]*)$/;

export function isLevel(value: string): value is Level {
  return (LEVELS as readonly string[]).includes(value);
}

/** `undefined` when the text is not a level. */
export function parseLevel(text: string): Level | undefined {
  return isLevel(text) ? text : undefined;
}

/** `latest` or `v1.N`; `undefined` when the text is neither. */
export function parseVersion(text: string): PolicyVersion | undefined {
  if (text === 'latest') return 'latest';
  const match = VERSION_PATTERN.exec(text);
  if (!match) return undefined;
  const minor = Number(match[1]);
  return Number.isSafeInteger(minor) ? minor : undefined;
}

export function formatVersion(version: PolicyVersion): string {
  return version === 'latest' ? 'latest' : `v1.${version}`;
}

export interface LabelProblem {
  label: string;
  value: string;
  /** What the invalid value was replaced with, as the apiserver does. */
  usedInstead: string;
}

export interface ResolvedPolicy {
  policy: PodSecurityPolicy;
  /** Labels whose values could not be parsed; the policy is still usable. */
  problems: LabelProblem[];
}

/**
 * Resolves the enforce policy from namespace labels. An absent label keeps
 * the default; an invalid level falls back to `restricted` and an invalid
 * version to `latest` (the apiserver fails closed for enforce).
 */
export function resolveNamespacePolicy(
  labels: Readonly<Record<string, unknown>> | undefined,
  defaults: PodSecurityPolicy = DEFAULT_POLICY,
): ResolvedPolicy {
  const policy: PodSecurityPolicy = { ...defaults };
  const problems: LabelProblem[] = [];
  if (!labels) return { policy, problems };
  const levelText = labels[ENFORCE_LEVEL_LABEL];
  if (levelText !== undefined) {
    const level = parseLevel(String(levelText));
    policy.level = level ?? 'restricted';
    if (!level) problems.push({ label: ENFORCE_LEVEL_LABEL, value: String(levelText), usedInstead: 'restricted' });
  }
  const versionText = labels[ENFORCE_VERSION_LABEL];
  if (versionText !== undefined) {
    const version = parseVersion(String(versionText));
    policy.version = version ?? 'latest';
    if (version === undefined) problems.push({ label: ENFORCE_VERSION_LABEL, value: String(versionText), usedInstead: 'latest' });
  }
  return { policy, problems };
}
