/**
 * Typed reads from a manifest with problem collection: each read names the
 * field path, so a wrong or missing field becomes one problem pointing at
 * it, and reading goes on to find the others.
 */
import { isArray, isObject, type JsonObject, type JsonValue } from '../../core/json.js';
import type { FieldPath } from '../finding.js';
import type { LabelSelector, LabelSelectorRequirement } from './types.js';

export interface Problem {
  path: FieldPath;
  message: string;
}

export class Reader {
  readonly problems: Problem[] = [];

  problem(path: FieldPath, message: string): void {
    this.problems.push({ path, message });
  }

  object(value: JsonValue | undefined, path: FieldPath, required = false): JsonObject | undefined {
    if (value === undefined || value === null) {
      if (required) this.problem(path, 'Required value');
      return undefined;
    }
    if (!isObject(value)) {
      this.problem(path, 'must be an object');
      return undefined;
    }
    return value;
  }

  list(value: JsonValue | undefined, path: FieldPath): JsonValue[] {
    if (value === undefined || value === null) return [];
    if (!isArray(value)) {
      this.problem(path, 'must be a list');
      return [];
    }
    return value;
  }

  string(value: JsonValue | undefined, path: FieldPath, required = false): string | undefined {
    if (value === undefined || value === null || value === '') {
      if (required) this.problem(path, 'Required value');
      return undefined;
    }
    if (typeof value !== 'string') {
      this.problem(path, 'must be a string');
      return undefined;
    }
    return value;
  }

  strings(value: JsonValue | undefined, path: FieldPath): string[] {
    const out: string[] = [];
    this.list(value, path).forEach((item, i) => {
      const s = typeof item === 'string' ? item : undefined;
      if (s === undefined) this.problem([...path, i], 'must be a string');
      else out.push(s);
    });
    return out;
  }

  oneOf<T extends string>(value: JsonValue | undefined, path: FieldPath, allowed: readonly T[], fallback: T): T {
    const s = this.string(value, path);
    if (s === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(s)) {
      this.problem(path, `Unsupported value: ${JSON.stringify(s)}: supported values: ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
      return fallback;
    }
    return s as T;
  }

  /** A metav1.LabelSelector; absent means the empty selector, which matches everything. */
  selector(value: JsonValue | undefined, path: FieldPath): LabelSelector {
    const obj = this.object(value, path);
    const matchLabels: Record<string, string> = {};
    const labels = this.object(obj?.matchLabels, [...path, 'matchLabels']);
    for (const [k, v] of Object.entries(labels ?? {})) {
      if (typeof v === 'string') matchLabels[k] = v;
      else this.problem([...path, 'matchLabels', k], 'must be a string');
    }
    const matchExpressions: LabelSelectorRequirement[] = [];
    this.list(obj?.matchExpressions, [...path, 'matchExpressions']).forEach((item, i) => {
      const at = [...path, 'matchExpressions', i];
      const req = this.object(item, at, true);
      if (!req) return;
      const key = this.string(req.key, [...at, 'key'], true) ?? '';
      const operator = this.oneOf(req.operator, [...at, 'operator'], ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const, 'Exists');
      const values = this.strings(req.values, [...at, 'values']);
      if ((operator === 'In' || operator === 'NotIn') && values.length === 0) this.problem([...at, 'values'], 'must be specified when `operator` is \'In\' or \'NotIn\'');
      if ((operator === 'Exists' || operator === 'DoesNotExist') && values.length > 0) this.problem([...at, 'values'], 'may not be specified when `operator` is \'Exists\' or \'DoesNotExist\'');
      matchExpressions.push({ key, operator, values });
    });
    return { matchLabels, matchExpressions };
  }
}
