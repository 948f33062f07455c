/**
 * Problems with an object's identity rather than its fields: no usable
 * apiVersion/kind, or no schema for the kind it names.
 */
import type { JsonObject } from '../../core/json.js';
import type { FieldPath } from '../finding.js';
import { SchemaCode, type SchemaProblem } from './problem.js';
import type { KindLookup, SchemaIndex } from './schema-index.js';
import { closestField } from './suggest.js';
import { describeValue } from './values.js';

/** apiVersion and kind must be non-empty strings. */
export function identityProblems(obj: JsonObject, path: FieldPath): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  for (const key of ['apiVersion', 'kind']) {
    const value = obj[key];
    if (typeof value === 'string' && value !== '') continue;
    const missing = value === undefined || value === null || value === '';
    problems.push({
      code: missing ? SchemaCode.MissingRequired : SchemaCode.WrongType,
      severity: 'error',
      path: [...path, key],
      message: missing ? `missing required field "${key}"` : `expected string, got ${describeValue(value)}`,
      hint: `Set ${key}.`,
    });
  }
  return problems;
}

/**
 * No schema: a CRD in the set lacks the version (error); a built-in group
 * version lacks the kind (a warning when it looks like a typo of one it has,
 * else info: the kind may be newer than the data); any other group is taken
 * for a custom resource whose CRD is elsewhere (info).
 */
export function noSchemaProblem(
  index: SchemaIndex,
  path: FieldPath,
  apiVersion: string,
  kind: string,
  found: Exclude<KindLookup, { status: 'found' }>,
): SchemaProblem {
  if (found.status === 'unknown-version') {
    return {
      code: SchemaCode.UnknownVersion,
      severity: 'error',
      path: [...path, 'apiVersion'],
      message: `CustomResourceDefinition ${found.crd} does not define version ${apiVersion.slice(apiVersion.indexOf('/') + 1)} of ${kind}`,
      hint: `Use one of the versions it defines: ${found.versions.join(', ')}.`,
    };
  }
  if (!index.isBuiltinApiVersion(apiVersion)) {
    return {
      code: SchemaCode.UnknownKind,
      severity: 'info',
      path,
      message: `no schema for ${apiVersion} ${kind}; a custom resource whose CRD is not in this set?`,
      hint: 'Render the CustomResourceDefinition with it to have the object validated.',
    };
  }
  const message = `${apiVersion} has no kind ${kind} in the Kubernetes ${index.dataVersion} schema`;
  const suggestion = closestField(kind, index.builtinKinds(apiVersion));
  if (suggestion) {
    const hint = `Did you mean "${suggestion.field}"?`;
    return { code: SchemaCode.UnknownKind, severity: 'warning', path: [...path, 'kind'], message, hint, suggestion: suggestion.field };
  }
  return { code: SchemaCode.UnknownKind, severity: 'info', path, message, hint: "Check apiVersion and kind against the cluster's Kubernetes version." };
}
