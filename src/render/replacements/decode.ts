import { diag, type Diagnostic } from '../../core/diagnostic.js';
import { isArray, isObject, type JsonObject, type JsonValue } from '../../core/json.js';
import { RenderCode } from '../errors.js';
import type { FieldOptions, ReplacementSource, ReplacementTarget, TargetSelect } from './types.js';

/**
 * Decodes replacement stanzas the way kustomize's Go structs do: inline entries are
 * strict (an unknown field is an error, as for the whole kustomization), entries read
 * from a `path:` file ignore unknown fields. Problems are collected, not thrown.
 */
export class ReplacementDecoder {
  readonly problems: Diagnostic[] = [];

  constructor(
    private readonly strict: boolean,
    private readonly where: (yamlPath: (string | number)[]) => { file: string; line?: number; column?: number },
  ) {}

  source(raw: JsonValue | undefined, path: (string | number)[]): ReplacementSource | undefined {
    const obj = this.object(raw, path, ['group', 'version', 'kind', 'name', 'namespace', 'fieldPath', 'options']);
    if (!obj) return undefined;
    const out: ReplacementSource = this.ids(obj, path);
    const fieldPath = this.string(obj.fieldPath, [...path, 'fieldPath']);
    if (fieldPath !== undefined) out.fieldPath = fieldPath;
    const options = this.options(obj.options, [...path, 'options']);
    if (options) out.options = options;
    return out;
  }

  targets(raw: JsonValue | undefined, path: (string | number)[]): ReplacementTarget[] | undefined {
    if (raw === undefined || raw === null) return undefined;
    if (!isArray(raw)) return this.badType(path, 'a list of targets');
    return raw.flatMap((t, i) => {
      const target = this.target(t, [...path, i]);
      return target ? [target] : [];
    });
  }

  private target(raw: JsonValue, path: (string | number)[]): ReplacementTarget | undefined {
    const obj = this.object(raw, path, ['select', 'reject', 'fieldPaths', 'options']);
    if (!obj) return undefined;
    const select = this.select(obj.select, [...path, 'select']);
    if (!select) {
      this.problem(RenderCode.ReplacementInvalid, 'target must specify resources to select', path);
      return undefined;
    }
    const reject = this.list(obj.reject, [...path, 'reject'], (r, p) => this.select(r, p));
    const fieldPaths = this.list(obj.fieldPaths, [...path, 'fieldPaths'], (f, p) => this.string(f, p));
    const target: ReplacementTarget = { select, reject, fieldPaths };
    const options = this.options(obj.options, [...path, 'options']);
    if (options) target.options = options;
    return target;
  }

  private select(raw: JsonValue | undefined, path: (string | number)[]): TargetSelect | undefined {
    const fields = ['group', 'version', 'kind', 'name', 'namespace', 'labelSelector', 'annotationSelector'];
    const obj = this.object(raw, path, fields);
    if (!obj) return undefined;
    const out: TargetSelect = this.ids(obj, path);
    for (const key of ['labelSelector', 'annotationSelector'] as const) {
      const value = this.string(obj[key], [...path, key]);
      if (value) out[key] = value;
    }
    return out;
  }

  private ids(obj: JsonObject, path: (string | number)[]): TargetSelect {
    const out: TargetSelect = {};
    for (const key of ['group', 'version', 'kind', 'name', 'namespace'] as const) {
      const value = this.string(obj[key], [...path, key]);
      if (value) out[key] = value;
    }
    return out;
  }

  private options(raw: JsonValue | undefined, path: (string | number)[]): FieldOptions | undefined {
    const obj = this.object(raw, path, ['delimiter', 'index', 'create', 'encoding']);
    if (!obj) return undefined;
    const out: FieldOptions = {};
    const delimiter = this.string(obj.delimiter, [...path, 'delimiter']);
    if (delimiter) out.delimiter = delimiter;
    const index = obj.index;
    if (index !== undefined && index !== null) {
      if (typeof index === 'number' && Number.isSafeInteger(index)) out.index = index;
      else this.badType([...path, 'index'], 'an integer');
    }
    const create = obj.create;
    if (create !== undefined && create !== null) {
      if (typeof create === 'boolean') out.create = create;
      else this.badType([...path, 'create'], 'a boolean');
    }
    // `encoding` is accepted by kustomize 5.5 and has no effect.
    this.string(obj.encoding, [...path, 'encoding']);
    return out;
  }

  /** A mapping with only `allowed` keys (when strict); null and absent give undefined. */
  object(raw: JsonValue | undefined, path: (string | number)[], allowed: string[]): JsonObject | undefined {
    if (raw === undefined || raw === null) return undefined;
    if (!isObject(raw)) return this.badType(path, 'a mapping');
    if (this.strict) {
      for (const key of Object.keys(raw)) {
        if (!allowed.includes(key)) this.problem(RenderCode.UnknownField, `unknown field "${key}"`, [...path, key]);
      }
    }
    return raw;
  }

  private string(raw: JsonValue | undefined, path: (string | number)[]): string | undefined {
    if (raw === undefined || raw === null) return undefined;
    if (typeof raw !== 'string') return this.badType(path, 'a string');
    return raw;
  }

  private list<T>(raw: JsonValue | undefined, path: (string | number)[], item: (v: JsonValue, p: (string | number)[]) => T | undefined): T[] {
    if (raw === undefined || raw === null) return [];
    if (!isArray(raw)) {
      this.badType(path, 'a list');
      return [];
    }
    return raw.flatMap((v, i) => {
      const decoded = item(v, [...path, i]);
      return decoded === undefined ? [] : [decoded];
    });
  }

  private badType(path: (string | number)[], expected: string): undefined {
    this.problem(RenderCode.BadFieldType, `${formatYamlPath(path)} must be ${expected}`, path);
    return undefined;
  }

  problem(code: string, message: string, path: (string | number)[]): void {
    this.problems.push(diag(code, message, { ...this.where(path), yamlPath: formatYamlPath(path) }));
  }
}

export function formatYamlPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
