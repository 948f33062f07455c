/**
 * A CEL library is a same-shaped unit: a name, the Kubernetes release that
 * introduced it (and the one that replaced it, if any), and an `install`
 * that registers its types and functions on an environment.
 */
import type { Environment } from '@marcbachmann/cel-js';
import type { KubeVersion } from './version.js';

export interface CelLibrary {
  /** Name as in the apiserver, e.g. `kubernetes.regex`, `ext.strings.v2`. */
  readonly name: string;
  /** First Kubernetes minor release whose CEL environment has it. */
  readonly since: KubeVersion;
  /** First release that no longer has it (replaced by a newer version of the library). */
  readonly until?: KubeVersion;
  install(env: Environment): void;
}

export function v(major: number, minor: number): KubeVersion {
  return { major, minor };
}
