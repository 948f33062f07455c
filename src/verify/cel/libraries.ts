/**
 * The Kubernetes CEL environment by release (apiserver
 * `cel/environment/base.go`): which library each minor version adds. A
 * cluster's environment has every library whose `since` ≤ its version <
 * `until`. Optional types and cross-type numeric comparisons (1.28) are
 * environment options, see environment.ts.
 */
import type { CelLibrary } from './library.js';
import { authzLibrary } from './lib/authz.js';
import { builtinsLibrary } from './lib/builtins.js';
import { cidrLibrary } from './lib/cidr.js';
import { formatLibrary } from './lib/format.js';
import { ipLibrary } from './lib/ip.js';
import { listsLibrary } from './lib/lists.js';
import { listsExtLibrary } from './lib/lists-ext.js';
import { optionalsLibrary } from './lib/optionals.js';
import { quantityLibrary } from './lib/quantity.js';
import { regexLibrary } from './lib/regex.js';
import { semverLibrary } from './lib/semver.js';
import { setsLibrary } from './lib/sets.js';
import { stringsV0Library, stringsV2Library } from './lib/strings.js';
import { twoVarComprehensionsLibrary } from './lib/two-var.js';
import { urlsLibrary } from './lib/urls.js';
import { compareKubeVersions, type KubeVersion } from './version.js';

/** In install order: a library may use types an earlier one registered (cidr uses ip's IP). */
export const KUBERNETES_CEL_LIBRARIES: readonly CelLibrary[] = [
  builtinsLibrary,
  urlsLibrary,
  regexLibrary,
  listsLibrary,
  stringsV0Library,
  authzLibrary,
  optionalsLibrary,
  quantityLibrary,
  stringsV2Library,
  setsLibrary,
  ipLibrary,
  cidrLibrary,
  formatLibrary,
  twoVarComprehensionsLibrary,
  semverLibrary,
  listsExtLibrary,
];

export function librariesFor(version: KubeVersion, libraries: readonly CelLibrary[] = KUBERNETES_CEL_LIBRARIES): CelLibrary[] {
  return libraries.filter(
    (lib) => compareKubeVersions(lib.since, version) <= 0 && (lib.until === undefined || compareKubeVersions(version, lib.until) < 0),
  );
}
