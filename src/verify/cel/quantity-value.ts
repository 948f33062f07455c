/**
 * Kubernetes resource quantities (`500m`, `1.5Gi`, `1e3`) as apimachinery's
 * resource.Quantity computes them. Parsing follows ParseQuantity: the same
 * grammar and suffixes, values below one nano rounded up (away from zero),
 * binary-SI values capped at the int64 maximum. Every value is then a whole
 * number of nanos, so a BigInt count of nanos is exact for comparison and
 * arithmetic.
 *
 * apimachinery also keeps a "fast" int64 mantissa/exponent form when the
 * literal allows it, and `isInteger`/`asInteger` answer from that form
 * only (`1000m` is not an integer there, `1k` is). So the fast form is
 * tracked too, through parsing and addition, exactly as upstream does.
 */

export class QuantityError extends Error {}

const NANO = 1_000_000_000n;
const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;
const FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** apimachinery's int64Amount: value × 10^scale. */
interface Int64Amount {
  value: bigint;
  scale: number;
}

export interface Quantity {
  /** Value × 10^9. */
  nanos: bigint;
  format: QuantityFormat;
  /** The int64 form, when apimachinery would hold the value in it. */
  fast?: Int64Amount;
}

const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

const inInt64 = (v: bigint) => v >= INT64_MIN && v <= INT64_MAX;

/** Sign, integer digits without leading zeros, fraction digits, suffix: apimachinery's parseQuantityString. */
function split(text: string): { negative: boolean; num: string; denom: string; suffix: string } {
  let pos = 0;
  let negative = false;
  if (text[0] === '-' || text[0] === '+') {
    negative = text[0] === '-';
    pos++;
  }
  while (text[pos] === '0') pos++;
  if (pos >= text.length) return { negative, num: '0', denom: '', suffix: '' };
  const num = /^[0-9]*/.exec(text.slice(pos))?.[0] ?? '';
  pos += num.length;
  let denom = '';
  if (text[pos] === '.') {
    pos++;
    denom = /^[0-9]*/.exec(text.slice(pos))?.[0] ?? '';
    pos += denom.length;
  }
  const suffix = text.slice(pos);
  if (!/^[eEinumkKMGTP]*[-+]?[0-9]*$/.test(suffix)) throw new QuantityError(FORMAT_ERROR);
  return { negative, num: num || '0', denom, suffix };
}

function interpretSuffix(suffix: string): { base: 10 | 2; exponent: number; format: QuantityFormat } {
  if (suffix in DECIMAL_SUFFIXES) return { base: 10, exponent: DECIMAL_SUFFIXES[suffix] as number, format: 'DecimalSI' };
  if (suffix in BINARY_SUFFIXES) return { base: 2, exponent: BINARY_SUFFIXES[suffix] as number, format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[-+]?[0-9]+$/.test(suffix.slice(1))) {
    return { base: 10, exponent: Number(suffix.slice(1)), format: 'DecimalExponent' };
  }
  throw new QuantityError("unable to parse quantity's suffix");
}

/** |numerator| / denominator rounded up, with the sign of numerator (apimachinery rounds away from zero). */
function divideAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const q = (abs + denominator - 1n) / denominator;
  return negative ? -q : q;
}

function nanosOf(amount: Int64Amount): bigint {
  return amount.scale >= -9 ? amount.value * 10n ** BigInt(amount.scale + 9) : divideAwayFromZero(amount.value, 10n ** BigInt(-amount.scale - 9));
}

/** The int64 form ParseQuantity takes when the literal is small and precise enough. */
function fastForm(negative: boolean, num: string, denom: string, exponent: number, format: QuantityFormat): Int64Amount | undefined {
  let precision: number;
  let scale: number;
  let mantissa = 1n;
  if (format === 'BinarySI') {
    if (exponent < 0 || denom.length > 0) return undefined;
    mantissa = 1n << BigInt(exponent);
    precision = 15 - num.length - Math.trunc((exponent * 3) / 10) - 1;
    scale = 0;
  } else {
    precision = 18 - (num.length + denom.length);
    scale = exponent;
  }
  if (precision < 0) return undefined;
  scale -= denom.length;
  if (scale < -9) return undefined;
  const value = BigInt(num + denom);
  if (!inInt64(value)) return undefined;
  const result = value * mantissa;
  if (!inInt64(result)) return undefined;
  return { value: negative ? -result : result, scale };
}

export function parseQuantity(text: string): Quantity {
  if (text.length === 0) throw new QuantityError(FORMAT_ERROR);
  const { negative, num, denom, suffix } = split(text);
  const { base, exponent, format } = interpretSuffix(suffix);
  const fast = fastForm(negative, num, denom, exponent, format);
  if (fast) return { nanos: nanosOf(fast), format, fast };
  let numerator = BigInt(num + denom);
  let denominator = 10n ** BigInt(denom.length);
  if (base === 2) numerator *= 2n ** BigInt(exponent);
  else if (exponent >= 0) numerator *= 10n ** BigInt(exponent);
  else denominator *= 10n ** BigInt(-exponent);
  let nanos = divideAwayFromZero(numerator * NANO, denominator);
  if (format === 'BinarySI' && nanos > INT64_MAX * NANO) nanos = INT64_MAX * NANO;
  const finalFormat: QuantityFormat = format === 'BinarySI' && nanos < NANO && nanos > 0n ? 'DecimalSI' : format;
  return { nanos: negative ? -nanos : nanos, format: finalFormat };
}

export function compareQuantities(a: Quantity, b: Quantity): number {
  return a.nanos < b.nanos ? -1 : a.nanos > b.nanos ? 1 : 0;
}

/** value × 10^shift, if it stays an int64. */
function scaleUp(value: bigint, shift: number): bigint | undefined {
  const result = value * 10n ** BigInt(shift);
  return inInt64(result) ? result : undefined;
}

/** int64Amount.Add: exact in int64 at the smaller scale, or not possible. */
function addFast(a: Int64Amount, b: Int64Amount): Int64Amount | undefined {
  if (b.value === 0n) return a;
  if (a.value === 0n) return b;
  const scale = Math.min(a.scale, b.scale);
  const x = scaleUp(a.value, a.scale - scale);
  const y = scaleUp(b.value, b.scale - scale);
  if (x === undefined || y === undefined || !inInt64(x + y)) return undefined;
  return { value: x + y, scale };
}

/** Quantity.Add: the int64 form survives only while both sides have it and the sum fits. */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  const format = a.nanos === 0n ? b.format : a.format;
  const fast = a.fast && b.fast ? addFast(a.fast, b.fast) : undefined;
  return fast ? { nanos: a.nanos + b.nanos, format, fast } : { nanos: a.nanos + b.nanos, format };
}

export function negateQuantity(q: Quantity): Quantity {
  const out: Quantity = { nanos: -q.nanos, format: q.format };
  if (q.fast) out.fast = { value: -q.fast.value, scale: q.fast.scale };
  return out;
}

/** resource.NewQuantity(value, DecimalExponent). */
export function integerQuantity(value: bigint): Quantity {
  return { nanos: value * NANO, format: 'DecimalExponent', fast: { value, scale: 0 } };
}

/** Quantity.AsInt64: only from the int64 form with a non-negative scale. */
export function quantityAsInt64(q: Quantity): bigint | undefined {
  if (!q.fast || q.fast.scale < 0) return undefined;
  return scaleUp(q.fast.value, q.fast.scale);
}

/** Quantity.AsApproximateFloat64: mantissa × 10^exponent in float64. */
export function quantityAsFloat(q: Quantity): number {
  if (q.fast) return q.fast.scale === 0 ? Number(q.fast.value) : Number(q.fast.value) * pow10(q.fast.scale);
  return q.nanos === 0n ? 0 : Number(q.nanos) * pow10(-9);
}

function pow10(n: number): number {
  return n >= 0 ? 10 ** n : 1 / 10 ** -n;
}

export function quantitySign(q: Quantity): number {
  return q.nanos > 0n ? 1 : q.nanos < 0n ? -1 : 0;
}
