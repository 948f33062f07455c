/**
 * A verify rule is a small, same-shaped unit: an id, a category, a default
 * severity and a pure `check` over one resource. Rules are collected in a
 * registry and run over a whole rendered set at once.
 */
import type { JsonObject } from '../core/json.js';
import type { Resource } from '../core/resource.js';
import { compareFindings, type Finding, type Severity } from './finding.js';

/** What a rule may know beyond the resource it checks: the rest of the rendered set. */
export interface VerifyContext {
  readonly resources: readonly Resource[];
  /** Namespace objects in the set, by name (cluster-scoped `v1/Namespace`). */
  readonly namespaces: ReadonlyMap<string, JsonObject>;
  /** The target cluster's Kubernetes version (`1.30`, `v1.30.2`); unset means "assume the newest". */
  readonly kubernetesVersion?: string;
  /** Image registries (or registry/path prefixes) images may come from; unset or empty disables the check. */
  readonly allowedRegistries?: readonly string[];
  /** Name of the cluster the set was rendered for, for messages. */
  readonly clusterName?: string;
}

/** The optional facts a caller may add to a VerifyContext. */
export type VerifyContextOptions = Pick<VerifyContext, 'kubernetesVersion' | 'allowedRegistries' | 'clusterName'>;

export interface Rule {
  /** Stable id (or id prefix, for rules that report several sub-checks). */
  readonly id: string;
  readonly category: string;
  readonly severity: Severity;
  readonly description: string;
  /** How to fix what the rule reports, in general terms (findings carry a specific one). */
  readonly remediation?: string;
  check(resource: Resource, context: VerifyContext): Finding[];
}

export function createVerifyContext(resources: readonly Resource[], options: VerifyContextOptions = {}): VerifyContext {
  const namespaces = new Map<string, JsonObject>();
  for (const r of resources) {
    if (r.kind === 'Namespace' && r.id.group === '' && r.name !== '') namespaces.set(r.name, r.obj);
  }
  return { ...options, resources, namespaces };
}

export class RuleRegistry {
  private readonly rules = new Map<string, Rule>();

  register(rule: Rule): this {
    if (this.rules.has(rule.id)) throw new Error(`verify rule registered twice: ${rule.id}`);
    this.rules.set(rule.id, rule);
    return this;
  }

  get(id: string): Rule | undefined {
    return this.rules.get(id);
  }

  list(): Rule[] {
    return [...this.rules.values()];
  }

  /** Runs every rule over every resource; findings come back in stable report order. */
  run(resources: readonly Resource[], context: VerifyContext = createVerifyContext(resources)): Finding[] {
    const findings: Finding[] = [];
    for (const resource of resources) {
      for (const rule of this.rules.values()) findings.push(...rule.check(resource, context));
    }
    return findings.sort(compareFindings);
  }
}
