/**
 * Kubernetes semver library (kubernetes.Semver, from 1.33, version 1 with
 * the `normalize` flag).
 *
 *   semver('1.2.3').isLessThan(semver('1.10.0'))   // true
 *   semver('v1.2', true).patch()                   // 0
 *   isSemver('01.0.0')                             // false
 */
import type { Environment } from '@marcbachmann/cel-js';
import type { LibraryValue } from '../equality.js';
import { celError } from '../errors.js';
import { v, type CelLibrary } from '../library.js';
import { compareSemver, parseSemver, parseSemverNormalized, type Semver } from '../semver-value.js';

export class CelSemver implements LibraryValue {
  readonly celType = 'kubernetes.Semver';
  constructor(readonly value: Semver) {}

  equals(other: unknown): boolean {
    return other instanceof CelSemver && compareSemver(this.value, other.value) === 0;
  }
}

function parse(text: string, normalize: boolean): Semver {
  return normalize ? parseSemverNormalized(text) : parseSemver(text);
}

export function toSemver(text: string, normalize = false): CelSemver {
  try {
    return new CelSemver(parse(text, normalize));
  } catch (error) {
    throw celError(error instanceof Error ? error.message : String(error));
  }
}

export function isSemver(text: string, normalize = false): boolean {
  try {
    parse(text, normalize);
    return true;
  } catch {
    return false;
  }
}

function install(env: Environment): void {
  const cmp = (a: CelSemver, b: CelSemver) => compareSemver(a.value, b.value);
  env
    .registerType('Semver', CelSemver)
    .registerOperator('Semver == Semver', (a: CelSemver, b: CelSemver) => a.equals(b))
    .registerFunction('semver(string): Semver', (s: string) => toSemver(s))
    .registerFunction('semver(string, bool): Semver', toSemver)
    .registerFunction('isSemver(string): bool', (s: string) => isSemver(s))
    .registerFunction('isSemver(string, bool): bool', isSemver)
    .registerFunction('Semver.major(): int', (s: CelSemver) => s.value.major)
    .registerFunction('Semver.minor(): int', (s: CelSemver) => s.value.minor)
    .registerFunction('Semver.patch(): int', (s: CelSemver) => s.value.patch)
    .registerFunction('Semver.isGreaterThan(Semver): bool', (a: CelSemver, b: CelSemver) => cmp(a, b) > 0)
    .registerFunction('Semver.isLessThan(Semver): bool', (a: CelSemver, b: CelSemver) => cmp(a, b) < 0)
    .registerFunction('Semver.compareTo(Semver): int', (a: CelSemver, b: CelSemver) => BigInt(cmp(a, b)));
}

export const semverLibrary: CelLibrary = { name: 'kubernetes.Semver', since: v(1, 33), install };
