/**
 * Compiles a policy's expressions for one Kubernetes version, with the
 * variables the apiserver declares for each kind of expression. Like the
 * apiserver, `variables.<name>` must name a variable declared before (for
 * variables) or anywhere in the policy (for everything else). A policy with
 * problems is one the apiserver would refuse to store.
 */
import { celEnvironment, kubeVersionOr, librariesFor, type CelEnvironment, type CelProgram } from '../cel/index.js';
import type { AdmissionPolicy, ExpressionSource, Validation } from './types.js';

export interface CompiledExpression {
  source: ExpressionSource;
  program?: CelProgram;
  /** Why it does not compile. */
  error?: string;
}

export interface CompiledValidation {
  validation: Validation;
  check: CompiledExpression;
  message?: CompiledExpression;
}

export interface CompiledPolicy {
  policy: AdmissionPolicy;
  matchConditions: CompiledExpression[];
  variables: { name: string; compiled: CompiledExpression }[];
  validations: CompiledValidation[];
  auditAnnotations: CompiledExpression[];
  /** Every expression that failed to compile. */
  problems: CompiledExpression[];
}

const BASE_VARIABLES = ['object', 'oldObject', 'request', 'params', 'namespaceObject'];

function environment(version: string | undefined, withVariables: boolean): CelEnvironment {
  const hasAuthz = librariesFor(kubeVersionOr(version)).some((lib) => lib.name === 'kubernetes.authz');
  const authorizer = hasAuthz ? 'Authorizer' : 'dyn';
  const variables: Record<string, string> = { authorizer };
  for (const name of BASE_VARIABLES) variables[name] = 'dyn';
  if (withVariables) variables.variables = 'dyn';
  return celEnvironment({ kubernetesVersion: version, variables });
}

function compileOne(env: CelEnvironment, source: ExpressionSource, knownVariables?: readonly string[]): CompiledExpression {
  const result = env.compile(source.expression);
  if (!result.ok) return { source, error: result.column ? `${result.message} (column ${result.column})` : result.message };
  if (knownVariables) {
    const unknown = result.program.fieldsSelectedOn('variables').filter((n) => !knownVariables.includes(n));
    if (unknown.length > 0) return { source, error: `undefined variable: ${unknown.map((n) => `variables.${n}`).join(', ')}` };
  }
  return { source, program: result.program };
}

export function compilePolicy(policy: AdmissionPolicy, kubernetesVersion: string | undefined): CompiledPolicy {
  const conditionsEnv = environment(kubernetesVersion, false);
  const env = environment(kubernetesVersion, true);
  const allNames = policy.variables.map((v) => v.name);
  const compiled: CompiledPolicy = {
    policy,
    matchConditions: policy.matchConditions.map((c) => compileOne(conditionsEnv, c)),
    variables: policy.variables.map((v, i) => ({ name: v.name, compiled: compileOne(env, v, allNames.slice(0, i)) })),
    validations: policy.validations.map((validation) => {
      const out: CompiledValidation = { validation, check: compileOne(env, validation, allNames) };
      if (validation.messageExpression) out.message = compileOne(env, validation.messageExpression, allNames);
      return out;
    }),
    auditAnnotations: policy.auditAnnotations.map((a) => compileOne(env, a.valueExpression, allNames)),
    problems: [],
  };
  compiled.problems = [
    ...compiled.matchConditions,
    ...compiled.variables.map((v) => v.compiled),
    ...compiled.validations.flatMap((v) => (v.message ? [v.check, v.message] : [v.check])),
    ...compiled.auditAnnotations,
  ].filter((c) => c.error !== undefined);
  return compiled;
}
