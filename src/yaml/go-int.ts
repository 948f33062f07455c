/**
 * Go's strconv.ParseInt/ParseUint with base 0, the integer syntax both of
 * kustomize's YAML libraries accept: optional sign, then 0b/0o/0x prefixes,
 * a leading 0 for octal, or decimal. Underscores are the caller's business
 * (the YAML resolvers strip them first).
 */

const BODY: Record<number, RegExp> = { 2: /^[01]+$/, 8: /^[0-7]*$/, 10: /^[0-9]+$/, 16: /^[0-9a-fA-F]+$/ };
const PREFIX: Record<number, string> = { 2: '0b', 8: '0o', 10: '', 16: '0x' };

export const INT64_MIN = -(2n ** 63n);
export const INT64_MAX = 2n ** 63n - 1n;
export const UINT64_MAX = 2n ** 64n - 1n;

function baseOf(digits: string): [number, string] {
  if (digits[0] !== '0') return [10, digits];
  const marker = digits.length >= 3 ? digits[1]!.toLowerCase() : '';
  if (marker === 'b') return [2, digits.slice(2)];
  if (marker === 'o') return [8, digits.slice(2)];
  if (marker === 'x') return [16, digits.slice(2)];
  return [8, digits.slice(1)];
}

/** The exact value if the syntax is valid (whatever its size), else undefined. */
export function parseGoInt(text: string): { value: bigint; signed: boolean } | undefined {
  const sign = text[0] === '+' || text[0] === '-' ? text[0] : '';
  const digits = text.slice(sign.length);
  if (digits === '') return undefined;
  const [base, body] = baseOf(digits);
  if (!BODY[base]!.test(body)) return undefined;
  const magnitude = body === '' ? 0n : BigInt(PREFIX[base] + body);
  return { value: sign === '-' ? -magnitude : magnitude, signed: sign !== '' };
}

/** Whether ParseInt (int64) or, for unsigned text, ParseUint (uint64) accepts the value. */
export function fitsGoInt(parsed: { value: bigint; signed: boolean }): boolean {
  const v = parsed.value;
  return (v >= INT64_MIN && v <= INT64_MAX) || (!parsed.signed && v <= UINT64_MAX);
}
