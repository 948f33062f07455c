/** CEL with the Kubernetes libraries, per Kubernetes version, on the @marcbachmann/cel-js runtime. */
export { celEnvironment, CelEnvironment, type CelEnvironmentOptions, type CelProgram, type CompileResult } from './environment.js';
export { errorSummary } from './errors.js';
export { KUBERNETES_CEL_LIBRARIES, librariesFor } from './libraries.js';
export type { CelLibrary } from './library.js';
export { Authorizer, DENY_ALL, type AuthorizationPolicy, type AuthorizationRequest } from './lib/authz.js';
export { fromCel, objectToCel, toCel } from './values.js';
export { formatKubeVersion, kubeVersionOr, NEWEST_MODELLED_VERSION, parseKubeVersion, type KubeVersion } from './version.js';
