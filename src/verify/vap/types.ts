/**
 * ValidatingAdmissionPolicy and its binding as evaluated offline: the
 * fields of admissionregistration.k8s.io/v1 (v1beta1 has the same shape)
 * after the apiserver's defaulting, plus where each expression was written.
 */
import type { Resource } from '../../core/resource.js';
import type { FieldPath } from '../finding.js';

export type Operation = 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT' | '*';
export type Scope = '*' | 'Cluster' | 'Namespaced';

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values: string[];
}

export interface LabelSelector {
  matchLabels: Record<string, string>;
  matchExpressions: LabelSelectorRequirement[];
}

export interface ResourceRule {
  apiGroups: string[];
  apiVersions: string[];
  resources: string[];
  operations: string[];
  scope: Scope;
  resourceNames: string[];
}

export interface MatchResources {
  namespaceSelector: LabelSelector;
  objectSelector: LabelSelector;
  resourceRules: ResourceRule[];
  excludeResourceRules: ResourceRule[];
  matchPolicy: 'Exact' | 'Equivalent';
}

/** Where an expression was written: the policy's file and the YAML path of the field. */
export interface ExpressionSource {
  expression: string;
  /** e.g. `spec.validations[2].expression`. */
  yamlPath: string;
  path: FieldPath;
}

export interface NamedExpression extends ExpressionSource {
  name: string;
}

export interface Validation extends ExpressionSource {
  message?: string;
  messageExpression?: ExpressionSource;
  reason: string;
}

export interface AuditAnnotation {
  key: string;
  valueExpression: ExpressionSource;
}

export interface ParamKind {
  apiVersion: string;
  kind: string;
}

export interface AdmissionPolicy {
  name: string;
  resource: Resource;
  failurePolicy: 'Fail' | 'Ignore';
  paramKind?: ParamKind;
  matchConstraints: MatchResources;
  matchConditions: NamedExpression[];
  variables: NamedExpression[];
  validations: Validation[];
  auditAnnotations: AuditAnnotation[];
}

export type ValidationAction = 'Deny' | 'Warn' | 'Audit';

export interface ParamRef {
  name?: string;
  namespace?: string;
  selector?: LabelSelector;
  parameterNotFoundAction: 'Allow' | 'Deny';
}

export interface PolicyBinding {
  name: string;
  resource: Resource;
  policyName: string;
  paramRef?: ParamRef;
  matchResources?: MatchResources;
  validationActions: ValidationAction[];
}
