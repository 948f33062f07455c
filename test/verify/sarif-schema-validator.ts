/**
 * A small JSON Schema (draft-07) validator covering exactly the keywords
 * the SARIF 2.1.0 schema uses: $ref (local), type, properties,
 * additionalProperties, required, items, enum, minimum, maximum, minItems,
 * uniqueItems, pattern, format (uri, uri-reference, date-time), anyOf,
 * oneOf. Annotations (title, description, default, $id, $schema) are
 * ignored. It refuses a schema that uses any other keyword, so a test
 * cannot pass by silently skipping a rule.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: Json };

const ANNOTATIONS = new Set(['title', 'description', 'default', '$id', '$schema', 'definitions']);
const ASSERTIONS = new Set([
  '$ref', 'type', 'properties', 'additionalProperties', 'required', 'items', 'enum', 'minimum', 'maximum',
  'minItems', 'uniqueItems', 'pattern', 'format', 'anyOf', 'oneOf',
]);

export interface SchemaError {
  path: string;
  message: string;
}

export function validateAgainst(root: Schema, value: Json): SchemaError[] {
  checkKeywords(root);
  const errors: SchemaError[] = [];
  validate(root, root, value, '$', errors);
  return errors;
}

function checkKeywords(schema: Json): void {
  if (Array.isArray(schema)) return schema.forEach(checkKeywords);
  if (schema === null || typeof schema !== 'object') return;
  for (const [key, sub] of Object.entries(schema)) {
    if (!ANNOTATIONS.has(key) && !ASSERTIONS.has(key)) throw new Error(`unsupported schema keyword ${key}`);
    if (key === 'properties' || key === 'definitions') Object.values(sub as Schema).forEach(checkKeywords);
    else if (key !== 'enum' && key !== 'default' && key !== 'required') checkKeywords(sub);
  }
}

function resolve(root: Schema, ref: string): Schema {
  if (!ref.startsWith('#/')) throw new Error(`only local $ref is supported: ${ref}`);
  let node: Json = root;
  for (const part of ref.slice(2).split('/')) node = (node as Schema)[part.replace(/~1/g, '/').replace(/~0/g, '~')] ?? null;
  if (node === null || typeof node !== 'object' || Array.isArray(node)) throw new Error(`unresolved $ref ${ref}`);
  return node;
}

function typeOf(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function hasType(value: Json, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

const FORMATS: Record<string, RegExp> = {
  uri: /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/,
  'uri-reference': /^(?:[^\s%]|%[0-9A-Fa-f]{2})*$/,
  'date-time': /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/,
};

function canonical(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k]!)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function validate(root: Schema, schema: Schema, value: Json, path: string, errors: SchemaError[]): void {
  const fail = (message: string): void => {
    errors.push({ path, message });
  };
  if (typeof schema.$ref === 'string') validate(root, resolve(root, schema.$ref), value, path, errors);
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => hasType(value, t))) return fail(`expected ${types.join(' or ')}, got ${typeOf(value)}`);
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => canonical(e) === canonical(value))) fail(`not one of ${JSON.stringify(schema.enum)}`);
  validateScalar(schema, value, fail);
  if (Array.isArray(value)) validateArray(root, schema, value, path, errors);
  else if (value !== null && typeof value === 'object') validateObject(root, schema, value, path, errors);
  validateCombinators(root, schema, value, path, errors);
}

function validateScalar(schema: Schema, value: Json, fail: (message: string) => void): void {
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) fail(`below minimum ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) fail(`above maximum ${schema.maximum}`);
  }
  if (typeof value === 'string') {
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) fail(`does not match ${schema.pattern}`);
    const format = typeof schema.format === 'string' ? FORMATS[schema.format] : undefined;
    if (format && !format.test(value)) fail(`not a valid ${String(schema.format)}`);
  }
}

function validateArray(root: Schema, schema: Schema, value: Json[], path: string, errors: SchemaError[]): void {
  if (typeof schema.minItems === 'number' && value.length < schema.minItems) errors.push({ path, message: `fewer than ${schema.minItems} items` });
  if (schema.uniqueItems === true && new Set(value.map(canonical)).size !== value.length) errors.push({ path, message: 'items are not unique' });
  if (schema.items && typeof schema.items === 'object' && !Array.isArray(schema.items)) {
    value.forEach((item, i) => validate(root, schema.items as Schema, item, `${path}[${i}]`, errors));
  }
}

function validateObject(root: Schema, schema: Schema, value: { [key: string]: Json }, path: string, errors: SchemaError[]): void {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  for (const key of Array.isArray(schema.required) ? (schema.required as string[]) : []) {
    if (!(key in value)) errors.push({ path, message: `missing required property ${key}` });
  }
  for (const [key, item] of Object.entries(value)) {
    const sub = properties[key];
    if (sub) validate(root, sub, item, `${path}.${key}`, errors);
    else if (schema.additionalProperties === false) errors.push({ path, message: `unexpected property ${key}` });
    else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
      validate(root, schema.additionalProperties as Schema, item, `${path}.${key}`, errors);
    }
  }
}

function validateCombinators(root: Schema, schema: Schema, value: Json, path: string, errors: SchemaError[]): void {
  const passes = (sub: Json): boolean => {
    const inner: SchemaError[] = [];
    validate(root, sub as Schema, value, path, inner);
    return inner.length === 0;
  };
  if (Array.isArray(schema.anyOf) && !schema.anyOf.some(passes)) errors.push({ path, message: 'matches none of anyOf' });
  if (Array.isArray(schema.oneOf) && schema.oneOf.filter(passes).length !== 1) errors.push({ path, message: 'does not match exactly one of oneOf' });
}
