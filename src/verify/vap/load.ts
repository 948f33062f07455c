/**
 * Loading admission policies: picks ValidatingAdmissionPolicy and binding
 * objects out of a set of resources (the estate's `policies/` directory
 * and rendered output alike), reads and validates them, and compiles every
 * expression once for a Kubernetes version. Problems become diagnostics
 * with the policy file, line and YAML path (`spec.validations[2].expression`).
 */
import { diag, warning, type Diagnostic } from '../../core/diagnostic.js';
import type { Resource } from '../../core/resource.js';
import { formatFieldPath, type FieldPath } from '../finding.js';
import { formatKubeVersion, kubeVersionOr } from '../cel/index.js';
import { VapCode } from './codes.js';
import { compilePolicy, type CompiledExpression, type CompiledPolicy } from './compile.js';
import { ADMISSION_GROUP, BINDING_KIND, POLICY_KIND, readBinding, readPolicy, SUPPORTED_VERSIONS } from './parse.js';
import type { Problem } from './read.js';
import type { AdmissionPolicy, PolicyBinding } from './types.js';

export type Locate = (resource: Resource, path: FieldPath) => { line: number; column?: number } | undefined;

export interface LoadOptions {
  /** Version whose CEL environment compiles the expressions; unset means the newest modelled. */
  kubernetesVersion?: string;
  /** Finds the line of a field in its source file; without it, diagnostics point at the document's first line. */
  locate?: Locate;
}

export interface PolicySet {
  readonly policies: readonly AdmissionPolicy[];
  readonly bindings: readonly PolicyBinding[];
  readonly diagnostics: readonly Diagnostic[];
  /** The policies compiled for `kubernetesVersion` (cached per minor version). */
  compiledFor(kubernetesVersion: string | undefined): ReadonlyMap<string, CompiledPolicy>;
  /** Compile problems already reported as diagnostics, so evaluation reports only new ones. */
  isReported(policy: string, problem: CompiledExpression): boolean;
}

/** The field's line, or its nearest existing parent's (a missing field is added there). */
function nearest(resource: Resource, path: FieldPath, locate: Locate | undefined) {
  if (!locate) return undefined;
  for (let n = path.length; n >= 0; n--) {
    const at = locate(resource, path.slice(0, n));
    if (at) return at;
  }
  return undefined;
}

function where(resource: Resource, path: FieldPath, locate: Locate | undefined) {
  const at = nearest(resource, path, locate);
  const loc: { file: string; line: number; column?: number; yamlPath?: string } = { file: resource.origin.file, line: at?.line ?? resource.origin.line };
  if (at?.column !== undefined) loc.column = at.column;
  if (path.length > 0) loc.yamlPath = formatFieldPath(path);
  return loc;
}

function isAdmissionObject(r: Resource): boolean {
  return r.id.group === ADMISSION_GROUP && (r.kind === POLICY_KIND || r.kind === BINDING_KIND);
}

export function compileKey(policy: string, problem: CompiledExpression): string {
  return `${policy}\u0000${problem.source.yamlPath}\u0000${problem.error}`;
}

export function loadPolicies(resources: readonly Resource[], options: LoadOptions = {}): PolicySet {
  const diagnostics: Diagnostic[] = [];
  const policies = new Map<string, AdmissionPolicy>();
  const bindings = new Map<string, PolicyBinding>();
  const report = (code: string, resource: Resource, problems: readonly Problem[]) => {
    for (const p of problems) diagnostics.push(diag(code, `${resource.kind} ${resource.name || '(unnamed)'}: ${p.message}`, where(resource, p.path, options.locate)));
  };
  for (const resource of resources.filter(isAdmissionObject)) {
    if (!SUPPORTED_VERSIONS.includes(resource.id.version)) {
      diagnostics.push(warning(VapCode.UnsupportedVersion, `${resource.kind} ${resource.name}: ${ADMISSION_GROUP}/${resource.id.version} is not read; use v1`, where(resource, ['apiVersion'], options.locate)));
      continue;
    }
    const isPolicy = resource.kind === POLICY_KIND;
    const { reader, ...read } = isPolicy ? readPolicy(resource) : readBinding(resource);
    const item = 'policy' in read ? read.policy : read.binding;
    if (reader.problems.length > 0) {
      report(isPolicy ? VapCode.InvalidPolicy : VapCode.InvalidBinding, resource, reader.problems);
      continue;
    }
    const map: Map<string, AdmissionPolicy | PolicyBinding> = isPolicy ? policies : bindings;
    if (map.has(item.name)) {
      diagnostics.push(diag(VapCode.Duplicate, `${resource.kind} ${item.name} is defined more than once`, where(resource, ['metadata', 'name'], options.locate)));
      continue;
    }
    map.set(item.name, item);
  }
  for (const binding of bindings.values()) {
    if (!policies.has(binding.policyName)) {
      diagnostics.push(warning(VapCode.UnknownPolicy, `binding ${binding.name} refers to policy ${binding.policyName}, which is not defined; it has no effect`, where(binding.resource, ['spec', 'policyName'], options.locate)));
    }
  }
  const bound = new Set([...bindings.values()].map((b) => b.policyName));
  for (const policy of policies.values()) {
    if (!bound.has(policy.name)) diagnostics.push(warning(VapCode.Unbound, `policy ${policy.name} has no binding; it is never evaluated`, where(policy.resource, ['metadata', 'name'], options.locate)));
  }

  const cache = new Map<string, Map<string, CompiledPolicy>>();
  const compiledFor = (version: string | undefined) => {
    const key = formatKubeVersion(kubeVersionOr(version));
    let compiled = cache.get(key);
    if (!compiled) {
      compiled = new Map([...policies.values()].map((p) => [p.name, compilePolicy(p, version)]));
      cache.set(key, compiled);
    }
    return compiled;
  };
  const reported = new Set<string>();
  for (const compiled of compiledFor(options.kubernetesVersion).values()) {
    for (const problem of compiled.problems) {
      reported.add(compileKey(compiled.policy.name, problem));
      diagnostics.push(diag(VapCode.CompileError, `policy ${compiled.policy.name}: ${problem.error}`, where(compiled.policy.resource, problem.source.path, options.locate)));
    }
  }
  return {
    policies: [...policies.values()],
    bindings: [...bindings.values()],
    diagnostics,
    compiledFor,
    isReported: (policy, problem) => reported.has(compileKey(policy, problem)),
  };
}
