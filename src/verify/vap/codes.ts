/**
 * Stable diagnostic codes of admission-policy loading. Tests assert these
 * codes, never message wording.
 */
export const VapCode = {
  /** A ValidatingAdmissionPolicy the apiserver would refuse (missing or invalid fields). */
  InvalidPolicy: 'VAP_INVALID_POLICY',
  /** A ValidatingAdmissionPolicyBinding the apiserver would refuse. */
  InvalidBinding: 'VAP_INVALID_BINDING',
  /** An expression that does not compile in the cluster's CEL environment. */
  CompileError: 'VAP_COMPILE_ERROR',
  /** Two policies (or two bindings) with the same name. */
  Duplicate: 'VAP_DUPLICATE',
  /** A binding naming a policy that is not in the set: it has no effect. */
  UnknownPolicy: 'VAP_BINDING_UNKNOWN_POLICY',
  /** A policy no binding refers to: it is never evaluated. */
  Unbound: 'VAP_POLICY_UNBOUND',
  /** An admissionregistration API version this project does not read. */
  UnsupportedVersion: 'VAP_UNSUPPORTED_VERSION',
} as const;
