/**
 * Validates one rendered object against its schema the way the apiserver's
 * strict decoding would: unknown fields, wrong JSON types, malformed
 * quantities/base64/times, unsupported enum values and missing required
 * fields, each with the path of the field.
 *
 * The built-in data comes from one Kubernetes version (see dataVersion). For
 * a newer cluster, a field the data does not know may simply be newer than
 * the data, so it is reported as info (or as a warning when it looks like a
 * typo of a known field) instead of an error; enum values likewise. Kinds
 * added after the data's version are reported as unknown kinds (info).
 * Required fields under a top-level `status` are not checked: the apiserver
 * ignores status when an object is created.
 */
import { isObject, jsonEqual, type JsonObject, type JsonValue } from '../../core/json.js';
import type { Severity } from '../../core/diagnostic.js';
import type { FieldPath, PathSegment } from '../finding.js';
import { identityProblems, noSchemaProblem } from './kind-problems.js';
import type { SchemaNode } from './node.js';
import { SchemaCode, type SchemaCodeValue, type SchemaProblem } from './problem.js';
import type { SchemaIndex } from './schema-index.js';
import { closestField } from './suggest.js';
import { describeValue, hasType, scalarProblem, showValue, typeName } from './values.js';

export { SchemaCode, type SchemaCodeValue, type SchemaProblem } from './problem.js';

export interface ValidateOptions {
  /** The target cluster's Kubernetes version (`1.30`, `v1.30.2`); the data's own version when unset. */
  kubernetesVersion?: string;
}

export function validateObject(obj: JsonValue, index: SchemaIndex, options: ValidateOptions = {}): SchemaProblem[] {
  const walk = new Walk(index, newerClusterVersion(options.kubernetesVersion, index.dataVersion));
  if (isObject(obj)) walk.resource(obj);
  else walk.report(SchemaCode.WrongType, 'error', [], `expected an object, got ${describeValue(obj)}`, 'A manifest must be a mapping.');
  return walk.problems;
}

/** `1.30` when the cluster runs a newer minor version than the data, else undefined. */
export function newerClusterVersion(cluster: string | undefined, data: string): string | undefined {
  const parse = (v: string | undefined): [number, number] | undefined => {
    const m = /^v?(\d+)\.(\d+)/.exec(v ?? '');
    return m ? [Number(m[1]), Number(m[2])] : undefined;
  };
  const c = parse(cluster);
  const d = parse(data);
  if (!c || !d) return undefined;
  return c[0] > d[0] || (c[0] === d[0] && c[1] > d[1]) ? `${c[0]}.${c[1]}` : undefined;
}

class Walk {
  readonly problems: SchemaProblem[] = [];
  private readonly path: PathSegment[] = [];

  constructor(
    private readonly index: SchemaIndex,
    /** Set when the cluster is newer than the data: unknown names may be newer than the data. */
    private readonly newerCluster: string | undefined,
  ) {}

  report(code: SchemaCodeValue, severity: Severity, path: FieldPath, message: string, hint: string, suggestion?: string): void {
    const problem: SchemaProblem = { code, severity, path, message, hint };
    if (suggestion !== undefined) problem.suggestion = suggestion;
    this.problems.push(problem);
  }

  /** A whole Kubernetes object (top level, a List item, an embedded resource). */
  resource(obj: JsonObject): void {
    const { apiVersion, kind } = obj;
    if (typeof apiVersion === 'string' && apiVersion !== '' && typeof kind === 'string' && kind !== '') {
      const found = this.index.lookup(apiVersion, kind);
      if (found.status === 'found') return this.object(obj, found.node, true, true);
      this.problems.push(noSchemaProblem(this.index, [...this.path], apiVersion, kind, found));
    } else {
      this.problems.push(...identityProblems(obj, this.path));
    }
    this.field(obj, 'metadata', this.index.objectMeta(), true);
  }

  private field(obj: JsonObject, key: string, node: SchemaNode, required: boolean): void {
    const value = obj[key];
    if (value === undefined) return;
    this.path.push(key);
    this.value(value, node, required);
    this.path.pop();
  }

  /** `required` is false under a top-level status, whose required fields are not enforced. */
  private value(value: JsonValue, node: SchemaNode, required: boolean): void {
    if (value === null || node.type === undefined) return;
    if (!hasType(value, node.type)) return this.wrongType(value, node);
    if (node.type === 'object') return this.object(value as JsonObject, node, required, false);
    if (node.type === 'array') {
      if (!node.items) return;
      const items = value as JsonValue[];
      for (let i = 0; i < items.length; i++) {
        this.path.push(i);
        this.value(items[i]!, node.items, required);
        this.path.pop();
      }
      return;
    }
    const problem = scalarProblem(value, node.type, node.format);
    if (problem) this.report(SchemaCode.InvalidValue, 'error', [...this.path], problem, `Use a valid ${typeName(node.type)} value.`);
    else if (node.enum) this.checkEnum(value, node);
  }

  private object(obj: JsonObject, node: SchemaNode, required: boolean, root: boolean): void {
    if (node.byKind) return this.resource(obj);
    const properties = node.properties;
    for (const key of Object.keys(obj)) {
      const child = properties?.get(key) ?? node.additional;
      if (!child) {
        if (!node.preserveUnknown) this.unknownField(key, node);
        continue;
      }
      const value = obj[key]!;
      if (value === null || child.type === undefined) continue;
      this.path.push(key);
      this.value(value, child, required && !(root && key === 'status'));
      this.path.pop();
    }
    if (required && node.required) this.missingRequired(obj, node.required);
  }

  private missingRequired(obj: JsonObject, names: readonly string[]): void {
    for (const name of names) {
      if (obj[name] !== undefined && obj[name] !== null) continue;
      this.report(SchemaCode.MissingRequired, 'error', [...this.path, name], `missing required field "${name}"`, `Add ${name}.`);
    }
  }

  private unknownField(key: string, node: SchemaNode): void {
    const path = [...this.path, key];
    const suggestion = node.properties ? closestField(key, node.properties.keys()) : undefined;
    const didYouMean = suggestion ? ` Did you mean "${suggestion.field}"?` : '';
    // CRD schemas are exact for any cluster; a case-only difference is never a newer field.
    if (!this.newerCluster || node.origin === 'crd' || suggestion?.distance === 0) {
      return this.report(SchemaCode.UnknownField, 'error', path, `unknown field "${key}"`, `Remove the field or fix its name.${didYouMean}`, suggestion?.field);
    }
    const where = `not in the Kubernetes ${this.index.dataVersion} schema`;
    if (suggestion) {
      const message = `unknown field "${key}" (${where}; likely a typo)`;
      return this.report(SchemaCode.UnknownField, 'warning', path, message, `Fix the field name.${didYouMean}`, suggestion.field);
    }
    this.report(
      SchemaCode.UnknownField,
      'info',
      path,
      `field "${key}" is ${where}; it may have been added in a later version (the cluster runs ${this.newerCluster})`,
      `If the field is not supported by Kubernetes ${this.newerCluster}, remove it.`,
    );
  }

  private wrongType(value: JsonValue, node: SchemaNode): void {
    const expected = typeName(node.type!);
    let hint = `Use ${/^[aeiou]/.test(expected) ? 'an' : 'a'} ${expected} here.`;
    if (node.type === 'string' && (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')) {
      hint = `Quote the value so YAML reads it as a string: "${String(value)}".`;
    } else if ((node.type === 'integer' || node.type === 'number') && typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) {
      hint = `Remove the quotes: ${value}.`;
    }
    this.report(SchemaCode.WrongType, 'error', [...this.path], `expected ${expected}, got ${describeValue(value)}`, hint);
  }

  private checkEnum(value: JsonValue, node: SchemaNode): void {
    const allowed = node.enum!;
    const listed = (): string => allowed.map(showValue).join(', ');
    if (node.origin === 'crd') {
      if (allowed.some((v) => jsonEqual(v, value))) return;
      return this.report(SchemaCode.InvalidValue, 'error', [...this.path], `unsupported value ${showValue(value)}`, `Use one of ${listed()}.`);
    }
    // Built-in enums leave out the empty default and may gain values in newer releases.
    if (value === '' || allowed.includes(value)) return;
    const severity = this.newerCluster ? 'info' : 'error';
    const note = this.newerCluster ? ` in Kubernetes ${this.index.dataVersion}; newer versions may accept it` : '';
    this.report(SchemaCode.InvalidValue, severity, [...this.path], `unsupported value ${showValue(value)}${note}`, `Use one of ${listed()}.`);
  }
}
