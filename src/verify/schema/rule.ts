/**
 * The `hm/schema` verify rule: every rendered object is validated against
 * the Kubernetes schema (built-in kinds) or the CRD in the same set that
 * defines it; each problem becomes a Finding `hm/schema/<code>`.
 */
import type { Resource } from '../../core/resource.js';
import { findingFor, type Finding } from '../finding.js';
import type { Rule, VerifyContext } from '../rule.js';
import { builtinSchemas, type BuiltinSchemas } from './builtin.js';
import { SchemaIndex } from './schema-index.js';
import { validateObject } from './validate.js';

export const SCHEMA_RULE_ID = 'hm/schema';
export const SCHEMA_CATEGORY = 'schema';

export interface SchemaRuleOptions {
  /**
   * Kubernetes version of the cluster the objects are for (`1.30`). Fields and
   * enum values unknown to the (older) built-in data are then reported as info.
   */
  kubernetesVersion?: string;
  builtin?: BuiltinSchemas;
}

export function schemaRule(options: SchemaRuleOptions = {}): Rule {
  const builtin = options.builtin ?? builtinSchemas();
  // One index per rendered set: its CRDs are collected once, not per object.
  const indexes = new WeakMap<readonly Resource[], SchemaIndex>();
  const indexFor = (context: VerifyContext): SchemaIndex => {
    let index = indexes.get(context.resources);
    if (!index) {
      index = SchemaIndex.forObjects(context.resources.map((r) => r.obj), builtin);
      indexes.set(context.resources, index);
    }
    return index;
  };
  const validateOptions = options.kubernetesVersion === undefined ? {} : { kubernetesVersion: options.kubernetesVersion };
  return {
    id: SCHEMA_RULE_ID,
    category: SCHEMA_CATEGORY,
    severity: 'error',
    description: `Objects must match the Kubernetes ${builtin.version} schema or their CRD's schema: known fields, right types, required fields.`,
    check(resource: Resource, context: VerifyContext): Finding[] {
      return validateObject(resource.obj, indexFor(context), validateOptions).map((problem) =>
        findingFor(resource, {
          ruleId: `${SCHEMA_RULE_ID}/${problem.code}`,
          severity: problem.severity,
          category: SCHEMA_CATEGORY,
          path: problem.path,
          message: problem.message,
          remediation: problem.hint,
        }),
      );
    },
  };
}
