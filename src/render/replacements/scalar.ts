import type { JsonScalar, JsonValue } from '../../core/json.js';

/**
 * Scalar typing as kyaml/yaml.v3 sees it. A replacement copies only the *text* of a
 * scalar into a scalar target, which keeps its own tag; the text is then decoded
 * against that tag when kustomize converts the node, so `"8080"` into an int field
 * becomes 8080 and `hello` into an int field is an error.
 */
export type ScalarTag = 'str' | 'int' | 'float' | 'bool' | 'null';

export class ScalarDecodeError extends Error {
  constructor(text: string, actual: ScalarTag | 'timestamp', wanted: ScalarTag) {
    super(`cannot decode !!${actual} \`${text}\` as a !!${wanted}`);
    this.name = 'ScalarDecodeError';
  }
}

export function tagOf(value: JsonScalar): ScalarTag {
  if (value === null) return 'null';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'bigint') return 'int';
  return Number.isInteger(value) ? 'int' : 'float';
}

export function isScalar(value: JsonValue | undefined): value is JsonScalar {
  return value === null || (typeof value !== 'object' && value !== undefined);
}

interface Resolved {
  tag: ScalarTag | 'timestamp';
  value: JsonScalar;
}

const FIXED: Record<string, Resolved> = {};
for (const t of ['true', 'True', 'TRUE']) FIXED[t] = { tag: 'bool', value: true };
for (const f of ['false', 'False', 'FALSE']) FIXED[f] = { tag: 'bool', value: false };
for (const n of ['', '~', 'null', 'Null', 'NULL']) FIXED[n] = { tag: 'null', value: null };
for (const n of ['.nan', '.NaN', '.NAN']) FIXED[n] = { tag: 'float', value: Number.NaN };
for (const p of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) FIXED[p] = { tag: 'float', value: Infinity };
for (const m of ['-.inf', '-.Inf', '-.INF']) FIXED[m] = { tag: 'float', value: -Infinity };

const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const GO_INT_BASE0 = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
const DATE_ONLY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;
const UINT64_MAX = 18446744073709551615n;

/** yaml.v3 `resolve`: the type a plain scalar's text has; `tagged` skips timestamp detection. */
function resolve(text: string, tagged: boolean): Resolved {
  const fixed = FIXED[text];
  if (fixed) return fixed;
  const first = text[0] ?? '';
  if (first === '.') {
    const f = Number(text);
    return YAML_FLOAT.test(text) && Number.isFinite(f) ? { tag: 'float', value: f } : { tag: 'str', value: text };
  }
  if (!/[-+0-9]/.test(first)) return { tag: 'str', value: text };
  if (!tagged) {
    const date = DATE_ONLY.exec(text);
    if (date) return { tag: 'timestamp', value: timestampText(date) };
  }
  const plain = text.replaceAll('_', '');
  const int = goInt(plain);
  if (int !== undefined) return { tag: 'int', value: int };
  if (YAML_FLOAT.test(plain)) {
    const f = Number(plain);
    if (Number.isFinite(f)) return { tag: 'float', value: f };
  }
  return { tag: 'str', value: text };
}

/** strconv.ParseInt(s, 0, 64), then ParseUint for the unsigned range. */
function goInt(plain: string): number | bigint | undefined {
  const m = GO_INT_BASE0.exec(plain);
  if (!m) return undefined;
  const digits = m[2] as string;
  const body = /^0[0-7]+$/.test(digits) ? `0o${digits.slice(1)}` : digits.toLowerCase() === '0' ? '0' : digits;
  let n = BigInt(body);
  if (m[1] === '-') n = -n;
  const inRange = n >= INT64_MIN && (n <= INT64_MAX || (m[1] !== '-' && m[1] !== '+' && n <= UINT64_MAX));
  if (!inRange) return undefined;
  return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
}

/** A date-only timestamp prints as Go's time.Time JSON form. */
function timestampText(m: RegExpExecArray): string {
  const pad = (s: string) => s.padStart(2, '0');
  return `${m[1]}-${pad(m[2] as string)}-${pad(m[3] as string)}T00:00:00Z`;
}

/** The value an untagged scalar with this text has (a node kyaml created, e.g. by `create`). */
export function resolvePlainScalar(text: string): JsonScalar {
  return resolve(text, false).value;
}

/** Decodes `text` for a node tagged `tag`; throws ScalarDecodeError when the text is another type. */
export function decodeWithTag(text: string, tag: ScalarTag): JsonScalar {
  if (tag === 'str') return text;
  const r = resolve(text, true);
  if (r.tag === tag) return r.value;
  if (tag === 'float' && r.tag === 'int') return Number(r.value);
  throw new ScalarDecodeError(text, r.tag, tag);
}

/** The text of a scalar as kyaml holds it in the node (our values lost the original spelling). */
export function textOf(value: JsonScalar): string {
  return value === null ? '' : String(value);
}
