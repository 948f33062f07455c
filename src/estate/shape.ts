import { isObject, type JsonObject, type JsonValue } from '../core/json.js';
import type { DocChecker, YamlPath } from './checker.js';
import { EstateCode } from './codes.js';
import { didYouMean } from './suggest.js';

/** A problem a value check found; reported at the value's position. */
export interface Problem {
  code: string;
  message: string;
  hint?: string;
}

/**
 * Declarative shapes for the estate's YAML files. `readShape` walks a value
 * against a shape, reports every problem, and returns the value with the
 * invalid parts pruned, so later checks never trip over the same mistake twice.
 */
export type Shape =
  | { type: 'string'; code?: string; hint?: string; check?: (value: string) => Problem | undefined }
  | { type: 'integer'; code?: string; min?: number }
  | { type: 'enum'; code: string; values: readonly string[] }
  | { type: 'object'; code?: string; fields: Record<string, Field>; check?: (value: JsonObject) => Problem | undefined }
  | { type: 'map'; values: Shape; key?: (key: string) => Problem | undefined }
  | { type: 'list'; items: Shape }
  | { type: 'nullable'; shape: Shape }
  | { type: 'any' };

export interface Field {
  shape: Shape;
  required?: boolean;
}

/** Marks a value that failed its shape (already reported). */
export const INVALID = Symbol('invalid');
export type Read = JsonValue | typeof INVALID;

export function readShape(value: JsonValue, shape: Shape, path: YamlPath, c: DocChecker): Read {
  switch (shape.type) {
    case 'any':
      return value;
    case 'nullable':
      return value === null ? null : readShape(value, shape.shape, path, c);
    case 'string':
      return readString(value, shape, path, c);
    case 'integer':
      return readInteger(value, shape, path, c);
    case 'enum':
      return readEnum(value, shape, path, c);
    case 'object':
      return readObject(value, shape, path, c);
    case 'map':
      return readMap(value, shape, path, c);
    case 'list':
      return readList(value, shape, path, c);
  }
}

function typeName(value: JsonValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (isObject(value)) return 'a mapping';
  if (typeof value === 'bigint') return 'a number';
  return `a ${typeof value}`;
}

function wrongType(value: JsonValue, expected: string, code: string | undefined, path: YamlPath, c: DocChecker, hint?: string): typeof INVALID {
  c.report(code ?? EstateCode.BadType, `expected ${expected}, found ${typeName(value)}`, path, hint);
  return INVALID;
}

/** A number or bool where a string belongs is nearly always a value that needed quotes. */
function quoteHint(value: JsonValue): string | undefined {
  // A float's source text is lost (1.30 reads as 1.3), so only exact forms get an example.
  const exact = typeof value === 'boolean' || typeof value === 'bigint' || (typeof value === 'number' && Number.isInteger(value));
  if (exact) return `quote the value to make it a string, e.g. "${String(value)}"`;
  return typeof value === 'number' ? 'quote the value to make it a string' : undefined;
}

function checked(problem: Problem | undefined, value: JsonValue, path: YamlPath, c: DocChecker): Read {
  if (!problem) return value;
  c.report(problem.code, problem.message, path, problem.hint);
  return INVALID;
}

function readString(value: JsonValue, shape: Extract<Shape, { type: 'string' }>, path: YamlPath, c: DocChecker): Read {
  if (typeof value !== 'string') return wrongType(value, 'a string', shape.code, path, c, shape.hint ?? quoteHint(value));
  return checked(shape.check?.(value), value, path, c);
}

function readInteger(value: JsonValue, shape: Extract<Shape, { type: 'integer' }>, path: YamlPath, c: DocChecker): Read {
  if (typeof value !== 'number' || !Number.isInteger(value)) return wrongType(value, 'an integer', shape.code, path, c);
  if (shape.min !== undefined && value < shape.min) {
    c.report(shape.code ?? EstateCode.BadValue, `must be at least ${shape.min}, found ${value}`, path);
    return INVALID;
  }
  return value;
}

function readEnum(value: JsonValue, shape: Extract<Shape, { type: 'enum' }>, path: YamlPath, c: DocChecker): Read {
  const allowed = shape.values.join(' | ');
  if (typeof value !== 'string') return wrongType(value, `one of ${allowed}`, shape.code, path, c);
  if (shape.values.includes(value)) return value;
  c.report(shape.code, `must be one of ${allowed}, found ${JSON.stringify(value)}`, path, didYouMean(value, shape.values));
  return INVALID;
}

function readObject(value: JsonValue, shape: Extract<Shape, { type: 'object' }>, path: YamlPath, c: DocChecker): Read {
  if (!isObject(value)) return wrongType(value, 'a mapping', shape.code, path, c);
  const out: JsonObject = {};
  let valid = true;
  let clean = true; // the object-level check only runs on fields that were fine, or it would repeat their problem
  for (const [key, field] of Object.entries(value)) {
    const spec = shape.fields[key];
    if (!spec) {
      c.report(EstateCode.UnknownField, `unknown field ${JSON.stringify(key)}`, [...path, key], didYouMean(key, Object.keys(shape.fields)));
      continue;
    }
    if (field === null && spec.shape.type !== 'nullable') continue; // `key:` with no value reads as absent
    const read = readShape(field, spec.shape, [...path, key], c);
    if (read !== INVALID) out[key] = read;
    else {
      clean = false;
      if (spec.required) valid = false;
    }
  }
  for (const [key, spec] of Object.entries(shape.fields)) {
    if (spec.required && (value[key] === undefined || value[key] === null)) {
      c.report(EstateCode.MissingField, `missing required field ${JSON.stringify(key)}`, [...path, key]);
      valid = false;
    }
  }
  if (!valid) return INVALID;
  return clean ? checked(shape.check?.(out), out, path, c) : out;
}

function readMap(value: JsonValue, shape: Extract<Shape, { type: 'map' }>, path: YamlPath, c: DocChecker): Read {
  if (!isObject(value)) return wrongType(value, 'a mapping', undefined, path, c);
  const out: JsonObject = {};
  for (const [key, entry] of Object.entries(value)) {
    const keyProblem = shape.key?.(key);
    if (keyProblem) {
      c.report(keyProblem.code, keyProblem.message, [...path, key], keyProblem.hint);
      continue;
    }
    const read = readShape(entry, shape.values, [...path, key], c);
    if (read !== INVALID) out[key] = read;
  }
  return out;
}

function readList(value: JsonValue, shape: Extract<Shape, { type: 'list' }>, path: YamlPath, c: DocChecker): Read {
  if (!Array.isArray(value)) return wrongType(value, 'a list', undefined, path, c);
  // Invalid items become null rather than disappearing, so indexes still point at the file.
  return value.map((item, i) => {
    const read = readShape(item, shape.items, [...path, i], c);
    return read === INVALID ? null : read;
  });
}
