/**
 * checkPod: evaluate one pod (metadata + spec) against a level and policy
 * version, returning one violation per failing check.
 */
import type { Violation } from './check.js';
import { podView, type PodInput } from './pod.js';
import type { Level, PolicyVersion } from './policy.js';
import { createEvaluator, type Evaluator } from './registry.js';

let defaultEvaluator: Evaluator | undefined;

/** The evaluator over the built-in checks, built once on first use. */
export function podSecurityEvaluator(): Evaluator {
  defaultEvaluator ??= createEvaluator();
  return defaultEvaluator;
}

export function checkPod(pod: PodInput, level: Level, version: PolicyVersion = 'latest', evaluator = podSecurityEvaluator()): Violation[] {
  const checks = evaluator.checksFor(level, version);
  if (checks.length === 0) return [];
  const view = podView(pod);
  const violations: Violation[] = [];
  for (const { check, run } of checks) {
    const outcome = run(view);
    if (!outcome) continue;
    violations.push({
      checkId: check.id,
      level: check.level,
      control: check.control,
      remediation: check.remediation,
      ...outcome,
    });
  }
  return violations;
}

/** Upstream's one-line summary: `privileged (container "a" must not …), host namespaces (hostNetwork=true)`. */
export function formatViolations(violations: readonly Violation[]): string {
  return violations.map((v) => (v.detail ? `${v.reason} (${v.detail})` : v.reason)).join(', ');
}
