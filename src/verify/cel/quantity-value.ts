/**
 * Kubernetes resource quantities (`500m`, `1.5Gi`, `1e3`) as exact values.
 * Parsing follows apimachinery's ParseQuantity: the same grammar and
 * suffixes, values below one nano rounded up (away from zero), binary-SI
 * values capped at the int64 maximum. Every parsed quantity is then a whole
 * number of nanos, so a BigInt count of nanos is exact for comparison and
 * arithmetic.
 */

export class QuantityError extends Error {}

const NANO = 1_000_000_000n;
const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** Value × 10^9. */
  nanos: bigint;
  format: QuantityFormat;
}

const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

/** Splits into sign, integer digits, fraction digits and suffix with apimachinery's grammar. */
function split(text: string): { negative: boolean; whole: string; fraction: string; suffix: string } {
  let pos = 0;
  let negative = false;
  if (text[0] === '-' || text[0] === '+') {
    negative = text[0] === '-';
    pos++;
  }
  const whole = /^[0-9]*/.exec(text.slice(pos))?.[0] ?? '';
  pos += whole.length;
  let fraction = '';
  if (text[pos] === '.') {
    pos++;
    fraction = /^[0-9]*/.exec(text.slice(pos))?.[0] ?? '';
    pos += fraction.length;
  }
  const suffix = text.slice(pos);
  // The suffix is letters from "eEinumkKMGTP", then an optional signed number.
  if (!/^[eEinumkKMGTP]*([-+]?[0-9]*)$/.test(suffix)) throw new QuantityError('quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'');
  return { negative, whole, fraction, suffix };
}

function interpretSuffix(suffix: string): { base: 10 | 2; exponent: number; format: QuantityFormat } {
  if (suffix in DECIMAL_SUFFIXES) return { base: 10, exponent: DECIMAL_SUFFIXES[suffix] as number, format: 'DecimalSI' };
  if (suffix in BINARY_SUFFIXES) return { base: 2, exponent: BINARY_SUFFIXES[suffix] as number, format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[-+]?[0-9]+$/.test(suffix.slice(1))) {
    return { base: 10, exponent: Number(suffix.slice(1)), format: 'DecimalExponent' };
  }
  throw new QuantityError('unable to parse quantity\'s suffix');
}

/** Ceiling of |numerator| / denominator, with the sign of numerator (rounding away from zero). */
function divideAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const q = (abs + denominator - 1n) / denominator;
  return negative ? -q : q;
}

export function parseQuantity(text: string): Quantity {
  if (text.length === 0) throw new QuantityError('quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'');
  const { negative, whole, fraction, suffix } = split(text);
  const { base, exponent, format } = interpretSuffix(suffix);
  // The digits as an integer over 10^fraction.length.
  let numerator = BigInt(`${whole || '0'}${fraction}`);
  let denominator = 10n ** BigInt(fraction.length);
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

export function addQuantities(a: Quantity, b: Quantity): Quantity {
  return { nanos: a.nanos + b.nanos, format: a.format };
}

export function integerQuantity(value: bigint): Quantity {
  return { nanos: value * NANO, format: 'DecimalSI' };
}

/** The value as an int64, when it is a whole number in range. */
export function quantityAsInt64(q: Quantity): bigint | undefined {
  if (q.nanos % NANO !== 0n) return undefined;
  const value = q.nanos / NANO;
  return value >= INT64_MIN && value <= INT64_MAX ? value : undefined;
}

export function quantityAsFloat(q: Quantity): number {
  const whole = q.nanos / NANO;
  const fraction = q.nanos % NANO;
  return Number(whole) + Number(fraction) / 1e9;
}

export function quantitySign(q: Quantity): number {
  return q.nanos > 0n ? 1 : q.nanos < 0n ? -1 : 0;
}
