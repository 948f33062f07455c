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
import type { AdmissionPolicy, PolicyBinding } from './types.js';

/** Where a field of a resource is written (the file, when given, may be a patch rather than the resource's own). */
export type Locate = (resource: Resource, path: FieldPath) => { file?: string; line: number; column?: number } | undefined;

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
  const loc: { file: string; line: number; column?: number; yamlPath?: string } = { file: at?.file ?? resource.origin.file, line: at?.line ?? resource.origin.line };
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

interface Collected {
  policies: Map<string, AdmissionPolicy>;
  bindings: Map<string, PolicyBinding>;
}

/** Reads every policy and binding; objects the apiserver would refuse are reported and left out. */
function collect(resources: readonly Resource[], options: LoadOptions, diagnostics: Diagnostic[]): Collected {
  const out: Collected = { policies: new Map(), bindings: new Map() };
  for (const resource of resources.filter(isAdmissionObject)) {
    if (!SUPPORTED_VERSIONS.includes(resource.id.version)) {
      diagnostics.push(warning(VapCode.UnsupportedVersion, `${resource.kind} ${resource.name}: ${ADMISSION_GROUP}/${resource.id.version} is not read; use v1`, where(resource, ['apiVersion'], options.locate)));
      continue;
    }
    const isPolicy = resource.kind === POLICY_KIND;
    const { reader, ...read } = isPolicy ? readPolicy(resource) : readBinding(resource);
    const item = 'policy' in read ? read.policy : read.binding;
    const code = isPolicy ? VapCode.InvalidPolicy : VapCode.InvalidBinding;
    for (const p of reader.problems) diagnostics.push(diag(code, `${resource.kind} ${resource.name || '(unnamed)'}: ${p.message}`, where(resource, p.path, options.locate)));
    if (reader.problems.length > 0) continue;
    const map: Map<string, AdmissionPolicy | PolicyBinding> = isPolicy ? out.policies : out.bindings;
    if (map.has(item.name)) diagnostics.push(diag(VapCode.Duplicate, `${resource.kind} ${item.name} is defined more than once`, where(resource, ['metadata', 'name'], options.locate)));
    else map.set(item.name, item);
  }
  return out;
}

/** Bindings without their policy, and policies without a binding, have no effect: say so. */
function crossCheck({ policies, bindings }: Collected, options: LoadOptions, diagnostics: Diagnostic[]): void {
  for (const binding of bindings.values()) {
    if (policies.has(binding.policyName)) continue;
    diagnostics.push(warning(VapCode.UnknownPolicy, `binding ${binding.name} refers to policy ${binding.policyName}, which is not defined; it has no effect`, where(binding.resource, ['spec', 'policyName'], options.locate)));
  }
  const bound = new Set([...bindings.values()].map((b) => b.policyName));
  for (const policy of policies.values()) {
    if (!bound.has(policy.name)) diagnostics.push(warning(VapCode.Unbound, `policy ${policy.name} has no binding; it is never evaluated`, where(policy.resource, ['metadata', 'name'], options.locate)));
  }
}

export function loadPolicies(resources: readonly Resource[], options: LoadOptions = {}): PolicySet {
  const diagnostics: Diagnostic[] = [];
  const collected = collect(resources, options, diagnostics);
  crossCheck(collected, options, diagnostics);
  const policies = [...collected.policies.values()];
  const cache = new Map<string, Map<string, CompiledPolicy>>();
  const compiledFor = (version: string | undefined) => {
    const key = formatKubeVersion(kubeVersionOr(version));
    let compiled = cache.get(key);
    if (!compiled) cache.set(key, (compiled = new Map(policies.map((p) => [p.name, compilePolicy(p, version)]))));
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
    policies,
    bindings: [...collected.bindings.values()],
    diagnostics,
    compiledFor,
    isReported: (policy, problem) => reported.has(compileKey(policy, problem)),
  };
}
