/**
 * Every Pod Security check, and the evaluator that expands their revisions
 * into the list of checks to run per level and policy version, exactly as
 * the upstream registry does: each check contributes the newest revision at
 * or below the version; restricted runs the baseline checks minus those a
 * restricted revision overrides, plus the restricted checks; versions newer
 * than any revision (and `latest`) use the newest policy version known.
 */
import type { CheckFn, CheckLevel, PodSecurityCheck } from './check.js';
import { compareStrings } from './messages.js';
import type { Level, PolicyVersion } from './policy.js';
import { allowPrivilegeEscalationCheck } from './checks/allow-privilege-escalation.js';
import { appArmorCheck } from './checks/app-armor.js';
import { capabilitiesBaselineCheck } from './checks/capabilities-baseline.js';
import { capabilitiesRestrictedCheck } from './checks/capabilities-restricted.js';
import { hostNamespacesCheck } from './checks/host-namespaces.js';
import { hostPathVolumesCheck } from './checks/host-path-volumes.js';
import { hostPortsCheck } from './checks/host-ports.js';
import { hostProbesAndLifecycleCheck } from './checks/host-probes-lifecycle.js';
import { privilegedCheck } from './checks/privileged.js';
import { procMountBaselineCheck } from './checks/proc-mount-baseline.js';
import { procMountRestrictedCheck } from './checks/proc-mount-restricted.js';
import { restrictedVolumesCheck } from './checks/restricted-volumes.js';
import { runAsNonRootCheck } from './checks/run-as-non-root.js';
import { runAsUserCheck } from './checks/run-as-user.js';
import { seccompBaselineCheck } from './checks/seccomp-baseline.js';
import { seccompRestrictedCheck } from './checks/seccomp-restricted.js';
import { seLinuxOptionsCheck } from './checks/selinux-options.js';
import { sysctlsCheck } from './checks/sysctls.js';
import { windowsHostProcessCheck } from './checks/windows-host-process.js';

export const POD_SECURITY_CHECKS: readonly PodSecurityCheck[] = [
  windowsHostProcessCheck,
  hostNamespacesCheck,
  privilegedCheck,
  capabilitiesBaselineCheck,
  hostPathVolumesCheck,
  hostPortsCheck,
  appArmorCheck,
  seLinuxOptionsCheck,
  procMountBaselineCheck,
  seccompBaselineCheck,
  sysctlsCheck,
  hostProbesAndLifecycleCheck,
  restrictedVolumesCheck,
  allowPrivilegeEscalationCheck,
  runAsNonRootCheck,
  runAsUserCheck,
  seccompRestrictedCheck,
  capabilitiesRestrictedCheck,
  procMountRestrictedCheck,
];

/** One check as it runs at a given version: the definition plus the revision in force. */
export interface ActiveCheck {
  check: PodSecurityCheck;
  run: CheckFn;
}

export interface Evaluator {
  /** The newest policy minor any revision introduces; `latest` and newer versions resolve to it. */
  readonly maxVersion: number;
  /** The checks to run, baseline ids sorted then restricted ids sorted; none for `privileged`. */
  checksFor(level: Level, version: PolicyVersion): readonly ActiveCheck[];
  /** The concrete minor a version resolves to. */
  resolveVersion(version: PolicyVersion): number;
}

export function createEvaluator(checks: readonly PodSecurityCheck[] = POD_SECURITY_CHECKS): Evaluator {
  validateChecks(checks);
  const maxVersion = Math.max(0, ...checks.map((c) => c.revisions[c.revisions.length - 1]!.minVersion));
  const ordered = [...checks].sort((a, b) => levelRank(a.level) - levelRank(b.level) || compareStrings(a.id, b.id));
  const baseline: ActiveCheck[][] = [];
  const restricted: ActiveCheck[][] = [];
  for (let minor = 0; minor <= maxVersion; minor++) {
    const active = ordered.flatMap((check) => activeAt(check, minor));
    const overridden = new Set(active.flatMap((a) => (a.check.level === 'restricted' ? revisionAt(a.check, minor)?.overrides ?? [] : [])));
    baseline.push(active.filter((a) => a.check.level === 'baseline'));
    restricted.push(active.filter((a) => a.check.level === 'restricted' || !overridden.has(a.check.id)));
  }
  const resolveVersion = (version: PolicyVersion): number =>
    version === 'latest' || version > maxVersion ? maxVersion : version;
  return {
    maxVersion,
    resolveVersion,
    checksFor(level, version) {
      if (level === 'privileged') return [];
      const minor = resolveVersion(version);
      return (level === 'baseline' ? baseline : restricted)[minor] ?? [];
    },
  };
}

function levelRank(level: CheckLevel): number {
  return level === 'baseline' ? 0 : 1;
}

function revisionAt(check: PodSecurityCheck, minor: number) {
  let found;
  for (const revision of check.revisions) if (revision.minVersion <= minor) found = revision;
  return found;
}

function activeAt(check: PodSecurityCheck, minor: number): ActiveCheck[] {
  const revision = revisionAt(check, minor);
  return revision ? [{ check, run: revision.check }] : [];
}

/** The same invariants the upstream registry enforces; a broken table is a programming error. */
function validateChecks(checks: readonly PodSecurityCheck[]): void {
  const levels = new Map(checks.map((c) => [c.id, c.level]));
  if (levels.size !== checks.length) throw new Error('pod security: duplicate check id');
  for (const check of checks) {
    if (check.revisions.length === 0) throw new Error(`pod security check ${check.id}: no revisions`);
    check.revisions.forEach((revision, i) => {
      const previous = check.revisions[i - 1];
      if (previous && previous.minVersion >= revision.minVersion) {
        throw new Error(`pod security check ${check.id}: versions must be strictly increasing`);
      }
      for (const id of revision.overrides ?? []) {
        if (check.level !== 'restricted' || levels.get(id) !== 'baseline') {
          throw new Error(`pod security check ${check.id}: only restricted checks may override baseline checks (${id})`);
        }
      }
    });
  }
}
