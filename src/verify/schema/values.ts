/**
 * Scalar checks the apiserver's decoder applies: which JSON types a schema
 * type accepts, resource quantity syntax, base64 `[]byte` fields, RFC 3339
 * times and integer widths.
 */
import type { JsonValue } from '../../core/json.js';
import type { NodeFormat, NodeType } from './node.js';

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

export function isInteger(value: JsonValue): boolean {
  return typeof value === 'bigint' || (typeof value === 'number' && Number.isInteger(value));
}

/** Whether a non-null value has the JSON type the schema type asks for. */
export function hasType(value: JsonValue, type: NodeType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return isInteger(value);
    case 'number':
      return typeof value === 'number' || typeof value === 'bigint';
    case 'boolean':
      return typeof value === 'boolean';
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'int-or-string':
      return typeof value === 'string' || isInteger(value);
    case 'quantity':
      // A YAML number decodes as the quantity it spells (`cpu: 1`, `cpu: 0.5`).
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint';
  }
}

/**
 * resource.ParseQuantity's grammar: optional sign, digits with an optional
 * fraction, then a decimal SI suffix, a binary SI suffix or a decimal exponent.
 */
const QUANTITY = /^[+-]?\d*(?:\.\d*)?(?:[numkMGTPE]|[KMGTPE]i|[eE][+-]?\d+)?$/;
/** encoding/json's []byte: standard base64 with padding; line breaks are skipped. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** time.RFC3339 as Go parses it (fractional seconds allowed). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Why a well-typed value is still rejected by the decoder, or undefined when it is fine. */
export function scalarProblem(value: JsonValue, type: NodeType, format: NodeFormat | undefined): string | undefined {
  if (type === 'quantity' && typeof value === 'string') {
    return value !== '' && QUANTITY.test(value) ? undefined : `${JSON.stringify(value)} is not a valid quantity`;
  }
  if (format === 'byte' && typeof value === 'string') {
    return BASE64.test(value.replace(/[\r\n]/g, '')) ? undefined : 'not valid base64 data';
  }
  if (format === 'date-time' && typeof value === 'string') {
    return value === '' || DATE_TIME.test(value) ? undefined : `${JSON.stringify(value)} is not an RFC 3339 time`;
  }
  if (type === 'integer' || type === 'int-or-string') return integerRangeProblem(value, type === 'int-or-string' ? 'int32' : format);
  return undefined;
}

function integerRangeProblem(value: JsonValue, format: NodeFormat | undefined): string | undefined {
  if (typeof value === 'number' && format === 'int32' && (value < INT32_MIN || value > INT32_MAX)) return `${value} does not fit in a 32-bit integer`;
  if (typeof value === 'bigint' && (format === 'int32' || value < INT64_MIN || value > INT64_MAX)) {
    return `${value} does not fit in a ${format === 'int32' ? 32 : 64}-bit integer`;
  }
  return undefined;
}

const TYPE_NAMES: Record<NodeType, string> = {
  string: 'string',
  integer: 'integer',
  number: 'number',
  boolean: 'boolean',
  object: 'object',
  array: 'list',
  'int-or-string': 'integer or string',
  quantity: 'quantity (such as 500m or 1Gi)',
};

export function typeName(type: NodeType): string {
  return TYPE_NAMES[type];
}

/** A value as YAML-ish text for messages; JSON.stringify cannot print bigints. */
export function showValue(value: JsonValue): string {
  return typeof value === 'bigint' ? String(value) : JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
}

/** `string "8080"`, `number 3.5`, `list`, … for messages. */
export function describeValue(value: JsonValue): string {
  if (typeof value === 'string') return `string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number' || typeof value === 'bigint') return `${isInteger(value) ? 'integer' : 'number'} ${value}`;
  if (typeof value === 'boolean') return `boolean ${value}`;
  if (Array.isArray(value)) return 'list';
  return value === null ? 'null' : 'object';
}
