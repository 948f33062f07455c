/**
 * Scalar resolution with the rules of the YAML library kustomize reads with
 * (yaml.v3): YAML 1.2-style booleans and nulls, but Go's permissive integer
 * syntax (0x, 0o, 0b, leading-zero octal, `_` separators), Go floats, and
 * unquoted timestamps.
 */
import type { JsonScalar } from '../core/json.js';
import { resolveTimestamp } from './timestamp.js';
import { fitsGoInt, INT64_MAX, parseGoInt } from './go-int.js';
import { DOT_FLOAT } from './yaml11.js';

/** A scalar kustomize cannot print (±Inf, NaN) or a value a tag refuses. */
export class UnsupportedScalar {
  constructor(readonly reason: string) {}
}

export type Resolved = JsonScalar | UnsupportedScalar;

const WORDS = new Map<string, Resolved>([
  ['true', true], ['True', true], ['TRUE', true],
  ['false', false], ['False', false], ['FALSE', false],
  ['~', null], ['null', null], ['Null', null], ['NULL', null],
]);

const SPECIAL_FLOATS = new Set([
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF',
  '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
]);

// The usual integer (ports, counts): exact as a double, no octal or sign subtleties.
const SMALL_DECIMAL = /^(?:-?[1-9][0-9]{0,14}|0)$/;

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** bigint to the JSON model: a number when exactly representable, else the bigint. */
function intValue(v: bigint): number | bigint {
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

/** Go's ParseFloat on text already known to be a decimal literal; undefined on overflow. */
function parseGoFloat(text: string): number | undefined {
  const v = Number(text);
  return Number.isFinite(v) ? v : undefined;
}

function resolveNumberLike(plain: string, allowTimestamp: boolean): Resolved {
  if (allowTimestamp) {
    const ts = resolveTimestamp(plain);
    if (ts !== undefined) return ts;
  }
  const s = plain.includes('_') ? plain.replace(/_/g, '') : plain;
  const int = parseGoInt(s);
  if (int && fitsGoInt(int)) return intValue(int.value);
  if (YAML_STYLE_FLOAT.test(s)) {
    const f = parseGoFloat(s);
    if (f !== undefined) return f;
  }
  return plain;
}

/** Resolves an untagged plain scalar (tag '' or '!' in yaml.v3 terms). */
export function resolvePlain(text: string, allowTimestamp = true): Resolved {
  if (text === '') return null;
  const c = text.charCodeAt(0);
  // Digits and signs: numbers and timestamps.
  if ((c >= 48 && c <= 57) || c === 43 || c === 45) {
    if (SMALL_DECIMAL.test(text)) return Number(text);
    if (SPECIAL_FLOATS.has(text)) return new UnsupportedScalar(`${text} cannot be printed`);
    return resolveNumberLike(text, allowTimestamp);
  }
  if (c === 46) {
    if (SPECIAL_FLOATS.has(text)) return new UnsupportedScalar(`${text} cannot be printed`);
    if (DOT_FLOAT.test(text)) return parseGoFloat(text.replace(/_/g, '')) ?? text;
    return text;
  }
  const word = WORDS.get(text);
  return word === undefined ? text : word;
}

const TAG_PREFIX = 'tag:yaml.org,2002:';

/** Resolves a scalar carrying an explicit tag (already expanded, e.g. `tag:yaml.org,2002:int`). */
export function resolveTagged(tag: string, text: string): Resolved {
  if (tag === '!') return resolvePlain(text);
  if (!tag.startsWith(TAG_PREFIX)) return text;
  const name = tag.slice(TAG_PREFIX.length);
  switch (name) {
    case 'str':
      return text;
    case 'binary':
      return Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('utf8');
    case 'timestamp': {
      const ts = resolveTimestamp(text);
      return ts ?? new UnsupportedScalar(`cannot decode ${text} as a !!timestamp`);
    }
    case 'int':
    case 'float':
    case 'bool':
    case 'null':
      return resolveAs(name, text);
    default:
      return text;
  }
}

function resolveAs(name: 'int' | 'float' | 'bool' | 'null', text: string): Resolved {
  const v = resolvePlain(text, false);
  if (v instanceof UnsupportedScalar) return v;
  const refuse = new UnsupportedScalar(`cannot decode ${text} as a !!${name}`);
  switch (name) {
    case 'bool':
      return typeof v === 'boolean' ? v : refuse;
    case 'null':
      return v === null ? v : refuse;
    case 'int':
      return isIntegerResult(text, v) ? v : refuse;
    case 'float':
      if (typeof v === 'bigint') return v <= INT64_MAX ? Number(v) : refuse;
      return typeof v === 'number' ? v : refuse;
  }
}

/** Whether `v` came out of the integer branch (floats like `1.0` also give JS integers). */
function isIntegerResult(text: string, v: Resolved): boolean {
  if (typeof v === 'bigint') return true;
  if (typeof v !== 'number' || !Number.isInteger(v)) return false;
  return parseGoInt(text.replace(/_/g, '')) !== undefined;
}
