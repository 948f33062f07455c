/**
 * Reads ValidatingAdmissionPolicy and ValidatingAdmissionPolicyBinding
 * objects into the evaluation model, applying the apiserver's defaults and
 * the validation it would apply on create. An object with problems is
 * reported and left out, as the apiserver would refuse it.
 */
import type { JsonObject, JsonValue } from '../../core/json.js';
import type { Resource } from '../../core/resource.js';
import { formatFieldPath, type FieldPath } from '../finding.js';
import { Reader } from './read.js';
import type {
  AdmissionPolicy, AuditAnnotation, MatchResources, NamedExpression, ParamRef, PolicyBinding, ResourceRule, Validation, ValidationAction,
} from './types.js';

export const ADMISSION_GROUP = 'admissionregistration.k8s.io';
export const SUPPORTED_VERSIONS = ['v1', 'v1beta1'];
export const POLICY_KIND = 'ValidatingAdmissionPolicy';
export const BINDING_KIND = 'ValidatingAdmissionPolicyBinding';

function where(path: FieldPath): { yamlPath: string; path: FieldPath } {
  return { yamlPath: formatFieldPath(path), path };
}

const REASONS = ['Unauthorized', 'Forbidden', 'Invalid', 'RequestEntityTooLarge'] as const;
const CEL_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function rules(r: Reader, value: JsonValue | undefined, path: FieldPath): ResourceRule[] {
  return r.list(value, path).flatMap((item, i) => {
    const at = [...path, i];
    const rule = r.object(item, at, true);
    if (!rule) return [];
    const required = (key: string) => {
      const list = r.strings(rule[key], [...at, key]);
      if (list.length === 0) r.problem([...at, key], 'Required value');
      return list;
    };
    return [{
      operations: required('operations'),
      apiGroups: required('apiGroups'),
      apiVersions: required('apiVersions'),
      resources: required('resources'),
      resourceNames: r.strings(rule.resourceNames, [...at, 'resourceNames']),
      scope: r.oneOf(rule.scope, [...at, 'scope'], ['*', 'Cluster', 'Namespaced'] as const, '*'),
    }];
  });
}

function matchResources(r: Reader, value: JsonValue | undefined, path: FieldPath, rulesRequired: boolean): MatchResources | undefined {
  const obj = r.object(value, path, rulesRequired);
  if (!obj) return undefined;
  const resourceRules = rules(r, obj.resourceRules, [...path, 'resourceRules']);
  if (rulesRequired && resourceRules.length === 0) r.problem([...path, 'resourceRules'], 'Required value');
  return {
    namespaceSelector: r.selector(obj.namespaceSelector, [...path, 'namespaceSelector']),
    objectSelector: r.selector(obj.objectSelector, [...path, 'objectSelector']),
    resourceRules,
    excludeResourceRules: rules(r, obj.excludeResourceRules, [...path, 'excludeResourceRules']),
    matchPolicy: r.oneOf(obj.matchPolicy, [...path, 'matchPolicy'], ['Exact', 'Equivalent'] as const, 'Equivalent'),
  };
}

function namedExpressions(r: Reader, value: JsonValue | undefined, path: FieldPath, identifiers: boolean): NamedExpression[] {
  const seen = new Set<string>();
  return r.list(value, path).flatMap((item, i) => {
    const at = [...path, i];
    const obj = r.object(item, at, true);
    if (!obj) return [];
    const name = r.string(obj.name, [...at, 'name'], true) ?? '';
    const expression = r.string(obj.expression, [...at, 'expression'], true) ?? '';
    if (name && seen.has(name)) r.problem([...at, 'name'], `Duplicate value: ${JSON.stringify(name)}`);
    if (name && identifiers && !CEL_IDENTIFIER.test(name)) r.problem([...at, 'name'], 'must be a valid CEL identifier');
    seen.add(name);
    return [{ name, expression, ...where([...at, 'expression']) }];
  });
}

function validations(r: Reader, value: JsonValue | undefined, path: FieldPath): Validation[] {
  return r.list(value, path).flatMap((item, i) => {
    const at = [...path, i];
    const obj = r.object(item, at, true);
    if (!obj) return [];
    const expression = r.string(obj.expression, [...at, 'expression'], true) ?? '';
    const message = r.string(obj.message, [...at, 'message']);
    if (message !== undefined && /[\r\n]/.test(message)) r.problem([...at, 'message'], 'message must not contain line breaks');
    const messageExpression = r.string(obj.messageExpression, [...at, 'messageExpression']);
    const validation: Validation = {
      expression,
      ...where([...at, 'expression']),
      reason: r.oneOf(obj.reason, [...at, 'reason'], REASONS, 'Invalid'),
    };
    if (message !== undefined) validation.message = message;
    if (messageExpression !== undefined) validation.messageExpression = { expression: messageExpression, ...where([...at, 'messageExpression']) };
    return [validation];
  });
}

function auditAnnotations(r: Reader, value: JsonValue | undefined, path: FieldPath): AuditAnnotation[] {
  return r.list(value, path).flatMap((item, i) => {
    const at = [...path, i];
    const obj = r.object(item, at, true);
    if (!obj) return [];
    const key = r.string(obj.key, [...at, 'key'], true) ?? '';
    const expression = r.string(obj.valueExpression, [...at, 'valueExpression'], true) ?? '';
    return [{ key, valueExpression: { expression, ...where([...at, 'valueExpression']) } }];
  });
}

function name(r: Reader, obj: JsonObject): string {
  const metadata = r.object(obj.metadata, ['metadata'], true);
  return r.string(metadata?.name, ['metadata', 'name'], true) ?? '';
}

export function readPolicy(resource: Resource): { policy: AdmissionPolicy; reader: Reader } {
  const r = new Reader();
  const obj = resource.obj;
  const spec = r.object(obj.spec, ['spec'], true) ?? {};
  const policy: AdmissionPolicy = {
    name: name(r, obj),
    resource,
    failurePolicy: r.oneOf(spec.failurePolicy, ['spec', 'failurePolicy'], ['Fail', 'Ignore'] as const, 'Fail'),
    matchConstraints: matchResources(r, spec.matchConstraints, ['spec', 'matchConstraints'], true) ?? emptyMatch(),
    matchConditions: namedExpressions(r, spec.matchConditions, ['spec', 'matchConditions'], false),
    variables: namedExpressions(r, spec.variables, ['spec', 'variables'], true),
    validations: validations(r, spec.validations, ['spec', 'validations']),
    auditAnnotations: auditAnnotations(r, spec.auditAnnotations, ['spec', 'auditAnnotations']),
  };
  const paramKind = r.object(spec.paramKind, ['spec', 'paramKind']);
  if (paramKind) {
    const apiVersion = r.string(paramKind.apiVersion, ['spec', 'paramKind', 'apiVersion'], true);
    const kind = r.string(paramKind.kind, ['spec', 'paramKind', 'kind'], true);
    if (apiVersion && kind) policy.paramKind = { apiVersion, kind };
  }
  if (policy.validations.length === 0 && policy.auditAnnotations.length === 0) {
    r.problem(['spec', 'validations'], 'validations or auditAnnotations must contain at least one item');
  }
  return { policy, reader: r };
}

function emptyMatch(): MatchResources {
  const none = { matchLabels: {}, matchExpressions: [] };
  return { namespaceSelector: none, objectSelector: none, resourceRules: [], excludeResourceRules: [], matchPolicy: 'Equivalent' };
}

function paramRef(r: Reader, value: JsonValue | undefined): ParamRef | undefined {
  const path = ['spec', 'paramRef'];
  const obj = r.object(value, path);
  if (!obj) return undefined;
  const ref: ParamRef = {
    parameterNotFoundAction: r.oneOf(obj.parameterNotFoundAction, [...path, 'parameterNotFoundAction'], ['Allow', 'Deny'] as const, 'Deny'),
  };
  const refName = r.string(obj.name, [...path, 'name']);
  const namespace = r.string(obj.namespace, [...path, 'namespace']);
  if (refName !== undefined) ref.name = refName;
  if (namespace !== undefined) ref.namespace = namespace;
  if (obj.selector !== undefined && obj.selector !== null) ref.selector = r.selector(obj.selector, [...path, 'selector']);
  if ((ref.name === undefined) === (ref.selector === undefined)) r.problem(path, 'one of `name` or `selector` must be set');
  return ref;
}

export function readBinding(resource: Resource): { binding: PolicyBinding; reader: Reader } {
  const r = new Reader();
  const obj = resource.obj;
  const spec = r.object(obj.spec, ['spec'], true) ?? {};
  const actionsPath = ['spec', 'validationActions'];
  const actions = r.strings(spec.validationActions, actionsPath);
  const validationActions: ValidationAction[] = [];
  actions.forEach((a, i) => {
    if (a !== 'Deny' && a !== 'Warn' && a !== 'Audit') r.problem([...actionsPath, i], `Unsupported value: ${JSON.stringify(a)}: supported values: "Audit", "Deny", "Warn"`);
    else if (validationActions.includes(a)) r.problem([...actionsPath, i], `Duplicate value: ${JSON.stringify(a)}`);
    else validationActions.push(a);
  });
  if (actions.length === 0) r.problem(actionsPath, 'Required value');
  if (validationActions.includes('Deny') && validationActions.includes('Warn')) r.problem(actionsPath, 'may not contain both "Deny" and "Warn" (redundant)');
  const binding: PolicyBinding = {
    name: name(r, obj),
    resource,
    policyName: r.string(spec.policyName, ['spec', 'policyName'], true) ?? '',
    validationActions,
  };
  const ref = paramRef(r, spec.paramRef);
  if (ref) binding.paramRef = ref;
  const match = matchResources(r, spec.matchResources, ['spec', 'matchResources'], false);
  if (match) binding.matchResources = match;
  return { binding, reader: r };
}
