/**
 * How IAM principals become Kubernetes identities on EKS, read from the
 * cluster's objects: ACK AccessEntry objects (eks.services.k8s.aws) and the
 * legacy kube-system/aws-auth ConfigMap (mapRoles, mapUsers, mapAccounts as
 * YAML strings, read by aws-iam-authenticator).
 */
import { DiagnosticError } from '../../core/diagnostic.js';
import { isArray, isObject, type JsonObject, type JsonValue } from '../../core/json.js';
import type { SourceRef } from '../../core/resource.js';
import { parseDocuments } from '../../yaml/parse.js';
import { ACK_EKS_API_VERSION, AWS_AUTH_NAME, AWS_AUTH_NAMESPACE, type AccessPolicyAssociation } from '../model.js';
import type { RbacInput } from '../evaluate/read.js';

export type MappingSource = 'access-entry' | 'aws-auth/mapRoles' | 'aws-auth/mapUsers' | 'aws-auth/mapAccounts';

export interface IdentityMapping {
  source: MappingSource;
  /** Principal ARN as written (role or user); the account ID for mapAccounts. */
  arn: string;
  /** Username template as written; '' when absent (EKS and the authenticator then use a default). */
  username: string;
  groups: string[];
  /** Access entries only. */
  policies: AccessPolicyAssociation[];
  /** Access entries only: STANDARD, EC2_LINUX, … */
  entryType?: string;
  object: { kind: string; name: string; namespace: string };
  origin?: SourceRef;
}

export interface MappingProblem {
  code: 'ACCESS_AWS_AUTH_INVALID' | 'ACCESS_AWS_AUTH_ROLE_PATH' | 'ACCESS_ENTRY_INVALID';
  message: string;
  object: { kind: string; name: string; namespace: string };
  origin?: SourceRef;
}

export interface IdentityMappings {
  mappings: IdentityMapping[];
  problems: MappingProblem[];
}

export function isAwsAuth(obj: JsonObject): boolean {
  const meta = isObject(obj.metadata) ? obj.metadata : {};
  return obj.kind === 'ConfigMap' && meta.name === AWS_AUTH_NAME && (meta.namespace ?? AWS_AUTH_NAMESPACE) === AWS_AUTH_NAMESPACE;
}

export function isAccessEntry(obj: JsonObject): boolean {
  return obj.kind === 'AccessEntry' && typeof obj.apiVersion === 'string' && obj.apiVersion.startsWith(ACK_EKS_API_VERSION.split('/')[0]!);
}

/** Every mapping of every AccessEntry and aws-auth ConfigMap among `inputs`. */
export function readIdentityMappings(inputs: readonly RbacInput[]): IdentityMappings {
  const out: IdentityMappings = { mappings: [], problems: [] };
  for (const input of inputs) {
    if (isAccessEntry(input.object)) readAccessEntry(input, out);
    else if (isAwsAuth(input.object)) readAwsAuth(input, out);
  }
  return out;
}

function where(obj: JsonObject): { kind: string; name: string; namespace: string } {
  const meta = isObject(obj.metadata) ? obj.metadata : {};
  return { kind: String(obj.kind), name: str(meta.name), namespace: str(meta.namespace) };
}

function readAccessEntry(input: RbacInput, out: IdentityMappings): void {
  const object = where(input.object);
  const origin = input.origin ? { origin: input.origin } : {};
  const spec = isObject(input.object.spec) ? input.object.spec : {};
  const arn = str(spec.principalARN);
  if (arn === '') {
    out.problems.push({ code: 'ACCESS_ENTRY_INVALID', message: `AccessEntry ${object.name} has no spec.principalARN`, object, ...origin });
    return;
  }
  const policies = (isArray(spec.accessPolicies) ? spec.accessPolicies : []).filter(isObject).map(readAssociation);
  out.mappings.push({
    source: 'access-entry',
    arn,
    username: str(spec.username),
    groups: strings(spec.kubernetesGroups),
    policies,
    entryType: str(spec.type) || 'STANDARD',
    object,
    ...origin,
  });
}

function readAssociation(obj: JsonObject): AccessPolicyAssociation {
  const scope = isObject(obj.accessScope) ? obj.accessScope : {};
  const type = scope.type === 'namespace' ? 'namespace' : 'cluster';
  return { policyARN: str(obj.policyARN), accessScope: type === 'namespace' ? { type, namespaces: strings(scope.namespaces) } : { type } };
}

const SECTIONS: [string, MappingSource, string][] = [
  ['mapRoles', 'aws-auth/mapRoles', 'rolearn'],
  ['mapUsers', 'aws-auth/mapUsers', 'userarn'],
];

function readAwsAuth(input: RbacInput, out: IdentityMappings): void {
  const object = where(input.object);
  const origin = input.origin ? { origin: input.origin } : {};
  const data = isObject(input.object.data) ? input.object.data : {};
  const problem = (code: MappingProblem['code'], message: string): void => void out.problems.push({ code, message, object, ...origin });
  for (const [key, source, arnKey] of SECTIONS) {
    const entries = yamlList(data[key], `aws-auth ${key}`, problem);
    for (const entry of entries) {
      if (!isObject(entry) || str(entry[arnKey]) === '') {
        problem('ACCESS_AWS_AUTH_INVALID', `aws-auth ${key}: an entry without ${arnKey}`);
        continue;
      }
      const arn = str(entry[arnKey]);
      if (source === 'aws-auth/mapRoles' && /:role\/.+\//.test(arn)) {
        problem('ACCESS_AWS_AUTH_ROLE_PATH', `aws-auth mapRoles: ${arn} contains a path; aws-iam-authenticator matches role ARNs without their path, so this entry never matches`);
      }
      out.mappings.push({ source, arn, username: str(entry.username), groups: strings(entry.groups), policies: [], object, ...origin });
    }
  }
  for (const account of yamlList(data.mapAccounts, 'aws-auth mapAccounts', problem)) {
    const id = typeof account === 'string' || typeof account === 'number' ? String(account) : '';
    if (id !== '') out.mappings.push({ source: 'aws-auth/mapAccounts', arn: id, username: '', groups: [], policies: [], object, ...origin });
  }
}

function yamlList(value: JsonValue | undefined, what: string, problem: (code: MappingProblem['code'], message: string) => void): JsonValue[] {
  if (typeof value !== 'string' || value.trim() === '') return [];
  try {
    const docs = parseDocuments(value, what);
    const list = docs[0]?.value;
    if (isArray(list)) return list;
    problem('ACCESS_AWS_AUTH_INVALID', `${what} is not a YAML list`);
  } catch (err) {
    if (!(err instanceof DiagnosticError)) throw err;
    problem('ACCESS_AWS_AUTH_INVALID', `${what} is not valid YAML: ${err.diagnostics[0]?.message ?? ''}`);
  }
  return [];
}

function str(value: JsonValue | undefined): string {
  return typeof value === 'string' ? value : '';
}

function strings(value: JsonValue | undefined): string[] {
  return isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
