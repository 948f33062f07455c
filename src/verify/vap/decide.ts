/**
 * One policy, one binding, one request: what the apiserver's validator
 * decides. matchConditions first (any false: the policy does not apply;
 * errors: the failure policy), then each validation (false: a violation
 * with its message; error: the failure policy). Variables are evaluated
 * lazily, at most once, in the activation shared by all expressions.
 */
import { Authorizer, errorSummary, objectToCel, type AuthorizationPolicy, type CelProgram } from '../cel/index.js';
import { celError } from '../cel/errors.js';
import type { JsonObject } from '../../core/json.js';
import type { Resource } from '../../core/resource.js';
import type { CompiledExpression, CompiledPolicy, CompiledValidation } from './compile.js';
import type { ParamOutcome } from './params.js';
import type { AdmissionRequest, UserInfo } from './request.js';
import type { PolicyBinding } from './types.js';

export interface Decision {
  /** A validation that evaluated to false, or an evaluation problem under failurePolicy Fail. */
  kind: 'violation' | 'error';
  message: string;
  reason: string;
  /** The validation expression, for violations. */
  expression?: string;
  /** The param object the decision was made with, when the policy has params. */
  param?: Resource;
}

export interface DecideInput {
  compiled: CompiledPolicy;
  binding: PolicyBinding;
  request: AdmissionRequest;
  /** `object` and `request` as CEL values, converted once per request. */
  celObject: Record<string, unknown>;
  celRequest: unknown;
  params: ParamOutcome;
  namespaceObject: JsonObject | null;
  user: UserInfo;
  authorization: AuthorizationPolicy;
}

type Activation = Record<string, unknown>;

function evaluate(compiled: CompiledExpression, activation: Activation): unknown {
  if (!compiled.program) throw celError(`compilation error: ${compiled.error}`);
  return (compiled.program as CelProgram).evaluate(activation);
}

/** `variables`: each entry computed on first read and remembered (errors too). */
function lazyVariables(compiled: CompiledPolicy, activation: Activation): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const { name, compiled: expr } of compiled.variables) {
    let state: { value: unknown } | { error: unknown } | undefined;
    Object.defineProperty(variables, name, {
      enumerable: true,
      get() {
        if (!state) {
          try {
            state = { value: evaluate(expr, activation) };
          } catch (error) {
            state = { error };
          }
        }
        if ('error' in state) throw state.error;
        return state.value;
      },
    });
  }
  return variables;
}

function activationFor(input: DecideInput, param: Resource | undefined): Activation {
  const { request } = input;
  let authorizer: Authorizer | undefined;
  const activation: Activation = {
    object: input.celObject,
    oldObject: null,
    request: input.celRequest,
    params: param ? objectToCel(param.obj) : null,
    namespaceObject: input.namespaceObject ? objectToCel(input.namespaceObject) : null,
    // Built on first use: most policies never ask.
    get authorizer() {
      return (authorizer ??= new Authorizer(input.user.username, input.authorization, {
        group: request.group, resource: request.plural, namespace: request.namespace, name: request.name,
      }));
    },
  };
  activation.variables = input.compiled.variables.length > 0 ? lazyVariables(input.compiled, activation) : {};
  return activation;
}

/** matchConditions: false if any is false; else the errors, if any. */
function conditionsResult(compiled: CompiledPolicy, activation: Activation): { applies: boolean; errors: string[] } {
  const errors: string[] = [];
  for (const condition of compiled.matchConditions) {
    try {
      const result = evaluate(condition, activation);
      if (result === false) return { applies: false, errors: [] };
      if (result !== true) errors.push(`matchCondition ${condition.source.expression} must evaluate to bool`);
    } catch (error) {
      errors.push(`matchCondition '${condition.source.expression}' resulted in error: ${errorSummary(error)}`);
    }
  }
  return { applies: true, errors };
}

function violationMessage(v: CompiledValidation, activation: Activation): string {
  if (v.message?.program) {
    try {
      const text = evaluate(v.message, activation);
      if (typeof text === 'string' && text.trim() !== '' && !/[\r\n]/.test(text)) return text;
    } catch {
      // The apiserver falls back to `message` when messageExpression fails.
    }
  }
  return v.validation.message ?? `failed expression: ${v.validation.expression}`;
}

function withParam(input: DecideInput, param: Resource | undefined): Decision[] {
  const { compiled } = input;
  const failure = (message: string): Decision[] =>
    compiled.policy.failurePolicy === 'Fail' ? [{ kind: 'error', message, reason: 'InternalError', ...(param ? { param } : {}) }] : [];
  const activation = activationFor(input, param);
  const conditions = conditionsResult(compiled, activation);
  if (!conditions.applies) return [];
  if (conditions.errors.length > 0) return failure(conditions.errors.join('; '));
  const decisions: Decision[] = [];
  for (const v of compiled.validations) {
    let result: unknown;
    try {
      result = evaluate(v.check, activation);
    } catch (error) {
      decisions.push(...failure(`expression '${v.validation.expression}' resulted in error: ${errorSummary(error)}`));
      continue;
    }
    if (result === true) continue;
    if (result !== false) {
      decisions.push(...failure(`expression '${v.validation.expression}' must evaluate to bool`));
      continue;
    }
    const decision: Decision = { kind: 'violation', message: violationMessage(v, activation), reason: v.validation.reason, expression: v.validation.expression };
    if (param) decision.param = param;
    decisions.push(decision);
  }
  return decisions;
}

export function decide(input: DecideInput): Decision[] {
  const { params, compiled } = input;
  switch (params.kind) {
    case 'misconfigured':
      return compiled.policy.failurePolicy === 'Fail' ? [{ kind: 'error', message: params.message, reason: 'InternalError' }] : [];
    case 'not-found':
      return params.action === 'Deny'
        ? [{ kind: 'violation', message: 'no params found for policy binding with `Deny` parameterNotFoundAction', reason: 'NotFound' }]
        : [];
    case 'found':
      return params.params.flatMap((p) => withParam(input, p));
    default:
      return withParam(input, undefined);
  }
}
